import { asc, eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { channels } from '../../db/schema/index.js';
import type { AppDeps } from '../deps.js';
import { pushChannelStock } from '../services/allocation/push-channel-stock.js';
import { prefetchLabel } from '../services/carriers/prefetch-label.js';
import { queueLabelPrefetch } from '../services/carriers/queue-label-prefetch.js';
import { acceptOrder } from '../services/channels/accept-order.js';
import { pullChannel } from '../services/channels/pull-channel.js';
import { pushShipment } from '../services/shipping/push-shipment.js';
import type { PrefetchLabelJob, PushStockJob } from './queues.js';
import { type AcceptOrderJob, type PullChannelJob, type PushShipmentJob, queues } from './queues.js';

export interface WorkerOptions {
  pollingIntervalSeconds?: number;
  /** Default seconds between pulls of a channel, when its settings do not say. */
  defaultPullIntervalSeconds?: number;
}

/**
 * Registers every job handler. Any number of worker processes may run this against one PostgreSQL:
 * pg-boss hands each job to one of them (SKIP LOCKED).
 */
export async function startWorkers(deps: AppDeps, options: WorkerOptions = {}): Promise<void> {
  const boss = deps.jobs.boss;
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1 };
  const log = deps.logger.child({ component: 'worker' });

  await boss.work<PullChannelJob>(queues.pullChannel, polling, async ([job]) => {
    if (!job) return;
    const { channelId } = job.data;
    try {
      const summary = await pullChannel(deps, channelId);
      if (summary.created || summary.updated || summary.parked)
        log.info('pulled channel', { channelId, ...summary });
    } catch (err) {
      log.warn('pull failed', { channelId, err });
    } finally {
      // The chain keeps each channel pulled at its interval; the cron tick restarts it if it ever breaks.
      await scheduleNextPull(deps, channelId, options.defaultPullIntervalSeconds ?? 60);
    }
  });

  await boss.work<AcceptOrderJob>(queues.acceptOrder, polling, async ([job]) => {
    if (job) await acceptOrder(deps, job.data.orderId);
  });

  await boss.work<PushShipmentJob>(queues.pushShipment, polling, async ([job]) => {
    if (!job) return;
    const outcome = await pushShipment(deps, job.data.shipmentId);
    log.info('shipment pushed', { shipmentId: job.data.shipmentId, outcome });
  });

  await boss.work<PushShipmentJob>(queues.pushShipmentDead, polling, async ([job]) => {
    if (job)
      log.error('shipment push gave up after every retry; the desk must act', {
        shipmentId: job.data.shipmentId,
      });
  });

  await boss.work<PushStockJob>(queues.pushStock, polling, async ([job]) => {
    if (!job) return;
    const outcome = await pushChannelStock(deps, job.data);
    if (outcome === 'rejected') log.warn('stock push rejected by the channel', { ...job.data });
  });

  await boss.work<PrefetchLabelJob>(queues.prefetchLabel, polling, async ([job]) => {
    if (!job) return;
    if (!job.data.orderId) {
      const queued = await queueLabelPrefetch(deps, deps.clock.now());
      if (queued) log.info('label prefetch queued', { orders: queued });
      return;
    }
    const outcome = await prefetchLabel(deps, job.data.orderId);
    log.info('label prefetch', { orderId: job.data.orderId, outcome });
  });
  await boss.schedule(queues.prefetchLabel, '*/30 * * * *', {});

  await boss.work(queues.tick, polling, async () => {
    const rows = await deps.db
      .select({ id: channels.id })
      .from(channels)
      .where(eq(channels.isEnabled, true))
      .orderBy(asc(channels.id));
    for (const row of rows)
      await deps.jobs.send(queues.pullChannel, { channelId: row.id }, { singletonKey: row.id });
  });
  await boss.schedule(queues.tick, '* * * * *');
  await boss.send(queues.tick, {});
}

async function scheduleNextPull(deps: AppDeps, channelId: string, fallbackSeconds: number) {
  const [row] = await deps.db
    .select({ settings: channels.settings, isEnabled: channels.isEnabled })
    .from(channels)
    .where(eq(channels.id, channelId));
  if (!row?.isEnabled) return;
  const seconds = Number(row.settings.pullIntervalSeconds ?? fallbackSeconds);
  await deps.jobs.send(
    queues.pullChannel,
    { channelId },
    { singletonKey: channelId, startAfterSeconds: seconds },
  );
}

export type { PgBoss };
