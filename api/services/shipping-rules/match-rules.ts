import type { ShippingRuleConditions } from '../../../db/schema/index.js';

/** What the rules look at, read from an order (or typed as a sample in the rule editor). */
export interface OrderFacts {
  channelId: string | null;
  serviceLevel: string | null;
  countryCode: string;
  postalCode: string;
  hasRelayPoint: boolean;
  weightGrams: number;
  valueMinor: number;
  skus: string[];
}

export interface ConditionCheck {
  condition: keyof ShippingRuleConditions;
  isMet: boolean;
  /** What the order had, for the editor's "why not" column. */
  actual: string;
}

export interface RuleLike {
  id: string;
  name: string;
  isEnabled: boolean;
  conditions: ShippingRuleConditions;
}

const normalisePostcode = (code: string) => code.replace(/\s+/g, '').toUpperCase();

/** `20*` is a prefix, `97100-97699` an inclusive range (same length as the code), anything else exact. */
export function postcodeMatches(pattern: string, postcode: string): boolean {
  const code = normalisePostcode(postcode);
  const p = normalisePostcode(pattern);
  if (p.endsWith('*')) return code.startsWith(p.slice(0, -1));
  const range = /^([0-9A-Z]+)-([0-9A-Z]+)$/.exec(p);
  if (range) {
    const [, from = '', to = ''] = range;
    return code.length === from.length && code.length === to.length && code >= from && code <= to;
  }
  return code === p;
}

export function skuMatches(pattern: string, sku: string): boolean {
  const p = pattern.trim().toUpperCase();
  const s = sku.toUpperCase();
  return p.endsWith('*') ? s.startsWith(p.slice(0, -1)) : s === p;
}

const nonEmpty = (list: readonly string[] | undefined): list is readonly string[] =>
  Array.isArray(list) && list.length > 0;

/** Checks every condition the rule sets; the rule matches when all of them are met. */
export function checkRule(
  conditions: ShippingRuleConditions,
  facts: OrderFacts,
): { isMatch: boolean; checks: ConditionCheck[] } {
  const checks: ConditionCheck[] = [];
  const add = (condition: keyof ShippingRuleConditions, isMet: boolean, actual: string) =>
    checks.push({ condition, isMet, actual });
  const c = conditions;
  if (nonEmpty(c.channelIds))
    add(
      'channelIds',
      facts.channelId !== null && c.channelIds.includes(facts.channelId),
      facts.channelId ?? '—',
    );
  if (nonEmpty(c.serviceLevels)) {
    const level = facts.serviceLevel?.trim().toLowerCase() ?? null;
    add(
      'serviceLevels',
      level !== null && c.serviceLevels.some((s) => s.trim().toLowerCase() === level),
      facts.serviceLevel ?? '—',
    );
  }
  if (nonEmpty(c.countries))
    add(
      'countries',
      c.countries.some((country) => country.toUpperCase() === facts.countryCode.toUpperCase()),
      facts.countryCode,
    );
  if (nonEmpty(c.postcodes))
    add(
      'postcodes',
      c.postcodes.some((p) => postcodeMatches(p, facts.postalCode)),
      facts.postalCode,
    );
  if (c.relayPoint)
    add(
      'relayPoint',
      c.relayPoint === 'required' ? facts.hasRelayPoint : !facts.hasRelayPoint,
      facts.hasRelayPoint ? 'relay point' : 'home',
    );
  if (c.minWeightGrams !== undefined)
    add('minWeightGrams', facts.weightGrams >= c.minWeightGrams, `${facts.weightGrams} g`);
  if (c.maxWeightGrams !== undefined)
    add('maxWeightGrams', facts.weightGrams <= c.maxWeightGrams, `${facts.weightGrams} g`);
  if (c.minValueMinor !== undefined)
    add('minValueMinor', facts.valueMinor >= c.minValueMinor, String(facts.valueMinor));
  if (c.maxValueMinor !== undefined)
    add('maxValueMinor', facts.valueMinor <= c.maxValueMinor, String(facts.valueMinor));
  if (nonEmpty(c.skus))
    add(
      'skus',
      facts.skus.some((sku) => c.skus?.some((p) => skuMatches(p, sku))),
      facts.skus.join(', ') || '—',
    );
  return { isMatch: checks.every((check) => check.isMet), checks };
}

/** The first enabled rule (in the order given) whose every condition holds; null when none does. */
export function firstMatchingRule<R extends RuleLike>(rules: readonly R[], facts: OrderFacts): R | null {
  for (const rule of rules) {
    if (rule.isEnabled && checkRule(rule.conditions, facts).isMatch) return rule;
  }
  return null;
}
