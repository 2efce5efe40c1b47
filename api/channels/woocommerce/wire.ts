import { z } from 'zod';

/**
 * The fields of a WooCommerce REST v3 order (`Order` in the API's schema) the mapper reads. Amounts are
 * decimal strings ("29.90"); a line's `price` is a JSON number. `*_gmt` dates carry no offset: they are
 * UTC. Loose objects: plugins add fields.
 */
const Text = z.string().nullish();

export const WooAddress = z.looseObject({
  first_name: Text,
  last_name: Text,
  company: Text,
  address_1: z.string().min(1),
  address_2: Text,
  city: z.string().min(1),
  postcode: z.string().min(1),
  country: z.string().length(2),
  phone: Text,
});

export const WooLineItem = z.looseObject({
  id: z.number().int(),
  name: Text,
  product_id: z.number().int().nullish(),
  variation_id: z.number().int().nullish(),
  sku: z.string().min(1),
  quantity: z.number().int().positive(),
  subtotal: z.string(),
});
export type WooLineItem = z.infer<typeof WooLineItem>;

export const WooOrder = z.looseObject({
  id: z.number().int(),
  number: Text,
  status: z.string().min(1),
  currency: z.string().length(3),
  date_created_gmt: z.string().min(1),
  date_modified_gmt: z.string().min(1),
  total: z.string(),
  shipping_total: z.string(),
  billing: z.looseObject({ first_name: Text, last_name: Text, email: Text, phone: Text }).nullish(),
  shipping: WooAddress,
  shipping_lines: z.array(z.looseObject({ method_id: Text, method_title: Text })).nullish(),
  line_items: z.array(WooLineItem).min(1),
  refunds: z.array(z.looseObject({ id: z.number().int(), total: z.string().nullish() })).nullish(),
});
export type WooOrder = z.infer<typeof WooOrder>;

/** WooCommerce's GMT dates have no offset ("2025-01-02T10:00:00"): they are UTC. */
export function gmtToIso(value: string): string {
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  return new Date(withZone).toISOString();
}

export function peekOrder(raw: unknown): { id: string | null; modified: string | null } {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const id = typeof obj.id === 'number' ? String(obj.id) : null;
  let modified: string | null = null;
  try {
    if (typeof obj.date_modified_gmt === 'string') modified = gmtToIso(obj.date_modified_gmt);
  } catch {
    // An unreadable date leaves the cursor where it is; the mapper names the field.
  }
  return { id, modified };
}

export interface WooNote {
  id: number;
  note: string;
  date_created_gmt?: string;
  customer_note?: boolean;
}
