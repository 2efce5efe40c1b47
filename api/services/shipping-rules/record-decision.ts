import type { Executor } from '../../../db/client.js';
import { orderShippingDecisions, type shippingDecisionSources } from '../../../db/schema/index.js';
import { chooseCarrier } from '../carriers/choose-carrier.js';
import { type Actor, recordEvent } from '../events/record-event.js';

export interface ShippingDecision {
  source: (typeof shippingDecisionSources)[number];
  ruleId: string | null;
  ruleName: string | null;
  carrierAccountId: string | null;
  serviceCode: string;
  packaging: string | null;
  reason: string | null;
}

/**
 * Writes the carrier choice the labels are booked with (through chooseCarrier, the one place that sets
 * it) and the decision the desk reads, with its event, in the caller's transaction.
 */
export async function recordDecision(
  tx: Executor,
  actor: Actor,
  order: { id: string; relayPointId: string | null },
  decision: ShippingDecision,
  now: Date,
): Promise<void> {
  await chooseCarrier(tx, {
    orderId: order.id,
    carrierAccountId: decision.carrierAccountId,
    serviceCode: decision.serviceCode,
    relayPointId: order.relayPointId,
  });
  const values = { orderId: order.id, ...decision, decidedBy: actor.userId ?? null, decidedAt: now };
  await tx
    .insert(orderShippingDecisions)
    .values(values)
    .onConflictDoUpdate({ target: orderShippingDecisions.orderId, set: values });
  await recordEvent(
    tx,
    actor,
    {
      type: decision.source === 'override' ? 'order.shipping_overridden' : 'order.shipping_rule_applied',
      orderId: order.id,
      entityType: 'order',
      entityId: order.id,
      payload: { ...decision },
    },
    now,
  );
}
