import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { productBarcodes, productCatalog, products } from '../../../db/schema/index.js';

/** A product as we hold it, in the shape of an import record, so the two can be compared field by field. */
export interface StoredProduct {
  productId: string;
  hasCatalog: boolean;
  importHash: string | null;
  values: {
    sku: string;
    name: string;
    basePrice: number;
    currency: string;
    ean: string | null;
    parentSku: string | null;
    category: string | null;
    brand: string | null;
    description: string | null;
    cost: number | null;
    publicPrice: number | null;
    weightGrams: number;
    condition: string;
    leadTimeDays: number | null;
    images: string[];
    attributes: Record<string, string>;
  };
}

const gtinKinds = ['ean13', 'ean8', 'upc', 'gtin14'] as const;

export async function loadStoredProducts(db: Executor, skus: string[]): Promise<Map<string, StoredProduct>> {
  const out = new Map<string, StoredProduct>();
  if (skus.length === 0) return out;
  const rows = await db
    .select({ product: products, catalog: productCatalog })
    .from(products)
    .leftJoin(productCatalog, eq(productCatalog.productId, products.id))
    .where(inArray(products.sku, skus));
  const ids = rows.map((r) => r.product.id);
  const codes =
    ids.length === 0
      ? []
      : await db
          .select({ productId: productBarcodes.productId, code: productBarcodes.code })
          .from(productBarcodes)
          .where(and(inArray(productBarcodes.productId, ids), inArray(productBarcodes.kind, [...gtinKinds])));
  const eanOf = new Map<string, string>();
  // Several GTINs per product are allowed; the lowest code is the one the catalogue shows (stable).
  for (const c of codes) {
    const current = eanOf.get(c.productId);
    if (!current || c.code < current) eanOf.set(c.productId, c.code);
  }
  for (const { product: p, catalog: c } of rows) {
    out.set(p.sku, {
      productId: p.id,
      hasCatalog: c !== null,
      importHash: c?.importHash ?? null,
      values: {
        sku: p.sku,
        name: p.name,
        basePrice: c?.basePrice ?? 0,
        currency: c?.currency ?? 'EUR',
        ean: eanOf.get(p.id) ?? null,
        parentSku: c?.parentSku ?? null,
        category: c?.category ?? null,
        brand: c?.brand ?? null,
        description: c?.description ?? null,
        cost: c?.cost ?? null,
        publicPrice: c?.publicPrice ?? null,
        weightGrams: p.weightGrams,
        condition: c?.condition ?? 'new',
        leadTimeDays: c?.leadTimeDays ?? null,
        images: c?.images ?? [],
        // jsonb keeps its own key order; sorted here as the import sorts them, so the two compare.
        attributes: Object.fromEntries(
          Object.entries(c?.attributes ?? {}).sort(([a], [b]) => a.localeCompare(b)),
        ),
      },
    });
  }
  return out;
}

/** Which product already answers to each of these codes. */
export async function ownersOfCodes(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: productBarcodes.code, productId: productBarcodes.productId })
    .from(productBarcodes)
    .where(inArray(productBarcodes.code, codes));
  return new Map(rows.map((r) => [r.code, r.productId]));
}
