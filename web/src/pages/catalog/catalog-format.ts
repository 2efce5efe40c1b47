import type { client, SuccessBody } from '../../api.js';

export type CatalogProduct = SuccessBody<
  Awaited<ReturnType<typeof client.api.catalog.products.$get>>
>[number];
export type ChannelOffer = CatalogProduct['channels'][number];
export type PriceBreakdown = ChannelOffer['price'];
export type ChannelPricing = SuccessBody<
  Awaited<ReturnType<typeof client.api.pricing.channels.$get>>
>[number];
export type Reason = { code: string; message: string };

/**
 * "12.90", "12,90", "12" → 1290 minor units (two decimals), parsed as text so no float ever rounds a
 * cent; null when it is not an amount.
 */
export function parseMinor(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function minorText(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const units = String(Math.abs(minor)).padStart(3, '0');
  return `${sign}${units.slice(0, -2)}.${units.slice(-2)}`;
}

/** "15", "15.5", "15,25" % → basis points (1500, 1550, 1525); null when it is not a percentage. */
export function parseBps(text: string): number | null {
  const m = /^\s*(\d{1,4})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function bpsText(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = Math.abs(bps % 100);
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

export type ReasonKind = 'price' | 'quality' | 'channel';

const priceCodes = new Set([
  'item_price_not_positive',
  'margin_below_floor',
  'cost_unknown',
  'above_public_price',
  'below_public_price',
  'currency_mismatch',
]);

/** Which of the three gates held the product back: a price rule, a quality check, or the channel itself. */
export function reasonKind(code: string): ReasonKind {
  if (code === 'channel_rejected') return 'channel';
  return priceCodes.has(code) ? 'price' : 'quality';
}

/** The product's state on a channel: what the rules say now, plus what the channel said of the last feed. */
export function offerState(offer: ChannelOffer): {
  status: 'published' | 'pending' | 'blocked';
  reasons: Reason[];
} {
  const rejected = offer.lastStatus === 'rejected' ? offer.lastReasons : [];
  const reasons = [...offer.reasons, ...rejected];
  if (reasons.length > 0) return { status: 'blocked', reasons };
  return { status: offer.lastStatus === 'published' ? 'published' : 'pending', reasons };
}
