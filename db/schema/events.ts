import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { tstz } from './columns.js';

/**
 * Append-only audit: every scan, state change and push. `client_scan_id` is generated on the device,
 * so a scan sent twice (retry after a lost response, offline replay) is recorded once.
 */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    occurredAt: tstz('occurred_at').notNull().defaultNow(),
    type: text('type').notNull(),
    orderId: text('order_id'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    actorUserId: text('actor_user_id'),
    actorTokenId: text('actor_token_id'),
    deviceId: text('device_id'),
    clientScanId: text('client_scan_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('events_client_scan_uq').on(t.clientScanId).where(sql`${t.clientScanId} is not null`),
    index('events_order_idx').on(t.orderId, t.occurredAt),
    // Dashboard: picker productivity, pick accuracy, short picks and deliveries read one type in a window.
    index('events_type_time_idx').on(t.type, t.occurredAt),
  ],
);
