import { eq, or } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { bins, productBarcodes, products } from '../../../db/schema/index.js';

/** What a scanned item code names: a product barcode (EAN/UPC/GTIN) or, as typed fallback, a SKU. */
export async function resolveProductCode(tx: Executor, code: string) {
  const trimmed = code.trim();
  const [byBarcode] = await tx
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      unitsPerScan: productBarcodes.unitsPerScan,
    })
    .from(productBarcodes)
    .innerJoin(products, eq(products.id, productBarcodes.productId))
    .where(eq(productBarcodes.code, trimmed));
  if (byBarcode) return byBarcode;
  const [bySku] = await tx
    .select({ id: products.id, sku: products.sku, name: products.name })
    .from(products)
    .where(eq(products.sku, trimmed));
  return bySku ? { ...bySku, unitsPerScan: 1 } : null;
}

/** A bin label carries the bin id (`bin_…`); the human code printed beside it is accepted too. */
export async function resolveBinCode(tx: Executor, code: string) {
  const trimmed = code.trim();
  const [bin] = await tx
    .select({ id: bins.id, code: bins.code })
    .from(bins)
    .where(or(eq(bins.id, trimmed), eq(bins.code, trimmed)));
  return bin ?? null;
}
