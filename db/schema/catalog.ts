import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns.js';
import { products } from './products.js';

/**
 * What the merchant's ERP says about a product beyond what the warehouse needs: the catalogue data a
 * marketplace lists (category, brand, attributes, images) and the three prices the pricing works from.
 * Kept beside `products` rather than in it so the warehouse's hot table stays narrow.
 */
export const productCatalog = pgTable(
  'product_catalog',
  {
    productId: text('product_id')
      .primaryKey()
      .references(() => products.id),
    /** Variants of one model share the parent's SKU (sizes, colours). */
    parentSku: text('parent_sku'),
    description: text('description'),
    brand: text('brand'),
    /** Taxonomy path, `/`-separated (`textile/t-shirts`); quality and commission rules match its prefixes. */
    category: text('category'),
    condition: text('condition').notNull().default('new'),
    leadTimeDays: integer('lead_time_days'),
    currency: text('currency').notNull().default('EUR'),
    /** Franco price (delivery included), VAT-inclusive, minor units. */
    basePrice: integer('base_price').notNull(),
    cost: integer('cost'),
    publicPrice: integer('public_price'),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    images: jsonb('images').$type<string[]>().notNull().default([]),
    /** Digest of the imported values: a re-import of an unchanged row writes nothing. */
    importHash: text('import_hash').notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('product_catalog_category_idx').on(t.category)],
);
