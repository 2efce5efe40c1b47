import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { orderLines, orders, reservations } from '../../../db/schema/index.js';
import { reserveLine } from './reserve-line.js';

/**
 * New stock goes first to the orders that waited for it, oldest deadline first, before any channel is
 * told it is for sale. A line is `reserved` again once it holds its whole quantity.
 */
export async function allocateBackorders(tx: Executor, productId: string): Promise<number> {
  const waiting = await tx
    .select({
      id: orderLines.id,
      quantity: orderLines.quantity,
      held: sql<number>`(select coalesce(sum(${reservations.quantity}), 0)::int from ${reservations} where ${reservations.orderLineId} = ${orderLines.id} and ${reservations.status} in ('active', 'consumed'))`,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orderLines.productId, productId), eq(orderLines.status, 'backordered')))
    .orderBy(asc(sql`coalesce(${orders.shipBy}, ${orders.placedAt})`), asc(orderLines.id));
  let allocated = 0;
  for (const line of waiting) {
    const missing = line.quantity - Number(line.held);
    if (missing <= 0) continue;
    const got = await reserveLine(tx, { id: line.id, productId, quantity: missing });
    allocated += got;
    if (got === missing)
      await tx.update(orderLines).set({ status: 'reserved' }).where(eq(orderLines.id, line.id));
    if (got < missing) break;
  }
  return allocated;
}
