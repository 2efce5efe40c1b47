import PgBoss from 'pg-boss';
import { type DbHandle, type Executor, transactionExecutor } from '../../db/client.js';
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

export async function startJobQueue(handle: DbHandle, logger: Logger): Promise<JobQueue> {
  const boss = new PgBoss({
    ...handle.boss,
    schema: 'pgboss',
    // Maintenance (archiving, expiry) runs in every process; pg-boss coordinates it through the database.
    maintenanceIntervalSeconds: 60,
    ...('connectionString' in handle.boss ? { max: 4 } : {}),
  });
  boss.on('error', (err) => logger.error('job queue error', { err }));
  await boss.start();
  await boss.createQueue(queues.pullChannel, { name: queues.pullChannel, policy: 'stately', retryLimit: 0 });
  await boss.createQueue(queues.acceptOrder, {
    name: queues.acceptOrder,
    retryLimit: 8,
    retryDelay: 5,
    retryBackoff: true,
  });
  await boss.createQueue(queues.pushShipmentDead, { name: queues.pushShipmentDead });
  await boss.createQueue(queues.pushShipment, {
    name: queues.pushShipment,
    retryLimit: 12,
    retryDelay: 5,
    retryBackoff: true,
    deadLetter: queues.pushShipmentDead,
  });
  await boss.createQueue(queues.tick, { name: queues.tick, policy: 'singleton' });
  await boss.createQueue(queues.prefetchLabel, {
    name: queues.prefetchLabel,
    retryLimit: 6,
    retryDelay: 30,
    retryBackoff: true,
  });
  await boss.createQueue(queues.pushStock, {
    name: queues.pushStock,
    policy: 'stately',
    retryLimit: 8,
    retryDelay: 10,
    retryBackoff: true,
  });
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
