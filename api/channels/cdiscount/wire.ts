import { z } from 'zod';

/**
 * The fields of an Octopia seller-API v2 order (`GET /orders`, `GET /orders/{orderId}`) the connector
 * reads. The top-level names (orderId, reference, status, salesChannel, createdAt, updatedAt,
 * purchasedAt, shippedAtMax, currencyCode, customer) are those of Octopia's own sample response; the
 * names inside lines, the shipping address and `shipments` are our reading of the documented order
 * model (see README: "assumed"). Loose objects: Octopia adds fields.
 */
const Text = z.string().nullish();
const Amount = z.union([z.number(), z.string()]);

export const CdiscountAddress = z.looseObject({
  firstName: Text,
  lastName: Text,
  companyName: Text,
  addressLine1: z.string().min(1),
  addressLine2: Text,
  zipCode: z.string().min(1),
  city: z.string().min(1),
  countryCode: z.string().length(2),
  phone: Text,
});

export const CdiscountLine = z.looseObject({
  lineId: z.string().min(1),
  status: z.string().min(1),
  quantity: z.number().int().positive(),
  offer: z.looseObject({ id: z.string().min(1), sellerExternalReference: z.string().min(1) }),
  product: z.looseObject({ title: Text, gtin: Text }).nullish(),
  unitSalesPrice: Amount,
  shippingPrice: Amount.nullish(),
});
export type CdiscountLine = z.infer<typeof CdiscountLine>;

/** One declared parcel, as `POST /orders/{orderId}/shipments` takes it and the order reports it back. */
export const CdiscountParcel = z.looseObject({
  parcelNumber: z.string().min(1),
  carrierName: z.string().min(1),
  trackingUrl: Text,
  orderLineIds: z.array(z.string().min(1)).min(1),
});
export type CdiscountParcel = z.infer<typeof CdiscountParcel>;

export const CdiscountOrder = z.looseObject({
  orderId: z.string().min(1),
  reference: Text,
  status: z.string().min(1),
  salesChannel: z.looseObject({ id: z.string() }).nullish(),
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
  purchasedAt: Text,
  shippedAtMax: Text,
  currencyCode: z.string().length(3),
  totalPrice: Amount,
  totalShippingPrice: Amount,
  deliveryMode: z.looseObject({ code: Text }).nullish(),
  customer: z
    .looseObject({ reference: Text, firstName: Text, lastName: Text, email: Text, phone: Text })
    .nullish(),
  shippingAddress: CdiscountAddress,
  lines: z.array(CdiscountLine).min(1),
  shipments: z.array(CdiscountParcel).nullish(),
});
export type CdiscountOrder = z.infer<typeof CdiscountOrder>;

/** `GET /orders` answers one page: `itemsPerPage` and `items`. */
export const CdiscountOrderPage = z.looseObject({ items: z.array(z.unknown()) });

export function peekOrder(raw: unknown): { orderId: string | null; updatedAt: string | null } {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const orderId = typeof obj.orderId === 'string' ? obj.orderId : null;
  const at = typeof obj.updatedAt === 'string' ? Date.parse(obj.updatedAt) : Number.NaN;
  return { orderId, updatedAt: Number.isNaN(at) ? null : new Date(at).toISOString() };
}
