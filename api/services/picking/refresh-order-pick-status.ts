import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { orderLines, orders } from '../../../db/schema/index.js';

/** `picked` once no live line lacks units, else `picking`, in one statement. */
export async function refreshOrderPickStatus(tx: Executor, orderId: string, now: Date): Promise<void> {
  const lacking = tx
    .select({ id: orderLines.id })
    .from(orderLines)
    .where(
      and(
        eq(orderLines.orderId, orderId),
        ne(orderLines.status, 'cancelled'),
        sql`${orderLines.quantityPicked} < ${orderLines.quantity}`,
      ),
    );
  await tx
    .update(orders)
    .set({ status: sql`case when exists (${lacking}) then 'picking' else 'picked' end`, updatedAt: now })
    .where(and(eq(orders.id, orderId), sql`${orders.status} in ('ready', 'picking')`));
}
