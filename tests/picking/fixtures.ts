import { eq, inArray } from 'drizzle-orm';
import { reserveLine } from '../../api/services/stock/reserve-line.js';
import type { Database } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { orderLines, orders, productBarcodes, products } from '../../db/schema/index.js';

let counter = 0;

/**
 * A ready order with its stock reserved, written straight to the database: picking tests need many
 * orders and do not need the channel round trip the order-path flow already covers.
 */
export async function createReadyOrder(
  db: Database,
  channelId: string,
  lines: { sku: string; quantity: number }[],
  options: { shipBy?: Date; serviceLevel?: string } = {},
) {
  const skus = lines.map((l) => l.sku);
  const found = await db
    .select({ id: products.id, sku: products.sku })
    .from(products)
    .where(inArray(products.sku, skus));
  const orderId = newId('ord');
  const now = new Date();
  counter += 1;
  await db.insert(orders).values({
    id: orderId,
    channelId,
    externalId: `PICK-${Date.now()}-${counter}`,
    status: 'ready',
    channelState: 'to_ship',
    channelStatus: 'SHIPPING',
    placedAt: now,
    channelUpdatedAt: now,
    shipBy: options.shipBy ?? null,
    currency: 'EUR',
    totalMinor: 1000,
    shippingMinor: 0,
    serviceLevel: options.serviceLevel ?? 'standard',
    buyerName: 'Test Buyer',
    shippingAddress: {
      name: 'Test Buyer',
      company: null,
      line1: '1 rue de Test',
      line2: null,
      postalCode: '69001',
      city: 'Lyon',
      countryCode: 'FR',
      phone: null,
    },
  });
  const lineIds: string[] = [];
  for (const [i, l] of lines.entries()) {
    const product = found.find((p) => p.sku === l.sku);
    if (!product) throw new Error(`no product ${l.sku}`);
    const id = newId('oln');
    lineIds.push(id);
    await db.insert(orderLines).values({
      id,
      orderId,
      externalLineId: `L${i + 1}`,
      productId: product.id,
      sku: l.sku,
      title: l.sku,
      quantity: l.quantity,
      unitPriceMinor: 500,
      status: 'reserved',
    });
    const reserved = await reserveLine(db, { id, productId: product.id, quantity: l.quantity });
    if (reserved < l.quantity) throw new Error(`not enough ${l.sku} in stock for the fixture`);
  }
  return { orderId, lineIds };
}

/** The first barcode of a product, as the scanner would read it off the box. */
export async function barcodeOf(db: Database, sku: string): Promise<string> {
  const [row] = await db
    .select({ code: productBarcodes.code })
    .from(productBarcodes)
    .innerJoin(products, eq(products.id, productBarcodes.productId))
    .where(eq(products.sku, sku));
  if (!row) throw new Error(`no barcode for ${sku}`);
  return row.code;
}
