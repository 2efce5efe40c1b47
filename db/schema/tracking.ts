import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.js';
import { orders } from './orders.js';
import { parcels } from './shipments.js';

export const parcelTrackingStatuses = [
  'label_created',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'exception',
] as const;

/** Carrier scans of our parcels as the carrier reports them; a scan read twice is stored once. */
export const trackingEvents = pgTable(
  'tracking_events',
  {
    id: text('id').primaryKey(),
    parcelId: text('parcel_id')
      .notNull()
      .references(() => parcels.id),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    status: text('status', { enum: parcelTrackingStatuses }).notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    description: text('description').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('tracking_events_scan_uq').on(t.parcelId, t.occurredAt, t.status),
    index('tracking_events_order_idx').on(t.orderId, t.occurredAt),
  ],
);

/** Where each parcel stands at its carrier, and when it was last asked. */
export const parcelTracking = pgTable(
  'parcel_tracking',
  {
    parcelId: text('parcel_id')
      .primaryKey()
      .references(() => parcels.id),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    status: text('status', { enum: parcelTrackingStatuses }).notNull(),
    deliveredAt: tstz('delivered_at'),
    exceptionAt: tstz('exception_at'),
    lastCheckedAt: tstz('last_checked_at').notNull(),
    lastError: text('last_error'),
  },
  (t) => [index('parcel_tracking_order_idx').on(t.orderId)],
);
