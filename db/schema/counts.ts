import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.js';
import { bins } from './locations.js';
import { orderLines } from './orders.js';
import { products } from './products.js';

export const countStatuses = ['open', 'completed', 'cancelled'] as const;
export type CountStatus = (typeof countStatuses)[number];

/**
 * A request to count one bin (one product in it, or everything when product is null). Raised by hand or
 * automatically by a short pick; completing it turns every difference into a `count` movement.
 */
export const cycleCounts = pgTable(
  'cycle_counts',
  {
    id: text('id').primaryKey(),
    binId: text('bin_id')
      .notNull()
      .references(() => bins.id),
    productId: text('product_id').references(() => products.id),
    reason: text('reason').notNull(),
    /** The order line whose short pick raised this count, if any. */
    orderLineId: text('order_line_id').references(() => orderLines.id),
    status: text('status', { enum: countStatuses }).notNull().default('open'),
    requestedAt: tstz('requested_at').notNull(),
    completedAt: tstz('completed_at'),
    completedBy: text('completed_by'),
    createdAt: createdAt(),
  },
  (t) => [
    // Several short picks at one bin raise one count, not a pile: one open count per bin and product.
    uniqueIndex('cycle_counts_open_uq')
      .on(t.binId, sql`coalesce(${t.productId}, '')`)
      .where(sql`${t.status} = 'open'`),
    index('cycle_counts_status_idx').on(t.status, t.requestedAt),
  ],
);

/** What the counter found for one product in the counted bin, summed over every scan. */
export const cycleCountLines = pgTable(
  'cycle_count_lines',
  {
    id: text('id').primaryKey(),
    countId: text('count_id')
      .notNull()
      .references(() => cycleCounts.id),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    counted: integer('counted').notNull().default(0),
    /** Filled when the count completes: the on-hand the system believed in. */
    expected: integer('expected'),
  },
  (t) => [uniqueIndex('cycle_count_lines_count_product_uq').on(t.countId, t.productId)],
);
