import { z } from 'zod';

/**
 * The fields of an Admin GraphQL `Order` that `documents.ts` selects and the mapper reads. Amounts are
 * `Decimal` scalars, i.e. strings ("12.3", "10.0"); they are parsed exactly by the mapper.
 */
const Money = z.object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string().length(3) }) });
const DateTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO date-time');
const Text = z.string().nullish();

export const ShopifyAddress = z.looseObject({
  name: Text,
  firstName: Text,
  lastName: Text,
  company: Text,
  address1: z.string().min(1),
  address2: Text,
  zip: z.string().min(1),
  city: z.string().min(1),
  countryCodeV2: z.string().length(2),
  phone: Text,
});

export const ShopifyLineItem = z.looseObject({
  id: z.string().min(1),
  sku: z.string().min(1),
  name: z.string().nullish(),
  quantity: z.number().int().positive(),
  currentQuantity: z.number().int().nonnegative(),
  unfulfilledQuantity: z.number().int().nonnegative(),
  originalUnitPriceSet: Money,
});
export type ShopifyLineItem = z.infer<typeof ShopifyLineItem>;

export const ShopifyOrder = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  createdAt: DateTime,
  updatedAt: DateTime,
  cancelledAt: DateTime.nullish(),
  closed: z.boolean(),
  email: Text,
  phone: Text,
  displayFulfillmentStatus: z.string().min(1),
  displayFinancialStatus: z.string().nullish(),
  totalPriceSet: Money,
  totalShippingPriceSet: Money,
  shippingLine: z.looseObject({ code: Text, title: Text }).nullish(),
  customer: z.looseObject({ firstName: Text, lastName: Text }).nullish(),
  shippingAddress: ShopifyAddress,
  lineItems: z.object({ nodes: z.array(ShopifyLineItem).min(1) }),
});
export type ShopifyOrder = z.infer<typeof ShopifyOrder>;

export interface OrdersPage {
  orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] };
}

/** The fields needed to find an order and move the cursor even when the rest of it is malformed. */
export function peekOrder(raw: unknown): { id: string | null; updatedAt: string | null } {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  return { id: text(obj.id), updatedAt: text(obj.updatedAt) };
}
