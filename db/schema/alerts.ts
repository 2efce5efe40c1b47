import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.js';

export const alertLevels = ['warning', 'breach'] as const;
export type AlertLevel = (typeof alertLevels)[number];

/**
 * A KPI that came near (warning) or past (breach) its marketplace threshold. One open row per
 * `dedupe_key` (channel + KPI + window): re-evaluating every few minutes updates it instead of firing
 * again, and the webhook goes out only when the row is opened or escalates to a breach.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    dedupeKey: text('dedupe_key').notNull(),
    channelId: text('channel_id').notNull(),
    kpi: text('kpi').notNull(),
    windowDays: integer('window_days').notNull(),
    level: text('level', { enum: alertLevels }).notNull(),
    /** Rate of the KPI when last evaluated, and the marketplace threshold it is measured against. */
    value: doublePrecision('value').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    numerator: integer('numerator').notNull(),
    denominator: integer('denominator').notNull(),
    openedAt: createdAt(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    resolvedAt: tstz('resolved_at'),
    acknowledgedAt: tstz('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    /** Last successful webhook delivery of this alert (null: none configured or not delivered yet). */
    deliveredAt: tstz('delivered_at'),
  },
  (t) => [
    // Dedupe: at most one open alert per channel, KPI and window; opening is insert … on conflict.
    uniqueIndex('alerts_open_key_uq').on(t.dedupeKey).where(sql`${t.resolvedAt} is null`),
    index('alerts_opened_idx').on(t.openedAt),
  ],
);

/** One row (`id = 'default'`): where alerts are sent and how near a threshold counts as near. */
export const alertSettings = pgTable('alert_settings', {
  id: text('id').primaryKey(),
  webhookUrl: text('webhook_url'),
  /** HMAC-SHA256 key for the `X-Shipdesk-Signature` header, sealed like channel credentials. */
  webhookSecretSealed: text('webhook_secret_sealed'),
  isWebhookEnabled: boolean('is_webhook_enabled').notNull().default(false),
  /** A defect rate at or above this share of its allowed maximum is a warning (0.8: within 80%). */
  nearRatio: doublePrecision('near_ratio').notNull().default(0.8),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});
