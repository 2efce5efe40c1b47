import type { Database } from '../../../db/client.js';
import type { ShippingRuleConditions } from '../../../db/schema/index.js';
import { selfIssuedCarrier } from '../shipping/self-issued-carrier.js';
import type { ShippingRuleInput } from './create-shipping-rule.js';
import { listShippingRules } from './list-shipping-rules.js';
import { loadOrderFacts } from './load-order-facts.js';
import { type ConditionCheck, checkRule, firstMatchingRule, type OrderFacts } from './match-rules.js';

export type SampleOrder = { orderId: string } | { facts: OrderFacts };

export interface RuleDryRun {
  facts: OrderFacts;
  /** Whether the rule being edited matches the sample, condition by condition. */
  isMatch: boolean;
  checks: ConditionCheck[];
  /** What the sample would ship with if the draft were saved as it is: first match among all rules. */
  winner: {
    ruleId: string | null;
    ruleName: string | null;
    isDraft: boolean;
    carrierAccountId: string | null;
    serviceCode: string;
    packaging: string | null;
  };
}

/**
 * Tries a rule (saved or not) on a sample order without saving anything: the editor shows which
 * conditions hold and which rule would win once the draft takes its place among the saved ones.
 */
export async function testShippingRule(
  db: Database,
  input: { rule: ShippingRuleInput & { id?: string | undefined }; sample: SampleOrder },
): Promise<RuleDryRun> {
  const facts =
    'orderId' in input.sample ? await loadOrderFacts(db, input.sample.orderId) : input.sample.facts;
  const draftId = input.rule.id ?? 'draft';
  const saved = (await listShippingRules(db)).filter((r) => r.id !== draftId);
  const draft = {
    id: draftId,
    name: input.rule.name,
    isEnabled: input.rule.isEnabled ?? true,
    conditions: input.rule.conditions as ShippingRuleConditions,
    carrierAccountId: input.rule.carrierAccountId,
    serviceCode: input.rule.serviceCode,
    packaging: input.rule.packaging ?? null,
  };
  const at = Math.min(Math.max((input.rule.position ?? saved.length + 1) - 1, 0), saved.length);
  const rules = [...saved.slice(0, at), draft, ...saved.slice(at)];
  const { isMatch, checks } = checkRule(draft.conditions, facts);
  const winner = firstMatchingRule(rules, facts);
  return {
    facts,
    isMatch,
    checks,
    winner: winner
      ? {
          ruleId: winner.id === 'draft' ? null : winner.id,
          ruleName: winner.name,
          isDraft: winner === draft,
          carrierAccountId: winner.carrierAccountId,
          serviceCode: winner.serviceCode,
          packaging: winner.packaging,
        }
      : {
          ruleId: null,
          ruleName: null,
          isDraft: false,
          carrierAccountId: null,
          serviceCode: selfIssuedCarrier.service,
          packaging: null,
        },
  };
}
