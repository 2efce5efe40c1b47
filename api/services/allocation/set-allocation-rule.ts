import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { allocationRules, channels, products } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { AllocationRule } from './allocation-rule.js';
import { scheduleStockPush } from './schedule-stock-push.js';

/**
 * Sets a channel's default rule (productId null) or a product's override, and re-pushes what changes:
 * the one product, or for a default every product the channel has been shown.
 */
export async function setAllocationRule(
  deps: { db: Database; jobs: JobQueue },
  input: { channelId: string; productId: string | null } & AllocationRule,
  now: Date,
) {
  const [channel] = await deps.db
    .select({ id: channels.id })
    .from(channels)
    .where(eq(channels.id, input.channelId));
  if (!channel) throw new AppError('channel_not_found', 404, `Channel ${input.channelId} does not exist.`);
  if (input.productId) {
    const [product] = await deps.db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.id, input.productId));
    if (!product)
      throw new AppError('product_not_found', 422, `Product ${input.productId} does not exist.`, {
        field: 'productId',
      });
  }
  const values = {
    bufferUnits: input.bufferUnits,
    sharePercent: input.sharePercent,
    capUnits: input.capUnits,
    zeroBelow: input.zeroBelow,
    updatedAt: now,
  };
  return deps.db.transaction(async (tx) => {
    const match = and(
      eq(allocationRules.channelId, input.channelId),
      input.productId ? eq(allocationRules.productId, input.productId) : isNull(allocationRules.productId),
    );
    const updated = await tx
      .update(allocationRules)
      .set(values)
      .where(match)
      .returning({ id: allocationRules.id });
    if (!updated.length) {
      await tx
        .insert(allocationRules)
        .values({ id: newId('alr'), channelId: input.channelId, productId: input.productId, ...values });
    }
    const affected = input.productId
      ? [input.productId]
      : (await tx.select({ id: products.id }).from(products)).map((p) => p.id);
    await scheduleStockPush(tx, deps.jobs, affected, { channelIds: [input.channelId] });
    return { ...input };
  });
}
