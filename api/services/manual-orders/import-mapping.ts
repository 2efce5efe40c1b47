import { unprocessable } from '../../errors.js';

/** Our fields a file column can be mapped to. */
export const importFields = [
  'reference',
  'sku',
  'ean',
  'quantity',
  'unitPrice',
  'currency',
  'shippingPrice',
  'buyerName',
  'buyerEmail',
  'buyerPhone',
  'shipName',
  'shipCompany',
  'shipLine1',
  'shipLine2',
  'shipPostalCode',
  'shipCity',
  'shipCountry',
  'shipPhone',
  'shipBy',
  'serviceLevel',
] as const;
export type ImportField = (typeof importFields)[number];

export const requiredFields: readonly ImportField[] = [
  'reference',
  'quantity',
  'unitPrice',
  'shipName',
  'shipLine1',
  'shipPostalCode',
  'shipCity',
  'shipCountry',
];

/** Generic over the fields so the product-base import (`api/services/catalog`) shares it. */
export interface ImportMapping<F extends string = ImportField> {
  /** Our field → the header of the file's column that holds it. */
  columns: Partial<Record<F, string>>;
  /** Values for fields the file does not carry (a wholesaler who always bills in EUR). */
  defaults: Partial<Record<F, string>>;
}

/** A mapping must say where every required field comes from, and where the item code is. */
export function checkMapping(mapping: ImportMapping): void {
  const missing = requiredFields.filter((f) => !mapping.columns[f] && !mapping.defaults[f]);
  if (!mapping.columns.sku && !mapping.columns.ean) missing.push('sku');
  if (!mapping.columns.currency && !mapping.defaults.currency) missing.push('currency');
  if (missing.length > 0) {
    throw unprocessable(
      'import_mapping_incomplete',
      `The mapping gives no column or default for: ${missing.join(', ')} (sku can be replaced by ean)`,
      { fields: missing },
    );
  }
}
