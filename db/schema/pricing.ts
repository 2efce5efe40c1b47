import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { channels } from './channels.js';
import { bytea, createdAt, tstz } from './columns.js';
import { products } from './products.js';

/**
 * One row per channel: its price rule (commission, shipping split, rounding, margin floor, public-price
 * band), its catalogue quality rules and its feed settings. JSON because each is read and written whole
 * and checked by the API's schemas; the price engine reads the rule as it is stored.
 */
export const channelPriceRules = pgTable('channel_price_rules', {
  channelId: text('channel_id')
    .primaryKey()
    .references(() => channels.id),
  rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
  quality: jsonb('quality').$type<Record<string, unknown>>().notNull(),
  feed: jsonb('feed').$type<Record<string, unknown>>().notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export const offerStatuses = ['published', 'blocked', 'rejected'] as const;

/**
 * What the last feed did with each product on each channel: sent (published), held back by a broken
 * price rule or a quality check (blocked, with the reasons), or refused by the channel's import report
 * (rejected, with its message). The products page reads it to say why a product is not on a channel.
 */
export const channelOffers = pgTable(
  'channel_offers',
  {
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    status: text('status', { enum: offerStatuses }).notNull(),
    reasons: jsonb('reasons').$type<{ code: string; message: string }[]>().notNull().default([]),
    itemPrice: integer('item_price'),
    shippingPrice: integer('shipping_price'),
    quantity: integer('quantity'),
    feedRunId: text('feed_run_id'),
    /** The channel's own id of the listing where its API needs one (eBay offer, WooCommerce product,
     * Shopify variant), and of its parent (Shopify product). */
    externalId: text('external_id'),
    externalParentId: text('external_parent_id'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.productId] }),
    index('channel_offers_product_idx').on(t.productId),
  ],
);

export const feedTriggers = ['schedule', 'change', 'manual'] as const;
/**
 * generated (file kept) → sent (the channel took the file: its import id is on the run) → processing
 * (the channel is still importing it) → completed (its report is kept, with or without errors) or failed;
 * superseded: a newer run of the channel went out first, so this older one is never sent.
 */
export const feedRunStatuses = [
  'generated',
  'sent',
  'processing',
  'completed',
  'failed',
  'superseded',
] as const;

/** One generated feed: the file exactly as sent, and what the channel's import report said about it. */
export const feedRuns = pgTable(
  'feed_runs',
  {
    id: text('id').primaryKey(),
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id),
    format: text('format').notNull(),
    trigger: text('trigger', { enum: feedTriggers }).notNull(),
    status: text('status', { enum: feedRunStatuses }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    file: bytea('file').notNull(),
    offers: integer('offers').notNull(),
    blocked: integer('blocked').notNull(),
    errorCount: integer('error_count').notNull().default(0),
    /** The channel's id for the import (Mirakl import_id, Amazon feedId…), once sent. */
    externalId: text('external_id'),
    /** Why the last attempt to send the run or read its import back failed (cleared when one succeeds). */
    deliveryError: text('delivery_error'),
    createdAt: createdAt(),
    completedAt: tstz('completed_at'),
  },
  (t) => [index('feed_runs_channel_created_idx').on(t.channelId, t.createdAt)],
);

/** Per-line errors of a run's import report, tied back to the product where the line names one. */
export const feedRunErrors = pgTable(
  'feed_run_errors',
  {
    feedRunId: text('feed_run_id')
      .notNull()
      .references(() => feedRuns.id),
    position: integer('position').notNull(),
    line: integer('line'),
    sku: text('sku'),
    productId: text('product_id'),
    message: text('message').notNull(),
  },
  (t) => [primaryKey({ columns: [t.feedRunId, t.position] })],
);
