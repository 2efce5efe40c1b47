import type { z } from 'zod';
import { CanonicalOrder, type CanonicalOrderStatus, type PulledOrder } from '../canonical.js';
import { describeIssue, pathText } from '../describe-issue.js';
import { parseDecimalToMinor } from '../money.js';
import { gmtToIso, peekOrder, WooOrder } from './wire.js';

/**
 * WooCommerce order JSON → PulledOrder. WooCommerce has no acceptance step; `processing` means paid and
 * waiting to ship, `completed` means shipped (it has no other notion of shipped).
 */
const STATES: Readonly<Record<string, CanonicalOrderStatus>> = {
  pending: 'awaiting_payment',
  'checkout-draft': 'awaiting_payment',
  'on-hold': 'awaiting_payment',
  // A failed payment may still be retried by the buyer: not shippable, not cancelled.
  failed: 'awaiting_payment',
  processing: 'to_ship',
  completed: 'shipped',
  cancelled: 'cancelled',
  refunded: 'cancelled',
  trash: 'cancelled',
};

export function mapWooState(status: string): CanonicalOrderStatus | null {
  return STATES[status] ?? null;
}

class FieldError extends Error {}

function money(value: string, currency: string, field: string): number {
  try {
    return parseDecimalToMinor(value, currency);
  } catch (err) {
    throw new FieldError(`${field} is not a valid amount: ${(err as Error).message}`);
  }
}

function iso(value: string, field: string): string {
  try {
    return gmtToIso(value);
  } catch {
    throw new FieldError(`${field} is not a date (got ${JSON.stringify(value)})`);
  }
}

function toCanonical(order: WooOrder): CanonicalOrder {
  const status = mapWooState(order.status);
  if (!status) throw new FieldError(`status "${order.status}" is not a known WooCommerce order status`);
  const currency = order.currency.toUpperCase();
  const ship = order.shipping;
  const recipient = [ship.first_name, ship.last_name].filter(Boolean).join(' ');
  const buyer = [order.billing?.first_name, order.billing?.last_name].filter(Boolean).join(' ');
  const shippingLine = order.shipping_lines?.[0];
  return CanonicalOrder.parse({
    externalId: String(order.id),
    status,
    channelStatus: order.status,
    placedAt: iso(order.date_created_gmt, 'date_created_gmt'),
    updatedAt: iso(order.date_modified_gmt, 'date_modified_gmt'),
    shipBy: null,
    currency,
    totalMinor: money(order.total, currency, 'total'),
    shippingMinor: money(order.shipping_total, currency, 'shipping_total'),
    serviceLevel: shippingLine?.method_id || shippingLine?.method_title || null,
    buyer: {
      name: buyer || recipient,
      email: order.billing?.email || null,
      phone: order.billing?.phone || null,
    },
    shippingAddress: {
      name: recipient,
      company: ship.company || null,
      line1: ship.address_1,
      line2: ship.address_2 || null,
      postalCode: ship.postcode,
      city: ship.city,
      countryCode: ship.country.toUpperCase(),
      phone: ship.phone || order.billing?.phone || null,
    },
    lines: order.line_items.map((line, i) => {
      const subtotal = money(line.subtotal, currency, `line_items[${i}].subtotal`);
      return {
        externalLineId: String(line.id),
        sku: line.sku,
        title: line.name ?? '',
        quantity: line.quantity,
        // `price` is a float WooCommerce computes as subtotal / quantity; the subtotal is the exact figure.
        unitPriceMinor: Math.round(subtotal / line.quantity),
        channelStatus: null,
      };
    }),
  });
}

export function mapWooOrder(raw: unknown): PulledOrder {
  const externalId = peekOrder(raw).id;
  const parsed = WooOrder.safeParse(raw);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => describeIssue(issue));
    return { ok: false, externalId, raw, reason: [...new Set(reasons)].join('; ') };
  }
  try {
    return { ok: true, externalId: String(parsed.data.id), raw, order: toCanonical(parsed.data) };
  } catch (err) {
    if (err instanceof FieldError) return { ok: false, externalId, raw, reason: err.message };
    const issues = (err as { issues?: z.core.$ZodIssue[] }).issues;
    const reason = issues ? issues.map((i) => `${pathText(i.path)}: ${i.message}`).join('; ') : String(err);
    return { ok: false, externalId, raw, reason: `does not fit the canonical order: ${reason}` };
  }
}
