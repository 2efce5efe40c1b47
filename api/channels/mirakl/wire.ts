import { z } from 'zod';

/**
 * The part of an OR11 order (`OR11_Response_200_Orders` in the seller spec) the mapper reads. Objects are
 * loose: Mirakl adds fields over time and says integrations must ignore what they do not know. Amounts
 * are JSON numbers in the spec (format "with decimals"); strings are accepted too and parsed exactly.
 */
const Amount = z.union([z.number(), z.string()]);
const DateTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO date-time');
const OptionalText = z.string().nullish();

export const MiraklAddress = z.looseObject({
  civility: OptionalText,
  firstname: OptionalText,
  lastname: z.string().min(1),
  company: OptionalText,
  street_1: z.string().min(1),
  street_2: OptionalText,
  zip_code: z.string().min(1),
  city: z.string().min(1),
  country_iso_code: z.string().min(2),
  phone: OptionalText,
});

export const MiraklOrderLine = z.looseObject({
  order_line_id: z.string().min(1),
  offer_sku: z.string().min(1),
  product_title: z.string().nullish(),
  quantity: z.number().int().positive(),
  price_unit: Amount,
  shipping_price: Amount.nullish(),
  order_line_state: z.string().nullish(),
});

export const MiraklOrder = z.looseObject({
  order_id: z.string().min(1),
  order_state: z.string().min(1),
  created_date: DateTime,
  last_updated_date: DateTime,
  shipping_deadline: DateTime.nullish(),
  currency_iso_code: z.string().length(3),
  shipping_price: Amount,
  total_price: Amount,
  shipping_type_code: z.string().nullish(),
  shipping_tracking: OptionalText,
  customer_notification_email: OptionalText,
  customer: z.looseObject({
    firstname: OptionalText,
    lastname: z.string().min(1),
    shipping_address: MiraklAddress,
  }),
  order_lines: z.array(MiraklOrderLine).min(1),
});
export type MiraklOrder = z.infer<typeof MiraklOrder>;

/** An OR11 page: `orders` is kept raw so one malformed order cannot fail the page. */
export const MiraklOrderPage = z.object({
  orders: z.array(z.unknown()),
  total_count: z.number().int().nonnegative(),
});
export type MiraklOrderPage = z.infer<typeof MiraklOrderPage>;

/** Reads the fields needed to find an order even when the rest of it is malformed. */
export function peekOrder(raw: unknown): {
  orderId: string | null;
  lastUpdated: string | null;
  state: string | null;
} {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  return {
    orderId: text(obj.order_id),
    lastUpdated: text(obj.last_updated_date),
    state: text(obj.order_state),
  };
}
