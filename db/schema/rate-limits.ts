import { doublePrecision, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One token bucket per (channel account, operation), shared by every worker on every machine: a take
 * is a single atomic UPSERT … RETURNING on this row, so no process needs to know about the others.
 * `tokens` may go below zero: that is a reservation, and the taker waits until it would have refilled.
 */
export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    /** The channel account the marketplace counts calls against (channel id, seller id…). */
    account: text('account').notNull(),
    /** The marketplace operation (getOrders, confirmShipment…), each with its own usage plan. */
    operation: text('operation').notNull(),
    tokens: doublePrecision('tokens').notNull(),
    /** Burst. */
    capacity: doublePrecision('capacity').notNull(),
    /** Refill in tokens per second; the channel may lower or raise it through its response headers. */
    ratePerSecond: doublePrecision('rate_per_second').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set from a 429's Retry-After: nobody takes before this instant. */
    blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.account, t.operation] })],
);
