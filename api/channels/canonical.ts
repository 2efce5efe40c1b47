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

/**
 * `quantity` is what the channel lists for the line; `quantityCancelled` the part of it the channel says
 * is cancelled (a cancelled line state, a cancellation record, an order edit that lowered it). Units to
 * ship are the difference. On a re-delivered order, a line the channel no longer lists is wholly
 * cancelled (Amazon and WooCommerce drop such lines).
 */
export const CanonicalOrderLine = z
  .object({
    externalLineId: z.string().min(1),
    sku: z.string().min(1),
    title: z.string().default(''),
    quantity: z.number().int().positive(),
    quantityCancelled: z.number().int().nonnegative().default(0),
    unitPriceMinor: z.number().int().nonnegative(),
    shippingPriceMinor: z.number().int().nonnegative().default(0),
    /** The channel's own line state, kept verbatim for display and reconciliation. */
    channelStatus: z.string().nullable().default(null),
  })
  .refine((l) => l.quantityCancelled <= l.quantity, {
    message: 'quantityCancelled cannot exceed quantity',
    path: ['quantityCancelled'],
  });
export type CanonicalOrderLine = z.infer<typeof CanonicalOrderLine>;
/** Units of a canonical line still to ship. */
export const unitsWanted = (l: { quantity: number; quantityCancelled?: number }) =>
  l.quantity - (l.quantityCancelled ?? 0);

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
