import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { orderLines, orders } from '../../../db/schema/index.js';

/** The order's status from its lines: `picked` once no live line lacks units, else `picking`. */
const pickVerdict = sql`case when exists (
    select 1 from ${orderLines} l
    where l.order_id = ${orders.id} and l.status <> 'cancelled' and l.quantity_picked < l.quantity
  ) then 'picking' else 'picked' end`;

/** Sets that status, in one statement, on an order still being picked. */
export async function refreshOrderPickStatus(tx: Executor, orderId: string, now: Date): Promise<void> {
  await tx
    .update(orders)
    .set({ status: pickVerdict, updatedAt: now })
    .where(and(eq(orders.id, orderId), sql`${orders.status} in ('ready', 'picking')`));
}

/**
 * The same verdict, taken again once the scan's own transaction has committed. Two scans of different
 * lines of one order, in flight together, each see the other line still lacking (its write is not yet
 * committed) and both leave the order `picking`. A statement started after a commit sees every scan
 * committed before it, so the last of them to settle sees them all. Writes only when the verdict
 * changes, so the usual case (the order still has units to pick) costs one read.
 */
export async function settleOrderPickStatus(
  db: Executor,
  orderIds: string[],
  now: Date,
): Promise<{ id: string; status: string }[]> {
  if (orderIds.length === 0) return [];
  return db
    .update(orders)
    .set({ status: pickVerdict, updatedAt: now })
    .where(
      and(
        inArray(orders.id, orderIds),
        sql`${orders.status} in ('ready', 'picking')`,
        sql`${orders.status} <> ${pickVerdict}`,
      ),
    )
    .returning({ id: orders.id, status: orders.status });
}
