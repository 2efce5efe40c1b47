import PgBoss from 'pg-boss';
import { type DbHandle, type Executor, transactionExecutor } from '../../db/client.js';
import type { JobTimings } from '../config.js';
import type { Logger } from '../logger.js';
import { queues } from './queues.js';

export interface SendOptions {
  /** Queue the job inside this transaction: it exists if and only if the transaction commits. */
  tx?: Executor;
  singletonKey?: string;
  startAfterSeconds?: number;
}

export interface ManyJob {
  data: object;
  singletonKey?: string;
  startAfterSeconds?: number;
}

/** The narrow face of pg-boss the services see; tests and services never touch pg-boss directly. */
export interface JobQueue {
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  /** Many jobs of one queue in one statement (a pulled page's acceptances, a sale's channel pushes). */
  sendMany(name: string, jobs: ManyJob[], options?: { tx?: Executor }): Promise<void>;
  boss: PgBoss;
}

export async function startJobQueue(
  handle: DbHandle,
  logger: Logger,
  timings: JobTimings = {},
): Promise<JobQueue> {
  const boss = new PgBoss({
    ...handle.boss,
    schema: 'pgboss',
    // Maintenance (archiving, expiry) runs in every process; pg-boss coordinates it through the database.
    maintenanceIntervalSeconds: timings.maintenanceIntervalSeconds ?? 60,
    ...('connectionString' in handle.boss ? { max: 4 } : {}),
  });
  // A push is a few channel calls of at most 30 s each: when its worker dies (kill -9, lost machine) the
  // job comes back after 5 minutes instead of pg-boss's default 15.
  const pushExpiry = { expireInSeconds: timings.expireInSeconds ?? 300 };
  const tuned = (options: PgBoss.Queue): PgBoss.Queue => ({
    ...options,
    ...(timings.expireInSeconds ? { expireInSeconds: timings.expireInSeconds } : {}),
    ...(timings.retryDelaySeconds !== undefined && options.retryDelay !== undefined
      ? { retryDelay: timings.retryDelaySeconds }
      : {}),
    ...(timings.retryBackoff !== undefined && options.retryBackoff !== undefined
      ? { retryBackoff: timings.retryBackoff }
      : {}),
  });
  boss.on('error', (err) => logger.error('job queue error', { err }));
  await boss.start();
  // createQueue leaves an existing queue as it was: the update makes changed timings reach a database
  // whose queues an older release created (policy included, or the update would reset it).
  const ensureQueue = async (name: string, options: PgBoss.Queue) => {
    await boss.createQueue(name, options);
    await boss.updateQueue(name, { policy: 'standard', ...options });
  };
  await ensureQueue(
    queues.pullChannel,
    tuned({ name: queues.pullChannel, policy: 'stately', retryLimit: 0 }),
  );
  await ensureQueue(
    queues.acceptOrder,
    tuned({
      name: queues.acceptOrder,
      ...pushExpiry,
      retryLimit: 8,
      retryDelay: 5,
      retryBackoff: true,
    }),
  );
  await ensureQueue(queues.pushShipmentDead, { name: queues.pushShipmentDead });
  await ensureQueue(
    queues.pushShipment,
    tuned({
      name: queues.pushShipment,
      ...pushExpiry,
      retryLimit: 12,
      retryDelay: 5,
      retryBackoff: true,
      deadLetter: queues.pushShipmentDead,
    }),
  );
  await ensureQueue(queues.tick, tuned({ name: queues.tick, policy: 'singleton' }));
  await ensureQueue(
    queues.prefetchLabel,
    tuned({
      name: queues.prefetchLabel,
      retryLimit: 6,
      retryDelay: 30,
      retryBackoff: true,
    }),
  );
  await ensureQueue(
    queues.pushStock,
    tuned({
      name: queues.pushStock,
      ...pushExpiry,
      policy: 'stately',
      retryLimit: 8,
      retryDelay: 10,
      retryBackoff: true,
    }),
  );
  await ensureQueue(queues.pushRefundDead, { name: queues.pushRefundDead });
  await ensureQueue(
    queues.pushRefund,
    tuned({
      name: queues.pushRefund,
      ...pushExpiry,
      retryLimit: 12,
      retryDelay: 5,
      retryBackoff: true,
      deadLetter: queues.pushRefundDead,
    }),
  );
  await ensureQueue(
    queues.pollTracking,
    tuned({
      name: queues.pollTracking,
      policy: 'stately',
      retryLimit: 3,
      retryDelay: 60,
      retryBackoff: true,
    }),
  );
  await ensureQueue(queues.applyShippingRules, { name: queues.applyShippingRules, policy: 'singleton' });
  await ensureQueue(queues.evaluateAlerts, { name: queues.evaluateAlerts, policy: 'singleton' });
  await ensureQueue(
    queues.deliverAlert,
    tuned({ name: queues.deliverAlert, retryLimit: 8, retryDelay: 10, retryBackoff: true }),
  );
  await ensureQueue(
    queues.generateFeed,
    tuned({
      name: queues.generateFeed,
      policy: 'stately',
      retryLimit: 3,
      retryDelay: 60,
      retryBackoff: true,
    }),
  );
  await ensureQueue(queues.feedTick, { name: queues.feedTick, policy: 'singleton' });
  await ensureQueue(
    queues.pullReturns,
    tuned({
      name: queues.pullReturns,
      policy: 'stately',
      retryLimit: 2,
      retryDelay: 60,
      retryBackoff: true,
    }),
  );
  await ensureQueue(
    queues.deliverFeed,
    tuned({
      name: queues.deliverFeed,
      ...pushExpiry,
      policy: 'stately',
      retryLimit: 6,
      retryDelay: 30,
      retryBackoff: true,
    }),
  );
  return {
    boss,
    send(name, data, options = {}) {
      return boss.send(name, data, {
        ...(options.tx ? { db: transactionExecutor(options.tx) } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        // Inside a transaction each `$n` becomes its own typed parameter, and pg-boss uses its start-after
        // value both as text and as a timestamp: a number fails to bind there, an ISO instant does not.
        ...(options.startAfterSeconds
          ? {
              startAfter: options.tx
                ? new Date(Date.now() + options.startAfterSeconds * 1000)
                : options.startAfterSeconds,
            }
          : {}),
      });
    },
    async sendMany(name, jobs, options = {}) {
      if (jobs.length === 0) return;
      await boss.insert(
        jobs.map((j) => ({
          name,
          data: j.data,
          ...(j.singletonKey ? { singletonKey: j.singletonKey } : {}),
          ...(j.startAfterSeconds
            ? { startAfter: new Date(Date.now() + j.startAfterSeconds * 1000).toISOString() }
            : {}),
        })),
        options.tx ? { db: transactionExecutor(options.tx) } : {},
      );
    },
  };
}
