import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import {
  binStock,
  bins,
  orderLines,
  orders,
  productBarcodes,
  products,
  reservations,
  warehouses,
} from '../../db/schema/index.js';

export interface BulkProduct {
  pickSequence: number;
  productId: string;
  binId: string;
  binCode: string;
  barcode: string;
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** Products, each in a bin of its own with plenty of stock, written in bulk (benchmarks need thousands). */
export async function bulkProducts(
  db: Database,
  tag: string,
  count: number,
  onHand = 10_000,
): Promise<BulkProduct[]> {
  const warehouseId = newId('whs');
  await db.insert(warehouses).values({ id: warehouseId, code: `WH-${tag}`, name: `Bench ${tag}` });
  const made = Array.from({ length: count }, (_, i) => ({
    pickSequence: i,
    productId: newId('prd'),
    binId: newId('bin'),
    binCode: `${tag}-${String(i).padStart(5, '0')}`,
    barcode: `${tag}${String(i).padStart(8, '0')}`,
  }));
  await insertChunked(made, (c) =>
    db
      .insert(products)
      .values(c.map((p) => ({ id: p.productId, sku: `SKU-${p.binCode}`, name: `Product ${p.binCode}` }))),
  );
  await insertChunked(made, (c) =>
    db
      .insert(productBarcodes)
      .values(c.map((p) => ({ code: p.barcode, productId: p.productId, kind: 'internal' as const }))),
  );
  await insertChunked(made, (c) =>
    db.insert(bins).values(
      c.map((p) => ({
        id: p.binId,
        warehouseId,
        code: p.binCode,
        zone: tag.slice(0, 1),
        pickSequence: p.pickSequence,
      })),
    ),
  );
  await insertChunked(made, (c) =>
    db
      .insert(binStock)
      .values(
        c.map((p) => ({ id: newId('bin'), binId: p.binId, productId: p.productId, onHand, reserved: 0 })),
      ),
  );
  return made;
}

/**
 * Ready orders whose lines are reserved in the products' bins, written in bulk. Reserved counts in
 * bin_stock are set to match, so the stock invariants hold as if reserveLine had run.
 */
export async function bulkOrders(
  db: Database,
  channelId: string,
  lines: { product: BulkProduct; quantity: number }[][],
): Promise<string[]> {
  const now = new Date();
  const orderRows: (typeof orders.$inferInsert)[] = [];
  const lineRows: (typeof orderLines.$inferInsert)[] = [];
  const reservationRows: (typeof reservations.$inferInsert)[] = [];
  const reservedPer = new Map<string, number>();
  for (const orderLinesOf of lines) {
    const orderId = newId('ord');
    orderRows.push({
      id: orderId,
      channelId,
      externalId: `BULK-${orderId}`,
      status: 'ready',
      channelState: 'to_ship',
      channelStatus: 'SHIPPING',
      placedAt: now,
      channelUpdatedAt: now,
      currency: 'EUR',
      totalMinor: 100,
      shippingMinor: 0,
      buyerName: 'Bench',
      shippingAddress: {
        name: 'Bench',
        company: null,
        line1: '1 rue',
        line2: null,
        postalCode: '69001',
        city: 'Lyon',
        countryCode: 'FR',
        phone: null,
      },
    });
    for (const [i, l] of orderLinesOf.entries()) {
      const lineId = newId('oln');
      lineRows.push({
        id: lineId,
        orderId,
        externalLineId: `L${i}`,
        productId: l.product.productId,
        sku: l.product.binCode,
        title: l.product.binCode,
        quantity: l.quantity,
        unitPriceMinor: 100,
        status: 'reserved',
      });
      reservationRows.push({
        id: newId('rsv'),
        orderLineId: lineId,
        productId: l.product.productId,
        binId: l.product.binId,
        quantity: l.quantity,
      });
      reservedPer.set(l.product.binId, (reservedPer.get(l.product.binId) ?? 0) + l.quantity);
    }
  }
  await insertChunked(orderRows, (c) => db.insert(orders).values(c));
  await insertChunked(lineRows, (c) => db.insert(orderLines).values(c));
  await insertChunked(reservationRows, (c) => db.insert(reservations).values(c));
  for (const [binId, n] of reservedPer) {
    await db
      .update(binStock)
      .set({ reserved: sql`${binStock.reserved} + ${n}` })
      .where(eq(binStock.binId, binId));
  }
  return orderRows.map((o) => o.id);
}
