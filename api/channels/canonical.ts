import { z } from 'zod';

/**
 * The one shape every connector maps a channel's order into. Money is integer minor units with an ISO
 * currency; dates are ISO-8601 strings with an offset. A connector that cannot fill a required field
 * reports the order as malformed instead of guessing.
 */
export const CanonicalAddress = z.object({
  name: z.string().min(1),
  company: z.string().nullable().default(null),
  line1: z.string().min(1),
  line2: z.string().nullable().default(null),
  postalCode: z.string().min(1),
  city: z.string().min(1),
  countryCode: z.string().length(2),
  phone: z.string().nullable().default(null),
});
export type CanonicalAddress = z.infer<typeof CanonicalAddress>;

export const CanonicalOrderLine = z.object({
  externalLineId: z.string().min(1),
  sku: z.string().min(1),
  title: z.string().default(''),
  quantity: z.number().int().positive(),
  unitPriceMinor: z.number().int().nonnegative(),
  shippingPriceMinor: z.number().int().nonnegative().default(0),
  /** The channel's own line state, kept verbatim for display and reconciliation. */
  channelStatus: z.string().nullable().default(null),
});
export type CanonicalOrderLine = z.infer<typeof CanonicalOrderLine>;

export const CanonicalOrderStatus = z.enum([
  'awaiting_acceptance', // the channel wants the seller to accept or refuse lines first (Mirakl, Cdiscount)
  'awaiting_payment', // accepted, the channel has not yet confirmed payment: do not ship
  'to_ship',
  'shipped',
  'delivered',
  'cancelled',
  'refused',
  'closed',
]);
export type CanonicalOrderStatus = z.infer<typeof CanonicalOrderStatus>;

export const CanonicalOrder = z.object({
  externalId: z.string().min(1),
  status: CanonicalOrderStatus,
  channelStatus: z.string(),
  placedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  shipBy: z.iso.datetime({ offset: true }).nullable(),
  currency: z.string().length(3),
  totalMinor: z.number().int().nonnegative(),
  shippingMinor: z.number().int().nonnegative(),
  serviceLevel: z.string().nullable(),
  buyer: z.object({
    name: z.string().min(1),
    email: z.string().nullable().default(null),
    phone: z.string().nullable().default(null),
  }),
  shippingAddress: CanonicalAddress,
  lines: z.array(CanonicalOrderLine).min(1),
});
export type CanonicalOrder = z.infer<typeof CanonicalOrder>;

/**
 * What a pull yields per order: either a canonical order, or the raw payload and why it could not be
 * mapped. Malformed orders are parked, never dropped and never allowed to stop the rest of the page.
 */
export type PulledOrder =
  | { ok: true; externalId: string; raw: unknown; order: CanonicalOrder }
  | { ok: false; externalId: string | null; raw: unknown; reason: string };
