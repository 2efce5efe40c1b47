import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import postgres from 'postgres';
import { createApp } from '../../api/app.js';
import { startSystem } from '../../api/bootstrap.js';
import { seedDemo } from '../../api/demo/seed-demo.js';
import { startWorkers } from '../../api/jobs/workers.js';
import { silentLogger } from '../../api/logger.js';
import { createUser } from '../../api/services/auth/create-user.js';
import { ensureFirstAdmin } from '../../api/services/auth/ensure-first-admin.js';
import { applyMovement } from '../../api/services/stock/apply-movement.js';
import type { Database } from '../../db/client.js';
import { binStock } from '../../db/schema/index.js';
import { type RunningMiraklSimulator, startMiraklSimulator } from '../fakes/mirakl/server.js';
import { admin, desk, startCluster } from '../ops/cluster.js';
import { checkInvariants, drizzleRunner, type InvariantReport, miraklRecord } from '../ops/invariants.js';
import { startRoundRobin } from '../ops/round-robin.js';

export interface LoadTarget {
  kind: 'postgresql' | 'pglite';
  /** What serves the API: processes and their count. */
  shape: string;
  baseUrl: string;
  db: Database;
  databaseUrl: string | null;
  simulator: RunningMiraklSimulator;
  channelId: string;
  check(): Promise<InvariantReport>;
  stop(): Promise<void>;
}

/**
 * PostgreSQL (DATABASE_URL): a fresh database, real `api/main.ts` processes (ROLE=api behind a loopback
 * round-robin when there are several, ROLE=worker) and the Mirakl simulator on loopback. PGlite: the whole
 * system in this process, served on a loopback port, as `npm start` runs it.
 */
export async function startLoadTarget(options: { apis: number; workers: number }): Promise<LoadTarget> {
  if (process.env.DATABASE_URL) {
    // Queue timings as in production, except a short pull interval so a compressed hour keeps flowing.
    const cluster = await startCluster({ JOB_RETRY_DELAY_SECONDS: '2', LOG_LEVEL: 'warn' });
    const [apis] = await Promise.all([
      Promise.all(Array.from({ length: options.apis }, () => cluster.start('api'))),
      Promise.all(Array.from({ length: options.workers }, () => cluster.start('worker'))),
    ]);
    const balancer = apis.length > 1 ? await startRoundRobin(apis.map((p) => p.port!)) : null;
    return {
      kind: 'postgresql',
      shape: `${options.apis} API + ${options.workers} worker process(es)${balancer ? ' behind a round-robin' : ''}`,
      baseUrl: balancer?.url ?? `http://127.0.0.1:${apis[0]!.port}`,
      db: cluster.system.deps.db,
      databaseUrl: cluster.databaseUrl,
      simulator: cluster.simulator,
      channelId: cluster.channelId,
      check: () => cluster.check({ allowPendingPushes: true }),
      async stop() {
        await balancer?.close();
        await cluster.stop();
      },
    };
  }
  const simulator = await startMiraklSimulator({ port: 0, apiKey: 'load-mirakl-key', seed: 13 });
  const system = await startSystem(
    {
      databaseUrl: undefined,
      dataDir: '.data/load',
      secretsKey: undefined,
      publicUrl: undefined,
      pgliteDir: 'memory://',
    },
    silentLogger,
    { secretsKey: randomBytes(32) },
  );
  await ensureFirstAdmin(system.deps.db, admin);
  await createUser(system.deps.db, { name: 'Desk', role: 'desk', ...desk });
  const seeded = await seedDemo(system.deps, {
    baseUrl: simulator.url,
    apiKey: 'load-mirakl-key',
    pullIntervalSeconds: 1,
  });
  await startWorkers(system.deps, { pollingIntervalSeconds: 0.5, defaultPullIntervalSeconds: 1 });
  const app = createApp(system.deps);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    kind: 'pglite',
    shape: 'one process (API + workers, PGlite in memory)',
    baseUrl: `http://127.0.0.1:${port}`,
    db: system.deps.db,
    databaseUrl: null,
    simulator,
    channelId: seeded.channelId,
    async check() {
      const log = (await (await fetch(`${simulator.url}/_sim/received`)).json()) as Parameters<
        typeof miraklRecord
      >[1];
      return checkInvariants(drizzleRunner(system.deps.db), {
        channels: [miraklRecord(seeded.channelId, log)],
        allowPendingPushes: true,
      });
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await simulator.close().catch(() => {});
      await system.stop();
    },
  };
}

/** A Black Friday's worth of stock in every demo bin, through the stock ledger. */
export async function topUpStock(db: Database, units: number) {
  const rows = await db.select({ binId: binStock.binId, productId: binStock.productId }).from(binStock);
  await db.transaction(async (tx) => {
    for (const r of rows)
      await applyMovement(
        tx,
        {},
        { ...r, delta: units, reason: 'receipt', reference: 'load-test' },
        new Date(),
      );
  });
  return rows.length;
}

/** Badge users for the floor: `count` pickers or packers, each with a badge and PIN of their own. */
export async function createCrew(db: Database, role: 'picker' | 'packer', count: number) {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const badge = `LOAD-${role.toUpperCase()}-${String(i + 1).padStart(3, '0')}`;
      await createUser(db, { name: `${role} ${i + 1}`, role, badgeCode: badge, pin: '2468' });
      return { badge, pin: '2468' };
    }),
  );
}

export interface ConnectionSample {
  total: number;
  active: number;
  idleInTransaction: number;
  waiting: number;
}

/** Samples pg_stat_activity for the run's database once a second; `null` on PGlite (one connection). */
export function sampleConnections(databaseUrl: string | null) {
  if (!databaseUrl) return null;
  const name = new URL(databaseUrl).pathname.slice(1);
  const conn = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const samples: ConnectionSample[] = [];
  let maxConnections = 0;
  const take = async () => {
    const [row] = await conn<
      { total: number; active: number; idle_tx: number; waiting: number; max_conn: number }[]
    >`select count(*)::int as total,
        count(*) filter (where state = 'active')::int as active,
        count(*) filter (where state like 'idle in transaction%')::int as idle_tx,
        count(*) filter (where wait_event_type = 'Lock')::int as waiting,
        current_setting('max_connections')::int as max_conn
      from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
    if (!row) return;
    maxConnections = row.max_conn;
    samples.push({
      total: row.total,
      active: row.active,
      idleInTransaction: row.idle_tx,
      waiting: row.waiting,
    });
  };
  const timer = setInterval(() => void take().catch(() => {}), 1000);
  return {
    async stop() {
      clearInterval(timer);
      await conn.end();
      const max = (k: keyof ConnectionSample) => Math.max(0, ...samples.map((s) => s[k]));
      const mean = (k: keyof ConnectionSample) =>
        samples.length ? Math.round((samples.reduce((a, s) => a + s[k], 0) / samples.length) * 10) / 10 : 0;
      return {
        samples: samples.length,
        maxConnections,
        total: { max: max('total'), mean: mean('total') },
        active: { max: max('active'), mean: mean('active') },
        idleInTransaction: { max: max('idleInTransaction'), mean: mean('idleInTransaction') },
        waitingOnLocks: { max: max('waiting'), mean: mean('waiting') },
      };
    },
  };
}
