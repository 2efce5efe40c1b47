import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { productBarcodes, products } from '../../../db/schema/index.js';

/** A line as typed or imported: a SKU or a barcode (EAN, UPC…), whichever the person had at hand. */
export interface ItemRef {
  sku?: string | null | undefined;
  ean?: string | null | undefined;
}

/**
 * SKU or barcode → our SKU, for many lines in two queries. Unknown codes come back as null so the
 * caller can name the line; a barcode that stands for a pack of several units is refused, since a
 * typed quantity counts units.
 */
export async function resolveItems(db: Executor, items: ItemRef[]): Promise<(string | null)[]> {
  const skus = [...new Set(items.map((i) => i.sku?.trim()).filter((s): s is string => !!s))];
  const eans = [...new Set(items.map((i) => i.ean?.trim()).filter((s): s is string => !!s))];
  const bySku = new Set(
    skus.length === 0
      ? []
      : (await db.select({ sku: products.sku }).from(products).where(inArray(products.sku, skus))).map(
          (r) => r.sku,
        ),
  );
  const byCode = new Map(
    eans.length === 0
      ? []
      : (
          await db
            .select({ code: productBarcodes.code, sku: products.sku, units: productBarcodes.unitsPerScan })
            .from(productBarcodes)
            .innerJoin(products, eq(products.id, productBarcodes.productId))
            .where(inArray(productBarcodes.code, eans))
        )
          .filter((r) => r.units === 1)
          .map((r) => [r.code, r.sku]),
  );
  return items.map((i) => {
    const sku = i.sku?.trim();
    if (sku) return bySku.has(sku) ? sku : null;
    const ean = i.ean?.trim();
    return ean ? (byCode.get(ean) ?? null) : null;
  });
}
