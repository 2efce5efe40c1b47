import { sql } from 'drizzle-orm';
import { integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { channels } from './channels.js';
import { createdAt, tstz } from './columns.js';
import { products } from './products.js';

/**
 * How much of the available stock a channel is shown. A row without product is the channel's default;
 * a product row overrides it. Without any row a channel sees everything available.
 */
export const allocationRules = pgTable(
  'allocation_rules',
  {
    id: text('id').primaryKey(),
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id),
    productId: text('product_id').references(() => products.id),
    /** Units held back from this channel (kept for the shop, for safety). */
    bufferUnits: integer('buffer_units').notNull().default(0),
    /** Percent of what is left after the buffer that the channel may sell. */
    sharePercent: integer('share_percent').notNull().default(100),
    /** Never publish more than this; null: no cap. */
    capUnits: integer('cap_units'),
    /** Below this many available, publish 0 (too few to risk an oversell on a slow channel). */
    zeroBelow: integer('zero_below').notNull().default(0),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('allocation_rules_channel_product_uq').on(t.channelId, sql`coalesce(${t.productId}, '')`),
  ],
);

/** What was last pushed to each channel for each product: what the channel currently shows. */
export const channelStock = pgTable(
  'channel_stock',
  {
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    pushedQuantity: integer('pushed_quantity'),
    pushedAt: tstz('pushed_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.productId] })],
);
