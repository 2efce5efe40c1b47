/** The rule editor's form state: text fields as typed, turned into the API's rule on test or save. */
export interface RuleDraft {
  id?: string;
  name: string;
  position: string;
  isEnabled: boolean;
  channelIds: string[];
  serviceLevels: string;
  countries: string;
  postcodes: string;
  relayPoint: '' | 'required' | 'excluded';
  minWeightGrams: string;
  maxWeightGrams: string;
  minValueMinor: string;
  maxValueMinor: string;
  skus: string;
  carrierAccountId: string;
  serviceCode: string;
  packaging: string;
}

export const emptyDraft = (serviceCode: string): RuleDraft => ({
  name: '',
  position: '',
  isEnabled: true,
  channelIds: [],
  serviceLevels: '',
  countries: '',
  postcodes: '',
  relayPoint: '',
  minWeightGrams: '',
  maxWeightGrams: '',
  minValueMinor: '',
  maxValueMinor: '',
  skus: '',
  carrierAccountId: '',
  serviceCode,
  packaging: '',
});

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const int = (text: string) => (text.trim() === '' ? undefined : Math.round(Number(text)));

export function toRuleInput(d: RuleDraft) {
  const conditions = {
    ...(d.channelIds.length ? { channelIds: d.channelIds } : {}),
    ...(list(d.serviceLevels).length ? { serviceLevels: list(d.serviceLevels) } : {}),
    ...(list(d.countries).length ? { countries: list(d.countries).map((c) => c.toUpperCase()) } : {}),
    ...(list(d.postcodes).length ? { postcodes: list(d.postcodes) } : {}),
    ...(d.relayPoint ? { relayPoint: d.relayPoint } : {}),
    ...(int(d.minWeightGrams) !== undefined ? { minWeightGrams: int(d.minWeightGrams) } : {}),
    ...(int(d.maxWeightGrams) !== undefined ? { maxWeightGrams: int(d.maxWeightGrams) } : {}),
    ...(int(d.minValueMinor) !== undefined ? { minValueMinor: int(d.minValueMinor) } : {}),
    ...(int(d.maxValueMinor) !== undefined ? { maxValueMinor: int(d.maxValueMinor) } : {}),
    ...(list(d.skus).length ? { skus: list(d.skus) } : {}),
  };
  return {
    name: d.name.trim(),
    isEnabled: d.isEnabled,
    conditions,
    carrierAccountId: d.carrierAccountId || null,
    serviceCode: d.serviceCode.trim(),
    packaging: d.packaging.trim() || null,
    ...(int(d.position) !== undefined ? { position: int(d.position) } : {}),
  };
}

export function fromRule(rule: {
  id: string;
  name: string;
  position: number;
  isEnabled: boolean;
  carrierAccountId: string | null;
  serviceCode: string;
  packaging: string | null;
  conditions: Partial<{
    channelIds: string[];
    serviceLevels: string[];
    countries: string[];
    postcodes: string[];
    relayPoint: 'required' | 'excluded';
    minWeightGrams: number;
    maxWeightGrams: number;
    minValueMinor: number;
    maxValueMinor: number;
    skus: string[];
  }>;
}): RuleDraft {
  const c = rule.conditions;
  const num = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    id: rule.id,
    name: rule.name,
    position: String(rule.position),
    isEnabled: rule.isEnabled,
    channelIds: c.channelIds ?? [],
    serviceLevels: (c.serviceLevels ?? []).join(', '),
    countries: (c.countries ?? []).join(', '),
    postcodes: (c.postcodes ?? []).join(', '),
    relayPoint: c.relayPoint ?? '',
    minWeightGrams: num(c.minWeightGrams),
    maxWeightGrams: num(c.maxWeightGrams),
    minValueMinor: num(c.minValueMinor),
    maxValueMinor: num(c.maxValueMinor),
    skus: (c.skus ?? []).join(', '),
    carrierAccountId: rule.carrierAccountId ?? '',
    serviceCode: rule.serviceCode,
    packaging: rule.packaging ?? '',
  };
}
