import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { bins, orderLines, productBarcodes, products, reservations } from '../../../db/schema/index.js';

export interface PickStep {
  reservationId: string;
  orderLineId: string;
  binId: string;
  binCode: string;
  productId: string;
  sku: string;
  name: string;
  barcodes: string[];
  quantity: number;
  quantityPicked: number;
}

/** The order's reserved units, in walking order through the warehouse. */
export async function getPickList(tx: Executor, orderId: string): Promise<PickStep[]> {
  const rows = await tx
    .select({
      reservationId: reservations.id,
      orderLineId: reservations.orderLineId,
      binId: bins.id,
      binCode: bins.code,
      productId: products.id,
      sku: products.sku,
      name: products.name,
      quantity: reservations.quantity,
      quantityPicked: reservations.quantityPicked,
    })
    .from(reservations)
    .innerJoin(orderLines, eq(orderLines.id, reservations.orderLineId))
    .innerJoin(bins, eq(bins.id, reservations.binId))
    .innerJoin(products, eq(products.id, reservations.productId))
    .where(and(eq(orderLines.orderId, orderId), eq(reservations.status, 'active')))
    .orderBy(asc(bins.pickSequence), asc(bins.code), asc(products.sku));
  if (rows.length === 0) return [];
  const codes = await tx
    .select({ productId: productBarcodes.productId, code: productBarcodes.code })
    .from(productBarcodes)
    .where(inArray(productBarcodes.productId, [...new Set(rows.map((r) => r.productId))]));
  return rows.map((r) => ({
    ...r,
    barcodes: codes.filter((c) => c.productId === r.productId).map((c) => c.code),
  }));
}
