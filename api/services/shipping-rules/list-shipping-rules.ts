import { asc } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { shippingRules } from '../../../db/schema/index.js';

export type ShippingRuleRow = typeof shippingRules.$inferSelect;

/** Every rule in the order they are tried. */
export async function listShippingRules(db: Executor): Promise<ShippingRuleRow[]> {
  return db.select().from(shippingRules).orderBy(asc(shippingRules.position), asc(shippingRules.createdAt));
}

export function presentRule(rule: ShippingRuleRow) {
  return {
    id: rule.id,
    name: rule.name,
    position: rule.position,
    isEnabled: rule.isEnabled,
    conditions: rule.conditions,
    carrierAccountId: rule.carrierAccountId,
    serviceCode: rule.serviceCode,
    packaging: rule.packaging,
    updatedAt: rule.updatedAt.toISOString(),
  };
}
