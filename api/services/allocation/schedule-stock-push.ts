import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { channels, products } from '../../../db/schema/index.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { queues } from '../../jobs/queues.js';

/** Seconds a push waits so that the changes of a burst ride on one push; per channel in its settings. */
export const defaultStockPushIntervalSeconds = 30;

/**
 * Call in the transaction of every stock change. Queues one push per (channel, SKU) on a stately queue
 * keyed `${channelId}:${sku}`: while a push is waiting, further sends are dropped by pg-boss, so a burst
 * of sales becomes one push. The job reads the quantity when it runs, so the last change always wins.
 */
export async function scheduleStockPush(
  tx: Executor,
  jobs: JobQueue,
  productIds: readonly string[],
  options: { channelIds?: readonly string[] } = {},
): Promise<void> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  const targets = await tx
    .select({ id: channels.id, settings: channels.settings })
    .from(channels)
    .where(
      and(
        eq(channels.isEnabled, true),
        options.channelIds ? inArray(channels.id, [...options.channelIds]) : undefined,
      ),
    );
  if (targets.length === 0) return;
  const items = await tx
    .select({ id: products.id, sku: products.sku })
    .from(products)
    .where(inArray(products.id, ids))
    // Jobs are keyed per channel and SKU: two transactions queueing the same keys in the same order
    // wait for each other instead of deadlocking.
    .orderBy(asc(products.sku));
  const jobsToSend = targets
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((channel) => channel.settings.isStockPushEnabled !== false)
    .flatMap((channel) => {
      const window = Number(channel.settings.stockPushIntervalSeconds ?? defaultStockPushIntervalSeconds);
      return items.map((item) => ({
        data: { channelId: channel.id, productId: item.id },
        singletonKey: `${channel.id}:${item.sku}`,
        startAfterSeconds: Math.max(0, window),
      }));
    });
  await jobs.sendMany(queues.pushStock, jobsToSend, { tx });
}
