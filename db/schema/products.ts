import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

export const products = pgTable(
  'products',
  {
    id: text('id').primaryKey(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    weightGrams: integer('weight_grams').notNull().default(0),
    lengthMm: integer('length_mm').notNull().default(0),
    widthMm: integer('width_mm').notNull().default(0),
    heightMm: integer('height_mm').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('products_sku_uq').on(t.sku)],
);

export const barcodeKinds = ['ean13', 'ean8', 'upc', 'gtin14', 'internal'] as const;

/** A product answers to several codes (EAN on the box, UPC from an importer, an inner-pack GTIN-14). */
export const productBarcodes = pgTable(
  'product_barcodes',
  {
    code: text('code').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    kind: text('kind', { enum: barcodeKinds }).notNull(),
    /** Units one scan of this code stands for (an inner pack of 6 scans as 6). */
    unitsPerScan: integer('units_per_scan').notNull().default(1),
  },
  (t) => [index('product_barcodes_product_idx').on(t.productId)],
);
