import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { bins } from './locations.js';
import { orderLines } from './orders.js';
import { products } from './products.js';

/**
 * On-hand and reserved per bin and product, kept in step with stock_movements in the same transaction.
 * The checks make overselling impossible even for a buggy caller: reserved never exceeds on-hand.
 */
export const binStock = pgTable(
  'bin_stock',
  {
    id: text('id').primaryKey(),
    binId: text('bin_id')
      .notNull()
      .references(() => bins.id),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
  },
  (t) => [
    uniqueIndex('bin_stock_bin_product_uq').on(t.binId, t.productId),
    index('bin_stock_product_idx').on(t.productId),
    check('bin_stock_on_hand_nonneg', sql`${t.onHand} >= 0`),
    check('bin_stock_reserved_range', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`),
  ],
);

export const movementReasons = [
  'receipt',
  'pick',
  'pack',
  'ship',
  'adjustment',
  'count',
  'return',
  'transfer',
  'shop_sale',
  'initial',
] as const;

/** Append-only ledger: on-hand per bin equals the sum of its movements. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    binId: text('bin_id')
      .notNull()
      .references(() => bins.id),
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: movementReasons }).notNull(),
    reference: text('reference'),
    /** Lot and expiry of the units moved, for products that track them (GS1 AIs 10 and 17). */
    lot: text('lot'),
    expiresOn: date('expires_on', { mode: 'string' }),
    userId: text('user_id'),
    deviceId: text('device_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('stock_movements_product_idx').on(t.productId, t.createdAt),
    // Counts and the bin page read one bin's history.
    index('stock_movements_bin_idx').on(t.binId, t.createdAt),
  ],
);

export const reservationStatuses = ['active', 'consumed', 'released'] as const;

/** Stock held for one order line in one bin; the pick list is read from the active ones. */
export const reservations = pgTable(
  'reservations',
  {
    id: text('id').primaryKey(),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    binId: text('bin_id')
      .notNull()
      .references(() => bins.id),
    quantity: integer('quantity').notNull(),
    quantityPicked: integer('quantity_picked').notNull().default(0),
    status: text('status', { enum: reservationStatuses }).notNull().default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    index('reservations_line_idx').on(t.orderLineId),
    check(
      'reservations_picked_range',
      sql`${t.quantityPicked} >= 0 and ${t.quantityPicked} <= ${t.quantity}`,
    ),
  ],
);
