import { eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { binStock, productBarcodes, products } from '../../../db/schema/index.js';

export interface StockSummary {
  productId: string;
  sku: string;
  name: string;
  barcodes: string[];
  onHand: number;
  reserved: number;
  available: number;
}

/** Products by SKU, EAN (any barcode, exact) or name, with their totals over every bin. */
export async function searchStock(db: Executor, query: string, limit = 50): Promise<StockSummary[]> {
  const q = query.trim();
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const matches = await db
    .selectDistinct({ id: products.id, sku: products.sku, name: products.name })
    .from(products)
    .leftJoin(productBarcodes, eq(productBarcodes.productId, products.id))
    .where(
      q === ''
        ? undefined
        : or(ilike(products.sku, like), ilike(products.name, like), eq(productBarcodes.code, q)),
    )
    .orderBy(products.sku)
    .limit(limit);
  if (matches.length === 0) return [];
  const ids = matches.map((m) => m.id);
  const totals = await db
    .select({
      productId: binStock.productId,
      onHand: sql<number>`sum(${binStock.onHand})::int`,
      reserved: sql<number>`sum(${binStock.reserved})::int`,
    })
    .from(binStock)
    .where(inArray(binStock.productId, ids))
    .groupBy(binStock.productId);
  const codes = await db.select().from(productBarcodes).where(inArray(productBarcodes.productId, ids));
  return matches.map((m) => {
    const t = totals.find((x) => x.productId === m.id);
    const onHand = Number(t?.onHand ?? 0);
    const reserved = Number(t?.reserved ?? 0);
    return {
      productId: m.id,
      sku: m.sku,
      name: m.name,
      barcodes: codes.filter((c) => c.productId === m.id).map((c) => c.code),
      onHand,
      reserved,
      available: onHand - reserved,
    };
  });
}
