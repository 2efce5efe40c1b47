import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt, tstz } from './columns.js';
import { orderLines, orders } from './orders.js';

export const shipmentStatuses = ['labelled', 'shipped', 'cancelled'] as const;
/** Where the tracking push to the channel stands. `confirmed` is reached once, and only once. */
export const channelPushStatuses = ['not_sent', 'pending', 'confirmed', 'failed'] as const;

export const shipments = pgTable(
  'shipments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    status: text('status', { enum: shipmentStatuses }).notNull(),
    carrierCode: text('carrier_code').notNull(),
    carrierName: text('carrier_name').notNull(),
    service: text('service').notNull(),
    trackingUrl: text('tracking_url'),
    /** The carrier's own id for the booking (what its cancel call takes); null for older rows. */
    carrierShipmentId: text('carrier_shipment_id'),
    carrierAccountId: text('carrier_account_id'),
    channelPushStatus: text('channel_push_status', { enum: channelPushStatuses })
      .notNull()
      .default('not_sent'),
    channelPushAttempts: integer('channel_push_attempts').notNull().default(0),
    channelPushError: text('channel_push_error'),
    channelConfirmedAt: tstz('channel_confirmed_at'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    shippedAt: tstz('shipped_at'),
  },
  (t) => [
    index('shipments_order_idx').on(t.orderId),
    // Dashboard: valid tracking rate reads shipments shipped in a rolling window.
    index('shipments_shipped_at_idx').on(t.shippedAt),
    index('shipments_push_idx')
      .on(t.channelPushStatus)
      .where(sql`${t.channelPushStatus} in ('pending','failed')`),
  ],
);

export const labelFormats = ['pdf', 'zpl'] as const;

export const parcels = pgTable(
  'parcels',
  {
    id: text('id').primaryKey(),
    shipmentId: text('shipment_id')
      .notNull()
      .references(() => shipments.id),
    trackingNumber: text('tracking_number').notNull(),
    weightGrams: integer('weight_grams').notNull(),
    labelFormat: text('label_format', { enum: labelFormats }).notNull(),
    label: bytea('label').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('parcels_tracking_uq').on(t.trackingNumber),
    index('parcels_shipment_idx').on(t.shipmentId),
  ],
);

export const parcelLines = pgTable(
  'parcel_lines',
  {
    parcelId: text('parcel_id')
      .notNull()
      .references(() => parcels.id),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [uniqueIndex('parcel_lines_pk').on(t.parcelId, t.orderLineId)],
);

/**
 * Self-issued tracking number ranges (a carrier contract that lets the shipper number its parcels).
 * Allocation is one conditional UPDATE … RETURNING: two packers never get the same number.
 */
export const numberRanges = pgTable('number_ranges', {
  id: text('id').primaryKey(),
  prefix: text('prefix').notNull(),
  country: text('country').notNull(),
  nextSerial: integer('next_serial').notNull(),
  lastSerial: integer('last_serial').notNull(),
});
