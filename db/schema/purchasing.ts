import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.js';
import { bins, warehouses } from './locations.js';
import { products } from './products.js';

export const suppliers = pgTable('suppliers', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** Days from order to delivery, when a product does not say otherwise. */
  leadTimeDays: integer('lead_time_days').notNull().default(7),
  createdAt: createdAt(),
});

/** Stock-keeping settings per product: reorder point, supplier, and what receiving must capture. */
export const productStockSettings = pgTable('product_stock_settings', {
  productId: text('product_id')
    .primaryKey()
    .references(() => products.id),
  supplierId: text('supplier_id').references(() => suppliers.id),
  minStock: integer('min_stock').notNull().default(0),
  leadTimeDays: integer('lead_time_days'),
  isLotTracked: boolean('is_lot_tracked').notNull().default(false),
  isExpiryTracked: boolean('is_expiry_tracked').notNull().default(false),
});

export const purchaseOrderStatuses = ['draft', 'ordered', 'receiving', 'closed', 'cancelled'] as const;

export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: text('id').primaryKey(),
    supplierId: text('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    status: text('status', { enum: purchaseOrderStatuses }).notNull().default('draft'),
    reference: text('reference'),
    expectedAt: tstz('expected_at'),
    createdAt: createdAt(),
  },
  (t) => [index('purchase_orders_status_idx').on(t.status)],
);

export const purchaseOrderLines = pgTable(
  'purchase_order_lines',
  {
    id: text('id').primaryKey(),
    purchaseOrderId: text('purchase_order_id')
      .notNull()
      .references(() => purchaseOrders.id),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    quantityOrdered: integer('quantity_ordered').notNull(),
    quantityReceived: integer('quantity_received').notNull().default(0),
  },
  (t) => [
    uniqueIndex('purchase_order_lines_po_product_uq').on(t.purchaseOrderId, t.productId),
    check('purchase_order_lines_qty', sql`${t.quantityOrdered} > 0 and ${t.quantityReceived} >= 0`),
  ],
);

/**
 * Goods scanned in at the dock, waiting to be put away. They are not on hand until a bin is scanned:
 * stock that no picker can find must not be sold.
 */
export const receipts = pgTable(
  'receipts',
  {
    id: text('id').primaryKey(),
    purchaseOrderLineId: text('purchase_order_line_id')
      .notNull()
      .references(() => purchaseOrderLines.id),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    quantityPutAway: integer('quantity_put_away').notNull().default(0),
    lot: text('lot'),
    expiresOn: date('expires_on', { mode: 'string' }),
    /** Bin it went to, when the whole receipt was put away in one. */
    lastBinId: text('last_bin_id').references(() => bins.id),
    clientScanId: text('client_scan_id').notNull().unique(),
    receivedBy: text('received_by'),
    receivedAt: tstz('received_at').notNull(),
  },
  (t) => [
    // Putaway looks up what is still waiting for a product.
    index('receipts_waiting_idx')
      .on(t.productId, t.receivedAt)
      .where(sql`${t.quantityPutAway} < ${t.quantity}`),
    check('receipts_qty', sql`${t.quantity} > 0 and ${t.quantityPutAway} between 0 and ${t.quantity}`),
  ],
);
