import { and, eq, inArray, notExists } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { orderCarrierChoices, orderShippingDecisions, orders } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { type Actor, systemActor } from '../events/record-event.js';
import { selfIssuedCarrier } from '../shipping/self-issued-carrier.js';
import { listShippingRules } from './list-shipping-rules.js';
import { loadOrderFacts } from './load-order-facts.js';
import { firstMatchingRule } from './match-rules.js';
import { recordDecision, type ShippingDecision } from './record-decision.js';

/** Runs the rules on one order and stores what they chose; no rule matching means self-issued labels. */
export async function applyShippingRules(
  db: Executor,
  actor: Actor,
  orderId: string,
  now: Date,
): Promise<ShippingDecision> {
  const [order] = await db
    .select({ id: orders.id, relayPointId: orders.relayPointId })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) throw notFound('order_not_found', `Order ${orderId} does not exist.`);
  const rule = firstMatchingRule(await listShippingRules(db), await loadOrderFacts(db, orderId));
  const decision: ShippingDecision = rule
    ? {
        source: 'rule',
        ruleId: rule.id,
        ruleName: rule.name,
        carrierAccountId: rule.carrierAccountId,
        serviceCode: rule.serviceCode,
        packaging: rule.packaging,
        reason: null,
      }
    : {
        source: 'default',
        ruleId: null,
        ruleName: null,
        carrierAccountId: null,
        serviceCode: selfIssuedCarrier.service,
        packaging: null,
        reason: null,
      };
  await recordDecision(db, actor, order, decision, now);
  return decision;
}

/**
 * Decides the orders nobody decided yet (no rule applied, no carrier set by hand): every open order when
 * `orderIds` is absent. An order whose carrier was set another way keeps it.
 */
export async function applyShippingRulesToUndecided(
  db: Database,
  now: Date,
  orderIds?: readonly string[],
): Promise<number> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        inArray(orders.status, ['pending', 'ready', 'picking', 'picked', 'packed', 'on_hold']),
        orderIds ? inArray(orders.id, [...orderIds]) : undefined,
        notExists(
          db
            .select({ one: orderShippingDecisions.orderId })
            .from(orderShippingDecisions)
            .where(eq(orderShippingDecisions.orderId, orders.id)),
        ),
        notExists(
          db
            .select({ one: orderCarrierChoices.orderId })
            .from(orderCarrierChoices)
            .where(eq(orderCarrierChoices.orderId, orders.id)),
        ),
      ),
    )
    .limit(1000);
  for (const row of rows) await db.transaction((tx) => applyShippingRules(tx, systemActor, row.id, now));
  return rows.length;
}
