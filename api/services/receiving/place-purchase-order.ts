import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { purchaseOrders } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';

/** A draft becomes ordered: from now on its goods count as incoming and can be received. */
export async function placePurchaseOrder(db: Database, purchaseOrderId: string) {
  const [placed] = await db
    .update(purchaseOrders)
    .set({ status: 'ordered' })
    .where(and(eq(purchaseOrders.id, purchaseOrderId), eq(purchaseOrders.status, 'draft')))
    .returning({ id: purchaseOrders.id });
  if (placed) return { purchaseOrderId, status: 'ordered' as const };
  const [current] = await db.select().from(purchaseOrders).where(eq(purchaseOrders.id, purchaseOrderId));
  if (!current)
    throw notFound('purchase_order_not_found', `Purchase order ${purchaseOrderId} does not exist.`);
  throw new AppError(
    'purchase_order_not_draft',
    409,
    `Purchase order is ${current.status}; only a draft can be placed.`,
  );
}
