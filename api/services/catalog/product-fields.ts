import { isValidGtin } from '../../../labels/check-digits.js';
import { currencyExponent, MoneyParseError, parseDecimalToMinor } from '../../channels/money.js';
import { unprocessable } from '../../errors.js';
import type { ImportMapping } from '../manual-orders/import-mapping.js';
import type { MappedRow } from '../manual-orders/read-import-file.js';

/** Fields of the product base an ERP column can be mapped to; `attr:<name>` maps any attribute. */
export const productFields = [
  'sku',
  'name',
  'ean',
  'parentSku',
  'category',
  'brand',
  'description',
  'basePrice',
  'cost',
  'publicPrice',
  'currency',
  'weightGrams',
  'condition',
  'leadTimeDays',
  'images',
] as const;
export type ProductField = (typeof productFields)[number] | `attr:${string}`;
export type ProductMapping = ImportMapping<ProductField>;

export const conditions = ['new', 'used', 'refurbished'] as const;

export function checkProductMapping(mapping: ProductMapping): void {
  const missing = (['sku', 'name', 'basePrice'] as const).filter(
    (f) => !mapping.columns[f] && !mapping.defaults[f],
  );
  if (missing.length > 0)
    throw unprocessable(
      'import_mapping_incomplete',
      `The mapping gives no column or default for: ${missing.join(', ')}`,
      { fields: missing },
    );
  const unknown = Object.keys(mapping.columns).filter(
    (f) => !(productFields as readonly string[]).includes(f) && !/^attr:[a-z0-9_]{1,60}$/.test(f),
  );
  if (unknown.length > 0)
    throw unprocessable(
      'import_mapping_invalid',
      `Unknown fields: ${unknown.join(', ')} (attributes are written attr:name in lower case)`,
      { fields: unknown },
    );
}

/** A product as the ERP file states it; undefined = the mapping does not carry the field (kept as is). */
export interface ProductRecord {
  sku: string;
  name: string;
  basePrice: number;
  currency: string;
  ean?: string | null;
  parentSku?: string | null;
  category?: string | null;
  brand?: string | null;
  description?: string | null;
  cost?: number | null;
  publicPrice?: number | null;
  weightGrams?: number;
  condition?: string;
  leadTimeDays?: number | null;
  images?: string[];
  attributes: Record<string, string>;
}

export interface FieldProblem {
  field: ProductField;
  message: string;
}

/** Parses one mapped row; every bad field is reported, not just the first. */
export function parseProductRow(
  row: MappedRow<ProductField>,
  mapped: ReadonlySet<ProductField>,
): { record: ProductRecord | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const bad = (field: ProductField, message: string) => problems.push({ field, message });
  const text = (f: ProductField, max: number): string | null => {
    const v = row.get(f).trim();
    if (v.length > max) bad(f, `is longer than ${max} characters`);
    return v === '' ? null : v;
  };
  const has = (f: ProductField) => mapped.has(f);

  const sku = text('sku', 100);
  if (!sku) bad('sku', 'is empty');
  const name = text('name', 500);
  if (!name) bad('name', 'is empty');
  let currency = row.get('currency').trim().toUpperCase() || 'EUR';
  try {
    currencyExponent(currency);
  } catch {
    bad('currency', `"${currency}" is not an ISO currency code`);
    currency = 'EUR';
  }
  const money = (f: ProductField, required: boolean): number | null => {
    const v = row.get(f).trim().replace(',', '.');
    if (v === '') {
      if (required) bad(f, 'is empty');
      return null;
    }
    try {
      return parseDecimalToMinor(v, currency);
    } catch (err) {
      bad(f, err instanceof MoneyParseError ? err.message : `"${v}" is not an amount`);
      return null;
    }
  };
  const whole = (f: ProductField, max: number): number | null => {
    const v = row.get(f).trim();
    if (v === '') return null;
    if (!/^\d+$/.test(v) || Number(v) > max) {
      bad(f, `"${v}" is not a whole number from 0 to ${max}`);
      return null;
    }
    return Number(v);
  };

  const basePrice = money('basePrice', true);
  const record: ProductRecord = {
    sku: sku ?? '',
    name: name ?? '',
    basePrice: basePrice ?? 0,
    currency,
    attributes: {},
  };
  if (basePrice === 0) bad('basePrice', 'is zero');
  if (has('cost')) record.cost = money('cost', false);
  if (has('publicPrice')) record.publicPrice = money('publicPrice', false);
  if (has('ean')) {
    const ean = row.get('ean').trim();
    if (ean !== '' && !isValidGtin(ean))
      bad('ean', `"${ean}" is not a valid EAN/GTIN (length or check digit)`);
    record.ean = ean || null;
  }
  if (has('parentSku')) record.parentSku = text('parentSku', 100);
  if (has('category')) record.category = text('category', 300)?.toLowerCase() ?? null;
  if (has('brand')) record.brand = text('brand', 200);
  if (has('description')) record.description = text('description', 10_000);
  if (has('weightGrams')) record.weightGrams = whole('weightGrams', 1_000_000) ?? 0;
  if (has('leadTimeDays')) record.leadTimeDays = whole('leadTimeDays', 365);
  if (has('condition')) {
    const c = row.get('condition').trim().toLowerCase() || 'new';
    if (!(conditions as readonly string[]).includes(c))
      bad('condition', `"${c}" is not one of ${conditions.join(', ')}`);
    record.condition = c;
  }
  if (has('images')) {
    const urls = row
      .get('images')
      .split(/[|\s]+/)
      .filter((u) => u !== '');
    const wrong = urls.filter((u) => !/^https?:\/\/\S+$/.test(u));
    if (wrong.length > 0) bad('images', `not a web address: ${wrong.join(', ')}`);
    record.images = urls;
  }
  for (const f of mapped) {
    if (!f.startsWith('attr:')) continue;
    const v = row.get(f).trim();
    if (v.length > 2000) bad(f, 'is longer than 2000 characters');
    else if (v !== '') record.attributes[f.slice(5)] = v;
  }
  return { record: problems.length === 0 ? record : null, problems };
}

/** Kind of a barcode row for a GTIN, by its length. */
export function gtinKind(code: string): 'ean13' | 'ean8' | 'upc' | 'gtin14' {
  return code.length === 8 ? 'ean8' : code.length === 12 ? 'upc' : code.length === 14 ? 'gtin14' : 'ean13';
}
