import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { channels, type OrderStatus, orderLines, orders } from '../../../db/schema/index.js';

export interface ListOrdersInput {
  channelId?: string | undefined;
  statuses?: OrderStatus[] | undefined;
  limit: number;
  offset: number;
}

/** The queue: expedited first, then earliest ship-by (orders without one last), then oldest. */
export async function listOrders(db: Database, input: ListOrdersInput) {
  const where: SQL[] = [];
  if (input.channelId) where.push(eq(orders.channelId, input.channelId));
  if (input.statuses?.length) where.push(inArray(orders.status, input.statuses));
  const condition = where.length ? and(...where) : undefined;
  const rows = await db
    .select({
      id: orders.id,
      channelId: orders.channelId,
      channelName: channels.name,
      externalId: orders.externalId,
      status: orders.status,
      channelStatus: orders.channelStatus,
      shipBy: orders.shipBy,
      placedAt: orders.placedAt,
      buyerName: orders.buyerName,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
      serviceLevel: orders.serviceLevel,
      units: sql<number>`(select coalesce(sum(${orderLines.quantity}), 0)::int from ${orderLines} where ${orderLines.orderId} = ${orders.id})`,
      hasBackorder: sql<boolean>`exists (select 1 from ${orderLines} where ${orderLines.orderId} = ${orders.id} and ${orderLines.status} = 'backordered')`,
    })
    .from(orders)
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .where(condition)
    .orderBy(
      desc(orders.priority),
      sql`${orders.shipBy} asc nulls last`,
      asc(orders.placedAt),
      asc(orders.id),
    )
    .limit(input.limit)
    .offset(input.offset);
  const [total] = await db.select({ n: count() }).from(orders).where(condition);
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((r) => ({
      ...r,
      units: Number(r.units),
      hasBackorder: Boolean(r.hasBackorder),
      shipBy: r.shipBy?.toISOString() ?? null,
      placedAt: r.placedAt.toISOString(),
    })),
  };
}
