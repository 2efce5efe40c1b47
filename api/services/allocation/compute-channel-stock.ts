import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { allocationRules, binStock, channelStock, channels } from '../../../db/schema/index.js';
import { type AllocationRule, applyAllocationRule, openRule } from './allocation-rule.js';

export interface ChannelStockView {
  channelId: string;
  channelName: string;
  rule: AllocationRule;
  /** What the channel should show now. */
  quantity: number;
  /** What we last pushed, i.e. what the channel shows; null before the first push. */
  pushedQuantity: number | null;
  pushedAt: Date | null;
  lastError: string | null;
}

/** Units of a product free to sell: on-hand minus reserved, over every bin of every warehouse. */
export async function availableOf(db: Executor, productId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${binStock.onHand} - ${binStock.reserved}), 0)::int` })
    .from(binStock)
    .where(eq(binStock.productId, productId));
  return Number(row?.n ?? 0);
}

/** The rule that applies to this channel and product: the product's own, else the channel default. */
export async function ruleFor(db: Executor, channelId: string, productId: string): Promise<AllocationRule> {
  const rows = await db
    .select()
    .from(allocationRules)
    .where(
      and(
        eq(allocationRules.channelId, channelId),
        or(eq(allocationRules.productId, productId), isNull(allocationRules.productId)),
      ),
    );
  const rule = rows.find((r) => r.productId === productId) ?? rows.find((r) => r.productId === null);
  if (!rule) return openRule;
  return {
    bufferUnits: rule.bufferUnits,
    sharePercent: rule.sharePercent,
    capUnits: rule.capUnits,
    zeroBelow: rule.zeroBelow,
  };
}

/** For the stock page: per enabled channel, what it should show and what it shows. */
export async function computeChannelStock(db: Executor, productId: string): Promise<ChannelStockView[]> {
  const available = await availableOf(db, productId);
  const rows = await db
    .select({
      channelId: channels.id,
      channelName: channels.name,
      pushedQuantity: channelStock.pushedQuantity,
      pushedAt: channelStock.pushedAt,
      lastError: channelStock.lastError,
    })
    .from(channels)
    .leftJoin(
      channelStock,
      and(eq(channelStock.channelId, channels.id), eq(channelStock.productId, productId)),
    )
    .where(eq(channels.isEnabled, true))
    .orderBy(channels.name);
  const views: ChannelStockView[] = [];
  for (const row of rows) {
    const rule = await ruleFor(db, row.channelId, productId);
    views.push({ ...row, rule, quantity: applyAllocationRule(available, rule) });
  }
  return views;
}
