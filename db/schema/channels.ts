import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.js';

export const channels = pgTable('channels', {
  id: text('id').primaryKey(),
  /** Connector folder name under api/channels (mirakl, amazon, ebay…). */
  type: text('type').notNull(),
  name: text('name').notNull(),
  /** AES-256-GCM sealed JSON; never returned by the API, never logged. */
  credentialsSealed: text('credentials_sealed').notNull(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  pullCursor: text('pull_cursor'),
  lastPulledAt: tstz('last_pulled_at'),
  lastPullError: text('last_pull_error'),
  isEnabled: boolean('is_enabled').notNull().default(true),
  createdAt: createdAt(),
});

/**
 * Orders a channel sent that we could not map or ingest, kept with their raw payload and the reason.
 * One row per (channel, external id) so a re-delivery updates it rather than piling up copies.
 */
export const parkedOrders = pgTable(
  'parked_orders',
  {
    id: text('id').primaryKey(),
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id),
    externalId: text('external_id'),
    reason: text('reason').notNull(),
    raw: jsonb('raw').notNull(),
    timesSeen: integer('times_seen').notNull().default(1),
    firstSeenAt: createdAt(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    resolvedAt: tstz('resolved_at'),
  },
  (t) => [
    uniqueIndex('parked_orders_channel_external_uq')
      .on(t.channelId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    index('parked_orders_open_idx').on(t.lastSeenAt).where(sql`${t.resolvedAt} is null`),
  ],
);
