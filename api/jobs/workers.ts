import { asc, eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { channels } from '../../db/schema/index.js';
import type { AppDeps } from '../deps.js';
import { pushChannelStock } from '../services/allocation/push-channel-stock.js';
import { prefetchLabel } from '../services/carriers/prefetch-label.js';
import { queueLabelPrefetch } from '../services/carriers/queue-label-prefetch.js';
import { acceptOrder } from '../services/channels/accept-order.js';
import { pullChannel } from '../services/channels/pull-channel.js';
import { deliverAlertWebhook } from '../services/dashboard/deliver-alert-webhook.js';
import { evaluateAlerts } from '../services/dashboard/evaluate-alerts.js';
import { pushRefund } from '../services/returns/push-refund.js';
import { pushShipment } from '../services/shipping/push-shipment.js';
import { applyShippingRulesToUndecided } from '../services/shipping-rules/apply-shipping-rules.js';
import {
  ingestCarrierTracking,
  listTrackableAccounts,
} from '../services/tracking/ingest-carrier-tracking.js';
import { startFeedWorkers } from './feed-workers.js';
import type {
  DeliverAlertJob,
  PollTrackingJob,
  PrefetchLabelJob,
  PushRefundJob,
  PushStockJob,
} from './queues.js';
import { type AcceptOrderJob, type PullChannelJob, type PushShipmentJob, queues } from './queues.js';
import { startReturnWorkers } from './return-workers.js';

export interface WorkerOptions {
  pollingIntervalSeconds?: number;
  /** Default seconds between pulls of a channel, when its settings do not say. */
  defaultPullIntervalSeconds?: number;
  /** Workers per channel queue (pull, accept, shipment and stock pushes) in this process; default 1. */
  channelConcurrency?: number;
  /** Jobs each channel worker fetches per poll and runs side by side; default 1. */
  channelBatchSize?: number;
}

/**
 * Registers every job handler. Any number of worker processes may run this against one PostgreSQL:
 * pg-boss hands each job to one of them (SKIP LOCKED).
 */
export async function startWorkers(deps: AppDeps, options: WorkerOptions = {}): Promise<void> {
  const boss = deps.jobs.boss;
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1 };
  const log = deps.logger.child({ component: 'worker' });
  // Channel jobs mostly wait on the channel's answer: several of them may wait at once.
  const channelWork = async <T extends object>(name: string, handler: PgBoss.WorkHandler<T>) => {
    // Stately queues (one job per key) take one job per fetch: pg-boss moving several keyed jobs in one
    // statement deadlocks with its own fetch of the same keys.
    const isStately = name === queues.pullChannel || name === queues.pushStock;
    const batchSize = isStately ? 1 : Math.max(1, options.channelBatchSize ?? 1);
    // Each job of a batch fails on its own: pg-boss then completes only the jobs still active, so one
    // job's error never sends its neighbours to retry.
    const batched: PgBoss.WorkHandler<T> = async (jobs) => {
      if (jobs.length <= 1) return handler(jobs);
      const outcomes = await Promise.allSettled(jobs.map((job) => handler([job])));
      for (const [i, outcome] of outcomes.entries())
        if (outcome.status === 'rejected') await boss.fail(name, jobs[i]!.id, outcome.reason);
    };
    for (let i = 0; i < Math.max(1, options.channelConcurrency ?? 1); i++)
      await boss.work<T>(name, { ...polling, batchSize }, batched);
  };

  await channelWork<PullChannelJob>(queues.pullChannel, async ([job]) => {
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

  await channelWork<AcceptOrderJob>(queues.acceptOrder, async ([job]) => {
    if (job) await acceptOrder(deps, job.data.orderId);
  });

  await channelWork<PushShipmentJob>(queues.pushShipment, async ([job]) => {
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

  await channelWork<PushStockJob>(queues.pushStock, async ([job]) => {
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

  await boss.work<PushRefundJob>(queues.pushRefund, polling, async ([job]) => {
    if (!job) return;
    const outcome = await pushRefund(deps, job.data.refundId);
    log.info('refund pushed', { refundId: job.data.refundId, outcome });
  });

  await boss.work<PushRefundJob>(queues.pushRefundDead, polling, async ([job]) => {
    if (job)
      log.error('refund push gave up after every retry; the desk must act', { refundId: job.data.refundId });
  });

  await boss.work<PollTrackingJob>(queues.pollTracking, polling, async ([job]) => {
    if (!job) return;
    if (!job.data.carrierAccountId) {
      for (const id of await listTrackableAccounts(deps))
        await deps.jobs.send(queues.pollTracking, { carrierAccountId: id }, { singletonKey: id });
      return;
    }
    const summary = await ingestCarrierTracking(deps, job.data.carrierAccountId);
    if (summary.newEvents || summary.errors)
      log.info('carrier tracking read', { carrierAccountId: job.data.carrierAccountId, ...summary });
  });
  await boss.schedule(queues.pollTracking, '15 * * * *', {});

  await boss.work(queues.applyShippingRules, polling, async () => {
    const decided = await applyShippingRulesToUndecided(deps.db, deps.clock.now());
    if (decided) log.info('shipping rules applied', { orders: decided });
  });
  await boss.schedule(queues.applyShippingRules, '* * * * *', {});

  await boss.work(queues.evaluateAlerts, polling, async () => {
    const outcome = await evaluateAlerts(deps, deps.clock.now());
    if (outcome.opened || outcome.escalated || outcome.resolved)
      log.info('kpi alerts evaluated', { ...outcome });
  });
  await boss.schedule(queues.evaluateAlerts, '*/5 * * * *', {});

  await boss.work<DeliverAlertJob>(queues.deliverAlert, polling, async ([job]) => {
    if (!job) return;
    const outcome = await deliverAlertWebhook(deps, job.data.alertId, deps.clock.now());
    log.info('kpi alert webhook', { alertId: job.data.alertId, outcome });
  });

  await startFeedWorkers(deps, polling);
  await startReturnWorkers(deps, polling);

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
