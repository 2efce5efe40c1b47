import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { channels } from './channels.js';
import { createdAt, tstz } from './columns.js';
import { products } from './products.js';

export interface StoredAddress {
  name: string;
  company: string | null;
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  countryCode: string;
  phone: string | null;
}

/**
 * Our workflow state. `pending`: the channel still has to confirm (acceptance, payment) — not pickable.
 * `ready` → `picking` → `picked` → `packed` → `shipped`; `cancelled` and `on_hold` stop the flow.
 */
export const orderStatuses = [
  'pending',
  'ready',
  'picking',
  'picked',
  'packed',
  'shipped',
  'cancelled',
  'on_hold',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id),
    externalId: text('external_id').notNull(),
    status: text('status', { enum: orderStatuses }).notNull(),
    /** Canonical channel state (awaiting_acceptance, to_ship…) and the channel's own code, verbatim. */
    channelState: text('channel_state').notNull(),
    channelStatus: text('channel_status').notNull(),
    placedAt: tstz('placed_at').notNull(),
    channelUpdatedAt: tstz('channel_updated_at').notNull(),
    shipBy: tstz('ship_by'),
    currency: text('currency').notNull(),
    totalMinor: integer('total_minor').notNull(),
    shippingMinor: integer('shipping_minor').notNull(),
    serviceLevel: text('service_level'),
    buyerName: text('buyer_name').notNull(),
    buyerEmail: text('buyer_email'),
    buyerPhone: text('buyer_phone'),
    shippingAddress: jsonb('shipping_address').$type<StoredAddress>().notNull(),
    acceptedAt: tstz('accepted_at'),
    shippedAt: tstz('shipped_at'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    /** Expedited at the desk: higher goes first in the queue and into waves. */
    priority: integer('priority').notNull().default(0),
    /** Why the desk put the order on hold, and the status a release returns it to. */
    holdReason: text('hold_reason'),
    heldFromStatus: text('held_from_status', { enum: orderStatuses }),
    /** The pick-up point the buyer chose, when the order goes to one. */
    relayPointId: text('relay_point_id'),
    /** The channel's order id when it differs from external_id: an order split at the desk. */
    channelExternalId: text('channel_external_id'),
    splitFromOrderId: text('split_from_order_id'),
  },
  (t) => [
    // Idempotent ingest: a re-delivered order hits this key and becomes an update.
    uniqueIndex('orders_channel_external_uq').on(t.channelId, t.externalId),
    // The queue: open orders by deadline.
    index('orders_queue_idx').on(t.status, t.shipBy),
    // Dashboard: late shipment rate reads orders whose ship-by falls in a rolling window.
    index('orders_ship_by_idx').on(t.shipBy),
    // Dashboard: cancellation rate and orders per day (peak planning) read orders placed in a window.
    index('orders_placed_at_idx').on(t.placedAt),
    // Dashboard: time from import to ship reads orders shipped in a window.
    index('orders_shipped_at_idx').on(t.shippedAt),
    check('orders_money_nonneg', sql`${t.totalMinor} >= 0 and ${t.shippingMinor} >= 0`),
  ],
);

export const lineStatuses = [
  'reserved',
  'backordered',
  'picked',
  'packed',
  'shipped',
  'cancelled',
  'refused',
] as const;
export type LineStatus = (typeof lineStatuses)[number];

export const orderLines = pgTable(
  'order_lines',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    externalLineId: text('external_line_id').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    sku: text('sku').notNull(),
    title: text('title').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    shippingPriceMinor: integer('shipping_price_minor').notNull().default(0),
    status: text('status', { enum: lineStatuses }).notNull(),
    channelStatus: text('channel_status'),
    quantityPicked: integer('quantity_picked').notNull().default(0),
    quantityPacked: integer('quantity_packed').notNull().default(0),
    quantityShipped: integer('quantity_shipped').notNull().default(0),
    /** Units the channel cancelled after import; a partly cancelled line's quantity is what is left. */
    quantityCancelled: integer('quantity_cancelled').notNull().default(0),
    /** Of those, units already picked: the packer takes them out and puts them back on the shelf. */
    quantityCancelledPicked: integer('quantity_cancelled_picked').notNull().default(0),
  },
  (t) => [
    uniqueIndex('order_lines_order_external_uq').on(t.orderId, t.externalLineId),
    check('order_lines_quantity_pos', sql`${t.quantity} > 0`),
    check(
      'order_lines_cancelled_range',
      sql`${t.quantityCancelled} >= 0 and ${t.quantityCancelledPicked} between 0 and ${t.quantityCancelled}`,
    ),
    check(
      'order_lines_progress_range',
      sql`${t.quantityPicked} between 0 and ${t.quantity} and ${t.quantityPacked} between 0 and ${t.quantityPicked} and ${t.quantityShipped} between 0 and ${t.quantityPacked}`,
    ),
  ],
);

export const orderPayloads = pgTable('order_payloads', {
  orderId: text('order_id')
    .primaryKey()
    .references(() => orders.id),
  /** Last raw payload the channel sent, for support and re-mapping. */
  raw: jsonb('raw').notNull(),
  receivedAt: tstz('received_at').notNull().defaultNow(),
});
