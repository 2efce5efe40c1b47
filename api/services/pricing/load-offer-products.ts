import { and, asc, eq, gt, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import {
  allocationRules,
  binStock,
  productBarcodes,
  productCatalog,
  products,
} from '../../../db/schema/index.js';
import { type AllocationRule, applyAllocationRule, openRule } from '../allocation/allocation-rule.js';
import type { OfferProduct } from './build-offer.js';

/**
 * Catalogue products in SKU order, a page at a time (`afterSku` is the cursor), with their first GTIN.
 * Products without catalogue data (warehouse-only items) are not offers and are left out.
 */
export async function loadOfferProducts(
  db: Executor,
  options: { afterSku?: string; limit: number; search?: string; productIds?: string[] },
): Promise<OfferProduct[]> {
  const conditions = [
    options.afterSku ? gt(products.sku, options.afterSku) : undefined,
    options.search
      ? or(ilike(products.sku, `%${options.search}%`), ilike(products.name, `%${options.search}%`))
      : undefined,
    options.productIds ? inArray(products.id, options.productIds) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await db
    .select({
      productId: products.id,
      sku: products.sku,
      name: products.name,
      // The lowest GTIN, as the catalogue import shows it.
      ean: sql<string | null>`(select min(${productBarcodes.code}) from ${productBarcodes}
        where ${productBarcodes.productId} = ${products.id}
        and ${productBarcodes.kind} in ('ean13', 'ean8', 'upc', 'gtin14'))`,
      category: productCatalog.category,
      brand: productCatalog.brand,
      condition: productCatalog.condition,
      leadTimeDays: productCatalog.leadTimeDays,
      currency: productCatalog.currency,
      basePrice: productCatalog.basePrice,
      cost: productCatalog.cost,
      publicPrice: productCatalog.publicPrice,
      images: productCatalog.images,
      attributes: productCatalog.attributes,
    })
    .from(products)
    .innerJoin(productCatalog, eq(productCatalog.productId, products.id))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(products.sku))
    .limit(options.limit);
  return rows;
}

/** Available units (on hand − reserved, every bin) of these products, in one query. */
export async function availableByProduct(db: Executor, productIds: string[]): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .select({
      productId: binStock.productId,
      n: sql<number>`coalesce(sum(${binStock.onHand} - ${binStock.reserved}), 0)::int`,
    })
    .from(binStock)
    .where(inArray(binStock.productId, productIds))
    .groupBy(binStock.productId);
  return new Map(rows.map((r) => [r.productId, Number(r.n)]));
}

/** The channel's allocation rules: its default and its per-product overrides. */
export async function allocationFor(
  db: Executor,
  channelId: string,
  productIds: string[],
): Promise<(productId: string) => AllocationRule> {
  const rows = await db
    .select()
    .from(allocationRules)
    .where(
      and(
        eq(allocationRules.channelId, channelId),
        productIds.length > 0
          ? or(isNull(allocationRules.productId), inArray(allocationRules.productId, productIds))
          : isNull(allocationRules.productId),
      ),
    );
  const toRule = (r: (typeof rows)[number]): AllocationRule => ({
    bufferUnits: r.bufferUnits,
    sharePercent: r.sharePercent,
    capUnits: r.capUnits,
    zeroBelow: r.zeroBelow,
  });
  const fallback = rows.find((r) => r.productId === null);
  const byProduct = new Map(rows.filter((r) => r.productId).map((r) => [r.productId!, toRule(r)]));
  return (productId) => byProduct.get(productId) ?? (fallback ? toRule(fallback) : openRule);
}

/** What this channel should show of each product, by the same rules as the stock pushes. */
export async function channelQuantities(
  db: Executor,
  channelId: string,
  productIds: string[],
  available?: Map<string, number>,
): Promise<Map<string, number>> {
  const stock = available ?? (await availableByProduct(db, productIds));
  const ruleOf = await allocationFor(db, channelId, productIds);
  return new Map(productIds.map((id) => [id, applyAllocationRule(stock.get(id) ?? 0, ruleOf(id))]));
}
