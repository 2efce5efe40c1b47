import { describe, expect, it } from 'vitest';
import {
  checkRule,
  firstMatchingRule,
  type OrderFacts,
  postcodeMatches,
} from '../../api/services/shipping-rules/match-rules.js';
import type { ShippingRuleConditions } from '../../db/schema/index.js';

const base: OrderFacts = {
  channelId: 'chn_mirakl',
  serviceLevel: 'STD',
  countryCode: 'FR',
  postalCode: '69007',
  hasRelayPoint: false,
  weightGrams: 1200,
  valueMinor: 4990,
  skus: ['SEC-220', 'GAN-M'],
};
const order = (over: Partial<OrderFacts>): OrderFacts => ({ ...base, ...over });
const rule = (id: string, conditions: ShippingRuleConditions, isEnabled = true) => ({
  id,
  name: id,
  isEnabled,
  conditions,
});

/** The rule list a French merchant keeps, tried top to bottom. */
const rules = [
  rule('disabled-catch-all', {}, false),
  rule('corsica', { countries: ['FR'], postcodes: ['20*'] }),
  rule('overseas', { countries: ['FR'], postcodes: ['97100-97699'] }),
  rule('amazon-express', { channelIds: ['chn_amazon'], serviceLevels: ['Expedited', 'NextDay'] }),
  rule('relay', { relayPoint: 'required', maxWeightGrams: 20_000 }),
  rule('fragile-sku', { skus: ['POT-*', 'LAM-SOL'] }),
  rule('high-value', { minValueMinor: 50_000 }),
  rule('light', { maxWeightGrams: 1_000 }),
  rule('medium', { minWeightGrams: 1_001, maxWeightGrams: 5_000 }),
  rule('heavy', { minWeightGrams: 5_001 }),
];

describe('shipping rules: first match wins', () => {
  it.each([
    ['Ajaccio, Corsica (20000)', order({ postalCode: '20000' }), 'corsica'],
    ['Bastia, Corsica (20200)', order({ postalCode: '20 200' }), 'corsica'],
    ['Pointe-à-Pitre, Guadeloupe (971)', order({ postalCode: '97110' }), 'overseas'],
    ['Mamoudzou, Mayotte (976)', order({ postalCode: '97600' }), 'overseas'],
    ['Saint-Pierre-et-Miquelon (975)', order({ postalCode: '97500' }), 'overseas'],
    ['97700 (Saint-Barthélemy) is past 976', order({ postalCode: '97700' }), 'medium'],
    ['Corsica postcode in Italy is not Corsica', order({ countryCode: 'IT', postalCode: '20121' }), 'medium'],
    [
      'Amazon expedited, case-insensitive',
      order({ channelId: 'chn_amazon', serviceLevel: 'expedited' }),
      'amazon-express',
    ],
    ['Amazon standard', order({ channelId: 'chn_amazon', serviceLevel: 'Standard' }), 'medium'],
    [
      'Corsica beats Amazon express (earlier rule)',
      order({ channelId: 'chn_amazon', serviceLevel: 'NextDay', postalCode: '20090' }),
      'corsica',
    ],
    ['relay point', order({ hasRelayPoint: true }), 'relay'],
    ['relay point over 20 kg', order({ hasRelayPoint: true, weightGrams: 25_000 }), 'heavy'],
    ['fragile SKU by prefix', order({ skus: ['POT-30T'] }), 'fragile-sku'],
    ['fragile SKU exact', order({ skus: ['GAN-M', 'LAM-SOL'] }), 'fragile-sku'],
    ['value at the threshold', order({ valueMinor: 50_000 }), 'high-value'],
    ['value under the threshold', order({ valueMinor: 49_999, weightGrams: 800 }), 'light'],
    ['weight band: 1,000 g is light', order({ weightGrams: 1_000 }), 'light'],
    ['weight band: 1,001 g is medium', order({ weightGrams: 1_001 }), 'medium'],
    ['weight band: 5,000 g is medium', order({ weightGrams: 5_000 }), 'medium'],
    ['weight band: 5,001 g is heavy', order({ weightGrams: 5_001 }), 'heavy'],
  ])('%s → %s', (_, facts, expected) => {
    expect(firstMatchingRule(rules, facts)?.id).toBe(expected);
  });

  it('returns null when no enabled rule matches (self-issued default)', () => {
    expect(firstMatchingRule([rule('only-de', { countries: ['DE'] })], base)).toBeNull();
    expect(firstMatchingRule([rule('off', {}, false)], base)).toBeNull();
  });

  it('a rule without conditions matches everything', () => {
    expect(firstMatchingRule([rule('all', {})], base)?.id).toBe('all');
  });

  it('says which condition failed and what the order had', () => {
    const result = checkRule({ countries: ['FR'], postcodes: ['20*'], maxWeightGrams: 1_000 }, base);
    expect(result.isMatch).toBe(false);
    expect(result.checks).toEqual([
      { condition: 'countries', isMet: true, actual: 'FR' },
      { condition: 'postcodes', isMet: false, actual: '69007' },
      { condition: 'maxWeightGrams', isMet: false, actual: '1200 g' },
    ]);
  });

  it('reads postcode patterns: prefix, inclusive range of the same length, exact', () => {
    expect(postcodeMatches('20*', '20620')).toBe(true);
    expect(postcodeMatches('20*', '12000')).toBe(false);
    expect(postcodeMatches('97100-97699', '97100')).toBe(true);
    expect(postcodeMatches('97100-97699', '97699')).toBe(true);
    expect(postcodeMatches('97100-97699', '9710')).toBe(false);
    expect(postcodeMatches('75001', '75001')).toBe(true);
    expect(postcodeMatches('75001', '75002')).toBe(false);
    expect(postcodeMatches('sw1a*', 'SW1A 1AA')).toBe(true);
  });
});
