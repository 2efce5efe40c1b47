import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { channels } from './channels.js';
import { bytea, createdAt, tstz } from './columns.js';
import { bins } from './locations.js';
import { orderLines, orders } from './orders.js';
import { products } from './products.js';

/** Where a return was opened: imported from the channel, typed at the desk, or scanned at the bench. */
export const returnSources = ['channel', 'desk', 'bench'] as const;
export const returnStatuses = ['open', 'closed', 'cancelled'] as const;

export const returns = pgTable(
  'returns',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    status: text('status', { enum: returnStatuses }).notNull().default('open'),
    source: text('source', { enum: returnSources }).notNull(),
    /** The channel's own return id (Mirakl RT11 id…), when the return came from the channel. */
    channelReturnId: text('channel_return_id'),
    reason: text('reason'),
    /** The tracking number of the parcel that came back, when it was scanned. */
    trackingNumber: text('tracking_number'),
    openedBy: text('opened_by'),
    createdAt: createdAt(),
    closedAt: tstz('closed_at'),
  },
  (t) => [
    // Bench and desk race to open "the" return of an order: one open return per order, settled here.
    uniqueIndex('returns_one_open_per_order_uq').on(t.orderId).where(sql`${t.status} = 'open'`),
    // A return signalled twice by the channel is one return.
    uniqueIndex('returns_channel_uq')
      .on(t.orderId, t.channelReturnId)
      .where(sql`${t.channelReturnId} is not null`),
    // The bench finds an open return by the number on the return label the buyer was sent.
    index('returns_open_tracking_idx')
      .on(t.trackingNumber)
      .where(sql`${t.status} = 'open' and ${t.trackingNumber} is not null`),
  ],
);

export const returnConditions = ['resellable', 'damaged', 'wrong_item', 'missing'] as const;
export type ReturnCondition = (typeof returnConditions)[number];
export const returnDecisions = ['restock', 'quarantine', 'dispose'] as const;
export type ReturnDecision = (typeof returnDecisions)[number];

/** One scanned unit (or units) of a return, what state it came back in and what became of it. */
export const returnLines = pgTable(
  'return_lines',
  {
    id: text('id').primaryKey(),
    returnId: text('return_id')
      .notNull()
      .references(() => returns.id),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    condition: text('condition', { enum: returnConditions }).notNull(),
    decision: text('decision', { enum: returnDecisions }).notNull(),
    /** The bin it was restocked into; null for quarantine, dispose and missing units. */
    binId: text('bin_id').references(() => bins.id),
    note: text('note'),
    clientScanId: text('client_scan_id').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('return_lines_return_idx').on(t.returnId),
    // A re-sent bench scan is recorded once.
    uniqueIndex('return_lines_client_scan_uq').on(t.clientScanId),
    check('return_lines_quantity_pos', sql`${t.quantity} > 0`),
    check('return_lines_bin_for_restock', sql`(${t.decision} = 'restock') = (${t.binId} is not null)`),
  ],
);

/**
 * Photos taken at the bench (the device camera), kept in the database as bytea like the labels: the
 * API is stateless and may run on several machines, so a folder on one of them would not do.
 */
export const returnPhotos = pgTable(
  'return_photos',
  {
    id: text('id').primaryKey(),
    returnId: text('return_id')
      .notNull()
      .references(() => returns.id),
    returnLineId: text('return_line_id').references(() => returnLines.id),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    bytes: bytea('bytes').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('return_photos_return_idx').on(t.returnId)],
);

export const refundReasons = [
  'return',
  'out_of_stock',
  'buyer_request',
  'address_undeliverable',
  'other',
] as const;
export type RefundReason = (typeof refundReasons)[number];
/** Where the push of a refund to its channel stands; `confirmed` is reached once, and only once. */
export const refundPushStatuses = ['pending', 'confirmed', 'failed'] as const;

export const refunds = pgTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    returnId: text('return_id').references(() => returns.id),
    reason: text('reason', { enum: refundReasons }).notNull(),
    note: text('note'),
    currency: text('currency').notNull(),
    /** Goods and shipping refunded, in minor units; the total is their sum. */
    itemsMinor: integer('items_minor').notNull(),
    shippingMinor: integer('shipping_minor').notNull().default(0),
    isShippingIncluded: boolean('is_shipping_included').notNull().default(false),
    pushStatus: text('push_status', { enum: refundPushStatuses }).notNull().default('pending'),
    pushAttempts: integer('push_attempts').notNull().default(0),
    pushError: text('push_error'),
    /** The channel's refund ids (one per line on Mirakl), comma-joined, once confirmed. */
    channelRefundId: text('channel_refund_id'),
    confirmedAt: tstz('confirmed_at'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('refunds_order_idx').on(t.orderId),
    index('refunds_push_idx').on(t.pushStatus).where(sql`${t.pushStatus} in ('pending','failed')`),
    check('refunds_money_nonneg', sql`${t.itemsMinor} >= 0 and ${t.shippingMinor} >= 0`),
  ],
);

export const refundLines = pgTable(
  'refund_lines',
  {
    refundId: text('refund_id')
      .notNull()
      .references(() => refunds.id),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    quantity: integer('quantity').notNull().default(0),
    amountMinor: integer('amount_minor').notNull(),
    shippingMinor: integer('shipping_minor').notNull().default(0),
  },
  (t) => [
    uniqueIndex('refund_lines_pk').on(t.refundId, t.orderLineId),
    check('refund_lines_money_nonneg', sql`${t.amountMinor} >= 0 and ${t.shippingMinor} >= 0`),
  ],
);

/** What became of a channel's return notice: a return opened here, parked until it can be, or ignored. */
export const returnNoticeStatuses = ['opened', 'parked', 'ignored'] as const;
export type ReturnNoticeStatus = (typeof returnNoticeStatuses)[number];

/** One line of a return as the channel announced it; `orderLineId` is ours once the order is known. */
export interface ReturnNoticeLine {
  externalLineId: string;
  orderLineId: string | null;
  quantity: number;
  reason: string | null;
}

/**
 * Every return a channel told us of, once per (channel, channel return id): a re-delivered notice finds
 * its row and changes nothing; one for an order we do not know (or not shipped yet) waits here, parked
 * with its reason, and is tried again on each read until its return can be opened.
 */
export const channelReturnNotices = pgTable(
  'channel_return_notices',
  {
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id),
    externalReturnId: text('external_return_id').notNull(),
    /** Null only for a notice too malformed to name its order. */
    externalOrderId: text('external_order_id'),
    orderId: text('order_id').references(() => orders.id),
    returnId: text('return_id').references(() => returns.id),
    status: text('status', { enum: returnNoticeStatuses }).notNull(),
    /** Why it is parked or ignored; null once its return is open. */
    statusReason: text('status_reason'),
    /** The channel's state code (RT11 `state`…), as last read. */
    channelState: text('channel_state'),
    reason: text('reason'),
    trackingNumber: text('tracking_number'),
    lines: jsonb('lines').$type<ReturnNoticeLine[]>().notNull().default([]),
    raw: jsonb('raw').notNull(),
    channelUpdatedAt: tstz('channel_updated_at'),
    timesSeen: integer('times_seen').notNull().default(1),
    firstSeenAt: tstz('first_seen_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'channel_return_notices_pk', columns: [t.channelId, t.externalReturnId] }),
    // Each read tries the channel's parked notices again, oldest first.
    index('channel_return_notices_parked_idx')
      .on(t.channelId, t.lastSeenAt)
      .where(sql`${t.status} = 'parked'`),
    index('channel_return_notices_return_idx').on(t.returnId),
  ],
);

/** Where the read of each channel's returns resumes (the channel's last-update date, as it gives it). */
export const channelReturnCursors = pgTable('channel_return_cursors', {
  channelId: text('channel_id')
    .primaryKey()
    .references(() => channels.id),
  cursor: text('cursor'),
  lastPulledAt: tstz('last_pulled_at'),
  lastError: text('last_error'),
});
