import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type System, startSystem } from '../../api/bootstrap.js';
import { seedDemo } from '../../api/demo/seed-demo.js';
import { silentLogger } from '../../api/logger.js';
import { createUser } from '../../api/services/auth/create-user.js';
import { ensureFirstAdmin } from '../../api/services/auth/ensure-first-admin.js';
import { type RunningMiraklSimulator, startMiraklSimulator } from '../fakes/mirakl/server.js';
import { createTestDatabase } from '../support/test-database.js';
import {
  checkInvariants,
  drizzleRunner,
  type InvariantOptions,
  type InvariantReport,
  miraklRecord,
} from './invariants.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const simulatorKey = 'ops-mirakl-key';

export const admin = { email: 'admin@ops.local', password: 'ops admin password 1' };
export const desk = { email: 'desk@ops.local', password: 'ops desk password 1' };
export const picker = { badge: 'BADGE-0001', pin: '1234' };
export const packer = { badge: 'BADGE-0002', pin: '5678' };

/** Compressed queue timings shared by every process of a cluster (see `JobTimings` in api/config.ts). */
export const compressedTimings: Record<string, string> = {
  // Well above the longest push a scenario makes (a 4 s delayed channel answer on a loaded machine), so
  // only a dead worker's job ever expires.
  JOB_EXPIRE_SECONDS: '10',
  JOB_MAINTENANCE_SECONDS: '1',
  JOB_RETRY_DELAY_SECONDS: '1',
  JOB_RETRY_BACKOFF: '0',
  SHUTDOWN_TIMEOUT_SECONDS: '20',
};

export interface Proc {
  role: 'api' | 'worker';
  pid: number;
  port: number | null;
  child: ChildProcess;
  /** Every stdout/stderr line so far. */
  lines: string[];
  exited: Promise<number | null>;
  exitSignal(): NodeJS.Signals | null;
}

export interface Cluster {
  databaseUrl: string;
  system: System;
  simulator: RunningMiraklSimulator;
  channelId: string;
  procs: Proc[];
  start(role: 'api' | 'worker', options?: { port?: number }): Promise<Proc>;
  /** The invariants, with the Mirakl simulator's record and any other channels' records given. */
  check(options?: InvariantOptions): Promise<InvariantReport>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A fresh PostgreSQL database seeded with the demo merchant, a Mirakl simulator on a loopback port, and
 * real `api/main.ts` processes (ROLE=api / ROLE=worker) started on demand against that database. The
 * test process keeps a connection of its own (without workers) to read the database and seed it.
 */
export async function startCluster(env: Record<string, string> = {}): Promise<Cluster> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('the ops scenarios need DATABASE_URL (several processes share one database)');
  const database = await createTestDatabase();
  const databaseUrl = database.url!;
  const key = randomBytes(32);
  const dataDir = mkdtempSync(join(tmpdir(), 'shipdesk-ops-'));
  const simulator = await startMiraklSimulator({ port: 0, apiKey: simulatorKey, seed: 11 });
  const timings = { ...compressedTimings, ...env };
  const system = await startSystem(
    {
      databaseUrl,
      dataDir,
      secretsKey: undefined,
      publicUrl: undefined,
      jobTimings: {
        expireInSeconds: Number(timings.JOB_EXPIRE_SECONDS),
        maintenanceIntervalSeconds: Number(timings.JOB_MAINTENANCE_SECONDS),
        retryDelaySeconds: Number(timings.JOB_RETRY_DELAY_SECONDS),
        retryBackoff: timings.JOB_RETRY_BACKOFF !== '0',
      },
    },
    silentLogger,
    { secretsKey: key },
  );
  await ensureFirstAdmin(system.deps.db, admin);
  await createUser(system.deps.db, { name: 'Desk', role: 'desk', ...desk });
  const seeded = await seedDemo(system.deps, {
    baseUrl: simulator.url,
    apiKey: simulatorKey,
    pullIntervalSeconds: 1,
  });
  const procs: Proc[] = [];

  const cluster: Cluster = {
    databaseUrl,
    system,
    simulator,
    channelId: seeded.channelId,
    procs,
    async start(role, options = {}) {
      const port = role === 'api' ? (options.port ?? (await freePort())) : null;
      const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          ...timings,
          ROLE: role,
          DATABASE_URL: databaseUrl,
          SECRETS_KEY: key.toString('base64'),
          DATA_DIR: dataDir,
          DEMO: '0',
          SERVE_WEB: '0',
          HOST: '127.0.0.1',
          PORT: String(port ?? 0),
          LOG_LEVEL: 'info',
          NODE_ENV: 'test',
        },
      });
      const lines: string[] = [];
      let signal: NodeJS.Signals | null = null;
      const collect = (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line);
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code, sig) => {
          signal = sig;
          resolve(code);
        }),
      );
      const proc: Proc = { role, pid: child.pid!, port, child, lines, exited, exitSignal: () => signal };
      procs.push(proc);
      const started = Date.now();
      while (!lines.some((l) => l.includes('"msg":"started"'))) {
        if (child.exitCode !== null) throw new Error(`${role} exited at start:\n${lines.join('\n')}`);
        if (Date.now() - started > 180_000) throw new Error(`${role} did not start:\n${lines.join('\n')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return proc;
    },
    async check({ channels: others, ...options } = {}) {
      return checkInvariants(drizzleRunner(system.deps.db), {
        ...options,
        // Read once the shipments are (see InvariantOptions.channels).
        channels: async () => {
          const log = (await (await fetch(`${simulator.url}/_sim/received`)).json()) as Parameters<
            typeof miraklRecord
          >[1];
          const more = typeof others === 'function' ? await others() : (others ?? []);
          return [miraklRecord(seeded.channelId, log), ...more];
        },
      });
    },
    async stop() {
      for (const p of procs)
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await Promise.all(procs.map((p) => p.exited));
      await simulator.close().catch(() => {});
      await system.stop().catch(() => {});
      await database.drop();
    },
  };
  return cluster;
}

/** Kills a process without warning, as a crashed machine or the OOM killer would. */
export async function killHard(proc: Proc): Promise<void> {
  proc.child.kill('SIGKILL');
  await proc.exited;
}
