import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { orders } from '../../../db/schema/index.js';
import { conflict, notFound } from '../../errors.js';
import type { Actor } from '../events/record-event.js';
import { assertCarrierAccount } from './place-rule.js';
import { recordDecision, type ShippingDecision } from './record-decision.js';

/** The desk overrides what the rules chose for one order; the reason goes on the decision and the event. */
export async function overrideShippingChoice(
  db: Database,
  actor: Actor,
  input: {
    orderId: string;
    carrierAccountId: string | null;
    serviceCode: string;
    packaging?: string | null | undefined;
    reason: string;
  },
  now: Date,
): Promise<ShippingDecision> {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, status: orders.status, relayPointId: orders.relayPointId })
      .from(orders)
      .where(eq(orders.id, input.orderId))
      .for('update');
    if (!order) throw notFound('order_not_found', `Order ${input.orderId} does not exist.`);
    if (order.status === 'shipped' || order.status === 'cancelled')
      throw conflict('order_closed', `Order is ${order.status}; its carrier can no longer change.`);
    await assertCarrierAccount(tx, input.carrierAccountId);
    const decision: ShippingDecision = {
      source: 'override',
      ruleId: null,
      ruleName: null,
      carrierAccountId: input.carrierAccountId,
      serviceCode: input.serviceCode,
      packaging: input.packaging ?? null,
      reason: input.reason,
    };
    await recordDecision(tx, actor, order, decision, now);
    return decision;
  });
}
