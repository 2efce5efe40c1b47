import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { type ShippingRuleConditions, shippingRules } from '../../../db/schema/index.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { assertCarrierAccount, placeRule } from './place-rule.js';

export interface ShippingRuleInput {
  name: string;
  isEnabled?: boolean | undefined;
  conditions: ShippingRuleConditions;
  /** Null: our own self-issued labels. */
  carrierAccountId: string | null;
  serviceCode: string;
  packaging?: string | null | undefined;
  /** 1-based place among the rules; absent means last. */
  position?: number | undefined;
}

export async function createShippingRule(
  db: Database,
  actor: Actor,
  input: ShippingRuleInput,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await assertCarrierAccount(tx, input.carrierAccountId);
    const id = newId('shr');
    await tx.insert(shippingRules).values({
      id,
      name: input.name,
      position: 1_000_000,
      isEnabled: input.isEnabled ?? true,
      conditions: input.conditions,
      carrierAccountId: input.carrierAccountId,
      serviceCode: input.serviceCode,
      packaging: input.packaging ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await placeRule(tx, id, input.position);
    await recordEvent(
      tx,
      actor,
      { type: 'shipping_rule.created', entityType: 'shipping_rule', entityId: id, payload: { ...input } },
      now,
    );
    return { id };
  });
}
