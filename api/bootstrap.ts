import { join } from 'node:path';
import { createDb, type DbHandle } from '../db/client.js';
import type { FetchLike } from './channels/http.js';
import { createDbRateLimiter } from './channels/rate-limit.js';
import { createConnectorFactory } from './channels/registry.js';
import { type Clock, systemClock } from './clock.js';
import type { AppConfig, JobTimings } from './config.js';
import type { AppDeps } from './deps.js';
import { startJobQueue } from './jobs/job-queue.js';
import type { Logger } from './logger.js';
import { createMetricsRegistry } from './metrics/registry.js';
import { createSecretBox, loadSecretKey } from './security/secret-box.js';

export interface System {
  deps: AppDeps;
  handle: DbHandle;
  stop(): Promise<void>;
}

/** Database (migrated), job queue and the rest of the dependencies, for the server, the worker and tests. */
export async function startSystem(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'secretsKey' | 'publicUrl'> & {
    pgliteDir?: string;
    jobTimings?: JobTimings;
    shutdownTimeoutSeconds?: number;
  },
  logger: Logger,
  overrides: { clock?: Clock; fetch?: FetchLike; secretsKey?: Buffer } = {},
): Promise<System> {
  const handle = await createDb({
    url: config.databaseUrl,
    dataDir: config.pgliteDir ?? join(config.dataDir, 'pglite'),
  });
  const jobs = await startJobQueue(handle, logger, config.jobTimings);
  const key = overrides.secretsKey ?? loadSecretKey(config.secretsKey, join(config.dataDir, 'secrets.key'));
  const deps: AppDeps = {
    db: handle.db,
    jobs,
    clock: overrides.clock ?? systemClock,
    logger,
    secrets: createSecretBox(key),
    // Tests route connectors to in-process fakes and run them unthrottled; a real run shares one
    // database-backed token bucket per (account, operation) across every process.
    connectors: overrides.fetch
      ? createConnectorFactory(overrides.fetch, { logger })
      : createConnectorFactory(undefined, { rateLimiter: createDbRateLimiter(handle.db), logger }),
    metrics: createMetricsRegistry(),
    isSecureCookies: config.publicUrl?.startsWith('https://') ?? false,
    ping: () => handle.ping(),
  };
  return {
    deps,
    handle,
    async stop() {
      // Graceful: the workers take no new job and the ones under way finish (up to the timeout).
      await jobs.boss.stop({
        graceful: true,
        wait: true,
        timeout: (config.shutdownTimeoutSeconds ?? 5) * 1000,
      });
      await handle.close();
    },
  };
}
