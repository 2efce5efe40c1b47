import { and, eq } from 'drizzle-orm';
import { channelStock, products } from '../../../db/schema/index.js';
import { ChannelError } from '../../channels/connector.js';
import type { AppDeps } from '../../deps.js';
import { queues } from '../../jobs/queues.js';
import { loadChannel } from '../channels/load-channel.js';
import { recordEvent, systemActor } from '../events/record-event.js';
import { applyAllocationRule } from './allocation-rule.js';
import { availableOf, ruleFor } from './compute-channel-stock.js';
import { defaultStockPushIntervalSeconds } from './schedule-stock-push.js';

export type StockPushOutcome = 'pushed' | 'deferred' | 'skipped' | 'rejected';

/**
 * The push job. It computes the quantity now, not when it was queued, so whatever happened during the
 * coalescing window is in it. Setting an absolute quantity is idempotent: a push that timed out is
 * simply retried (pg-boss back-off) without reading the channel back first.
 */
export async function pushChannelStock(
  deps: AppDeps,
  job: { channelId: string; productId: string },
): Promise<StockPushOutcome> {
  const channel = await loadChannel(deps, job.channelId);
  if (!channel.isEnabled || channel.settings.isStockPushEnabled === false) return 'skipped';
  const [product] = await deps.db
    .select({ sku: products.sku })
    .from(products)
    .where(eq(products.id, job.productId));
  if (!product) return 'skipped';
  const now = deps.clock.now();
  // A job started late (busy workers) must not push right after the previous one: the window is kept
  // between pushes, not between job starts. Waiting here re-queues; the re-queued job reads afresh.
  const windowMs =
    1000 * Number(channel.settings.stockPushIntervalSeconds ?? defaultStockPushIntervalSeconds);
  const [last] = await deps.db
    .select({ pushedAt: channelStock.pushedAt })
    .from(channelStock)
    .where(and(eq(channelStock.channelId, job.channelId), eq(channelStock.productId, job.productId)));
  const sinceLast = last?.pushedAt ? now.getTime() - last.pushedAt.getTime() : Number.POSITIVE_INFINITY;
  if (sinceLast < windowMs) {
    await deps.jobs.send(queues.pushStock, job, {
      singletonKey: `${job.channelId}:${product.sku}`,
      startAfterSeconds: Math.max(1, Math.ceil((windowMs - sinceLast) / 1000)),
    });
    return 'deferred';
  }
  const available = await availableOf(deps.db, job.productId);
  const quantity = applyAllocationRule(available, await ruleFor(deps.db, job.channelId, job.productId));
  try {
    await channel.connector.pushStock([{ sku: product.sku, quantity }]);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await saveState(deps, job, { lastError: message.slice(0, 500) });
    if (err instanceof ChannelError && !err.retryable) return 'rejected';
    throw err;
  }
  await deps.db.transaction(async (tx) => {
    await saveState({ db: tx }, job, { pushedQuantity: quantity, pushedAt: now, lastError: null });
    await recordEvent(
      tx,
      systemActor,
      {
        type: 'stock.pushed',
        entityType: 'product',
        entityId: job.productId,
        payload: { channelId: job.channelId, sku: product.sku, quantity, available },
      },
      now,
    );
  });
  return 'pushed';
}

async function saveState(
  deps: { db: Pick<AppDeps['db'], 'insert'> },
  job: { channelId: string; productId: string },
  values: { pushedQuantity?: number; pushedAt?: Date; lastError: string | null },
) {
  await deps.db
    .insert(channelStock)
    .values({ channelId: job.channelId, productId: job.productId, ...values })
    .onConflictDoUpdate({ target: [channelStock.channelId, channelStock.productId], set: values });
}
