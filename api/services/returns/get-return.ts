import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import {
  bins,
  orderLines,
  orders,
  productBarcodes,
  returnLines,
  returnPhotos,
  returns,
} from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';

/** What the bench shows: the order's shipped lines, what came back so far, and the photos. */
export async function getReturn(db: Database, returnId: string) {
  const [row] = await db
    .select({ ret: returns, externalId: orders.externalId, currency: orders.currency })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(eq(returns.id, returnId));
  if (!row) throw notFound('return_not_found', `Return ${returnId} does not exist.`);
  const lines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, row.ret.orderId))
    .orderBy(asc(orderLines.externalLineId));
  // The bench checks a scanned item against these before asking for its condition.
  const codes = lines.length
    ? await db
        .select({ productId: productBarcodes.productId, code: productBarcodes.code })
        .from(productBarcodes)
        .where(
          inArray(
            productBarcodes.productId,
            lines.map((l) => l.productId),
          ),
        )
    : [];
  const items = await db
    .select({ item: returnLines, binCode: bins.code })
    .from(returnLines)
    .leftJoin(bins, eq(bins.id, returnLines.binId))
    .where(eq(returnLines.returnId, returnId))
    .orderBy(asc(returnLines.createdAt), asc(returnLines.id));
  const photos = await db
    .select({
      id: returnPhotos.id,
      returnLineId: returnPhotos.returnLineId,
      sizeBytes: returnPhotos.sizeBytes,
    })
    .from(returnPhotos)
    .where(eq(returnPhotos.returnId, returnId))
    .orderBy(desc(returnPhotos.createdAt));
  const r = row.ret;
  return {
    id: r.id,
    orderId: r.orderId,
    externalId: row.externalId,
    currency: row.currency,
    status: r.status,
    source: r.source,
    reason: r.reason,
    trackingNumber: r.trackingNumber,
    createdAt: r.createdAt.toISOString(),
    lines: lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      title: l.title,
      barcodes: codes.filter((c) => c.productId === l.productId).map((c) => c.code),
      quantityShipped: l.quantityShipped,
      quantityReturned: items
        .filter((i) => i.item.orderLineId === l.id)
        .reduce((n, i) => n + i.item.quantity, 0),
      unitPriceMinor: l.unitPriceMinor,
      shippingPriceMinor: l.shippingPriceMinor,
    })),
    items: items.map(({ item, binCode }) => ({
      id: item.id,
      orderLineId: item.orderLineId,
      quantity: item.quantity,
      condition: item.condition,
      decision: item.decision,
      binCode,
      note: item.note,
      createdAt: item.createdAt.toISOString(),
    })),
    photos: photos.map((p) => ({ ...p, url: `/api/returns/${r.id}/photos/${p.id}` })),
  };
}
