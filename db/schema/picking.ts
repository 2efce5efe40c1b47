import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.js';
import { bins } from './locations.js';
import { orderLines, orders } from './orders.js';
import { products } from './products.js';
import { reservations } from './stock.js';

export const pickModes = ['single', 'batch', 'cluster'] as const;
export type PickMode = (typeof pickModes)[number];

/** `open`: built, nobody on it yet; `picking`: a picker started it; `done`: every step picked or short. */
export const waveStatuses = ['open', 'picking', 'done', 'cancelled'] as const;
export type WaveStatus = (typeof waveStatuses)[number];

/**
 * A set of orders picked together in one walk. The unit counters are kept in step with the tasks in the
 * same transaction, so progress never needs a sum over a 5,000-line wave.
 */
export const waves = pgTable(
  'waves',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    status: text('status', { enum: waveStatuses }).notNull().default('open'),
    mode: text('mode', { enum: pickModes }).notNull().default('single'),
    /** How it was built: explicit order ids, or the automatic criteria (ship-by, channel, zone…). */
    criteria: jsonb('criteria').$type<Record<string, unknown>>().notNull().default({}),
    unitsTotal: integer('units_total').notNull().default(0),
    unitsPicked: integer('units_picked').notNull().default(0),
    unitsShort: integer('units_short').notNull().default(0),
    createdBy: text('created_by'),
    pickerUserId: text('picker_user_id'),
    startedAt: tstz('started_at'),
    completedAt: tstz('completed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('waves_status_idx').on(t.status, t.createdAt),
    check(
      'waves_units_range',
      sql`${t.unitsPicked} >= 0 and ${t.unitsShort} >= 0 and ${t.unitsPicked} + ${t.unitsShort} <= ${t.unitsTotal}`,
    ),
  ],
);

/** The orders of a wave; in cluster mode each gets a tote on the cart (`tot_…`, scanned at start). */
export const waveOrders = pgTable(
  'wave_orders',
  {
    waveId: text('wave_id')
      .notNull()
      .references(() => waves.id),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    /** Place on the cart / in the wave, 1-based; the sort station and cluster cart use it as the slot. */
    slot: integer('slot').notNull(),
    toteCode: text('tote_code'),
    /** False once the wave is done or cancelled: the order and its tote may then join another wave. */
    isOpen: boolean('is_open').notNull().default(true),
  },
  (t) => [
    uniqueIndex('wave_orders_wave_order_uq').on(t.waveId, t.orderId),
    // An order is in at most one live wave; a tote is on at most one live cart.
    uniqueIndex('wave_orders_open_order_uq').on(t.orderId).where(sql`${t.isOpen}`),
    uniqueIndex('wave_orders_open_tote_uq')
      .on(t.toteCode)
      .where(sql`${t.isOpen} and ${t.toteCode} is not null`),
  ],
);

export const pickTaskStatuses = ['open', 'picked', 'short'] as const;

/**
 * One reservation to pick within a wave. Steps shown to the picker are these grouped by bin and product
 * (batch, cluster) or by order, bin and product (single), walked by `sort_key`.
 */
export const pickTasks = pgTable(
  'pick_tasks',
  {
    id: text('id').primaryKey(),
    waveId: text('wave_id')
      .notNull()
      .references(() => waves.id),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    reservationId: text('reservation_id')
      .notNull()
      .references(() => reservations.id),
    binId: text('bin_id')
      .notNull()
      .references(() => bins.id),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    slot: integer('slot').notNull(),
    quantity: integer('quantity').notNull(),
    quantityPicked: integer('quantity_picked').notNull().default(0),
    quantityShort: integer('quantity_short').notNull().default(0),
    /** Units already put into their order's place at the sort station (batch mode). */
    quantitySorted: integer('quantity_sorted').notNull().default(0),
    status: text('status', { enum: pickTaskStatuses }).notNull().default('open'),
    /** The bin's pick sequence at build time; a skip moves the step past the last one. */
    sortKey: integer('sort_key').notNull(),
  },
  (t) => [
    // The next step: first open task of the wave in walking order (an index scan, limit 1).
    index('pick_tasks_wave_path_idx').on(t.waveId, t.status, t.sortKey),
    // A confirm finds the open tasks for the scanned bin and product without reading the wave.
    index('pick_tasks_wave_bin_product_idx').on(t.waveId, t.binId, t.productId),
    index('pick_tasks_reservation_idx').on(t.reservationId),
    check(
      'pick_tasks_quantity_range',
      sql`${t.quantityPicked} >= 0 and ${t.quantityShort} >= 0 and ${t.quantityPicked} + ${t.quantityShort} <= ${t.quantity} and ${t.quantitySorted} between 0 and ${t.quantityPicked}`,
    ),
  ],
);
