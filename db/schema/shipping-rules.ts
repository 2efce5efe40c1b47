import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { carrierAccounts } from './carrier-accounts.js';
import { createdAt, tstz } from './columns.js';
import { orders } from './orders.js';

/**
 * What a rule looks at; every condition present must hold (an absent one matches everything).
 * Postcodes are `20*` (prefix), `97100-97699` (inclusive range) or an exact code; SKUs may end in `*`.
 */
export interface ShippingRuleConditions {
  channelIds?: string[];
  /** The channel's own service level code (Amazon `Expedited`, Mirakl shipping type…). */
  serviceLevels?: string[];
  countries?: string[];
  postcodes?: string[];
  /** `required`: only orders delivered to a relay point; `excluded`: only home deliveries. */
  relayPoint?: 'required' | 'excluded';
  minWeightGrams?: number;
  maxWeightGrams?: number;
  /** Goods value (lines, without shipping) in the order's minor units. */
  minValueMinor?: number;
  maxValueMinor?: number;
  /** The order holds at least one of these SKUs. */
  skus?: string[];
}

/** Ordered rules choosing carrier, service and packaging; the lowest position that matches wins. */
export const shippingRules = pgTable(
  'shipping_rules',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    isEnabled: boolean('is_enabled').notNull().default(true),
    conditions: jsonb('conditions').$type<ShippingRuleConditions>().notNull().default({}),
    /** Null: our own self-issued labels. */
    carrierAccountId: text('carrier_account_id').references(() => carrierAccounts.id),
    serviceCode: text('service_code').notNull(),
    packaging: text('packaging'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('shipping_rules_position_idx').on(t.position)],
);

export const shippingDecisionSources = ['rule', 'default', 'override'] as const;

/**
 * How an order's carrier was chosen, for the desk to see: the rule that matched (name copied, so a rule
 * edited or deleted later does not rewrite history), no rule (self-issued default), or a person's override.
 */
export const orderShippingDecisions = pgTable('order_shipping_decisions', {
  orderId: text('order_id')
    .primaryKey()
    .references(() => orders.id),
  source: text('source', { enum: shippingDecisionSources }).notNull(),
  ruleId: text('rule_id'),
  ruleName: text('rule_name'),
  carrierAccountId: text('carrier_account_id'),
  serviceCode: text('service_code').notNull(),
  packaging: text('packaging'),
  reason: text('reason'),
  decidedBy: text('decided_by'),
  decidedAt: tstz('decided_at').notNull().defaultNow(),
});
