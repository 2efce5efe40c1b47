import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { products, purchaseOrderLines, purchaseOrders, receipts } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';

export async function getPurchaseOrder(db: Executor, purchaseOrderId: string) {
  const [po] = await db.select().from(purchaseOrders).where(eq(purchaseOrders.id, purchaseOrderId));
  if (!po) throw notFound('purchase_order_not_found', `Purchase order ${purchaseOrderId} does not exist.`);
  const lines = await db
    .select({
      id: purchaseOrderLines.id,
      productId: purchaseOrderLines.productId,
      sku: products.sku,
      name: products.name,
      quantityOrdered: purchaseOrderLines.quantityOrdered,
      quantityReceived: purchaseOrderLines.quantityReceived,
    })
    .from(purchaseOrderLines)
    .innerJoin(products, eq(products.id, purchaseOrderLines.productId))
    .where(eq(purchaseOrderLines.purchaseOrderId, po.id))
    .orderBy(products.sku);
  const waiting = await db
    .select({
      id: receipts.id,
      productId: receipts.productId,
      quantity: receipts.quantity,
      quantityPutAway: receipts.quantityPutAway,
      lot: receipts.lot,
      expiresOn: receipts.expiresOn,
    })
    .from(receipts)
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.id, receipts.purchaseOrderLineId))
    .where(eq(purchaseOrderLines.purchaseOrderId, po.id));
  return {
    id: po.id,
    supplierId: po.supplierId,
    warehouseId: po.warehouseId,
    status: po.status,
    reference: po.reference,
    lines,
    receipts: waiting,
  };
}
