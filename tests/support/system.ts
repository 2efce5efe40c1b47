import { randomBytes } from 'node:crypto';
import { createApp } from '../../api/app.js';
import { type System, startSystem } from '../../api/bootstrap.js';
import { seedDemo } from '../../api/demo/seed-demo.js';
import { startWorkers } from '../../api/jobs/workers.js';
import { createLogger, silentLogger } from '../../api/logger.js';
import { createUser } from '../../api/services/auth/create-user.js';
import { ensureFirstAdmin } from '../../api/services/auth/ensure-first-admin.js';
import { createMiraklSimulator, type MiraklSimulator } from '../fakes/mirakl/simulator.js';
import { createTestDatabase } from './test-database.js';

export const simulatorBaseUrl = 'http://mirakl.test';
export const simulatorKey = 'test-mirakl-key';

export interface TestSystem {
  system: System;
  app: ReturnType<typeof createApp>;
  simulator: MiraklSimulator;
  channelId: string;
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

/**
 * The whole system in one process, as `npm start` runs it, with the Mirakl simulator in-process: the
 * real connector's HTTP requests are routed to the simulator's app instead of the network.
 */
export async function startTestSystem(
  options: { workers?: boolean; webRoot?: string } = {},
): Promise<TestSystem> {
  const database = await createTestDatabase();
  const simulator = createMiraklSimulator({ apiKey: simulatorKey, autoAdvance: true, seed: 7 });
  const logger = process.env.TEST_LOGS ? createLogger({ test: true }) : silentLogger;
  const system = await startSystem(
    {
      databaseUrl: database.url,
      dataDir: '.data/test',
      secretsKey: undefined,
      publicUrl: undefined,
      pgliteDir: 'memory://',
    },
    logger,
    {
      secretsKey: randomBytes(32),
      fetch: (input, init) => simulator.app.request(input.replace(simulatorBaseUrl, ''), init),
    },
  );
  const admin = (await ensureFirstAdmin(system.deps.db, {
    email: 'admin@test.local',
    password: 'correct horse battery',
  }))!;
  const seeded = await seedDemo(system.deps, {
    baseUrl: simulatorBaseUrl,
    apiKey: simulatorKey,
    pullIntervalSeconds: 3600,
  });
  await createUser(system.deps.db, {
    name: 'Desk',
    role: 'desk',
    email: 'desk@test.local',
    password: 'desk password 1',
  });
  if (options.workers !== false)
    await startWorkers(system.deps, { pollingIntervalSeconds: 0.5, defaultPullIntervalSeconds: 3600 });
  const app = createApp(system.deps, options.webRoot ? { webRoot: options.webRoot } : {});
  return {
    system,
    app,
    simulator,
    channelId: seeded.channelId,
    admin,
    async stop() {
      await system.stop();
      await database.drop();
    },
  };
}

/** Polls until `check` returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
  label = 'condition',
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A signed-in HTTP client over app.request, the way the web app calls the API (cookie + X-Requested-With). */
export async function signIn(
  app: TestSystem['app'],
  credentials: { email: string; password: string } | { badge: string; pin: string },
) {
  const isBadge = 'badge' in credentials;
  const res = await app.request(isBadge ? '/api/auth/badge' : '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const call = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: {
        cookie,
        'x-requested-with': 'fetch',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    cookie,
    call,
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
  };
}
