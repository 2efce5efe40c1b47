import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { shippingRules } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import type { ShippingRuleInput } from './create-shipping-rule.js';
import { assertCarrierAccount, placeRule } from './place-rule.js';

/** Replaces a rule's conditions and choice; a new position moves it (the others close up). */
export async function updateShippingRule(
  db: Database,
  actor: Actor,
  ruleId: string,
  input: ShippingRuleInput,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await assertCarrierAccount(tx, input.carrierAccountId);
    const [updated] = await tx
      .update(shippingRules)
      .set({
        name: input.name,
        isEnabled: input.isEnabled ?? true,
        conditions: input.conditions,
        carrierAccountId: input.carrierAccountId,
        serviceCode: input.serviceCode,
        packaging: input.packaging ?? null,
        updatedAt: now,
      })
      .where(eq(shippingRules.id, ruleId))
      .returning({ position: shippingRules.position });
    if (!updated) throw notFound('shipping_rule_not_found', `Shipping rule ${ruleId} does not exist.`);
    await placeRule(tx, ruleId, input.position ?? updated.position);
    await recordEvent(
      tx,
      actor,
      { type: 'shipping_rule.updated', entityType: 'shipping_rule', entityId: ruleId, payload: { ...input } },
      now,
    );
  });
}
