import type { z } from 'zod';
import { CanonicalOrder, type CanonicalOrderStatus, type PulledOrder } from '../canonical.js';
import { describeIssue, pathText } from '../describe-issue.js';
import { parseDecimalToMinor } from '../money.js';
import { toAlpha2 } from './countries.js';
import { MiraklOrder, peekOrder } from './wire.js';

/**
 * OR11 order JSON → PulledOrder. Anything we cannot fill without guessing (no SKU, a non-positive
 * quantity, an amount that is not an exact decimal, no shipping address) parks the order with a reason
 * naming the field, so a person can read what the marketplace sent.
 */

const STATES: Readonly<Record<string, CanonicalOrderStatus>> = {
  WAITING_ACCEPTANCE: 'awaiting_acceptance',
  // STAGING is the fraud check before acceptance: visible at most, never shippable.
  STAGING: 'awaiting_payment',
  WAITING_DEBIT: 'awaiting_payment',
  WAITING_DEBIT_PAYMENT: 'awaiting_payment',
  SHIPPING: 'to_ship',
  SHIPPED: 'shipped',
  // TO_COLLECT: the parcel left us and waits at a pickup point; for the warehouse it is shipped.
  TO_COLLECT: 'shipped',
  RECEIVED: 'delivered',
  CLOSED: 'closed',
  REFUSED: 'refused',
  CANCELED: 'cancelled',
};

export function mapMiraklState(state: string): CanonicalOrderStatus | null {
  return STATES[state] ?? null;
}

/** States in which the order has left the warehouse (used to read a shipment back). */
export const SHIPPED_STATES: ReadonlySet<string> = new Set(['SHIPPED', 'TO_COLLECT', 'RECEIVED', 'CLOSED']);

function iso(value: string): string {
  return new Date(value).toISOString();
}

class FieldError extends Error {}

function money(value: string | number, currency: string, field: string): number {
  try {
    return parseDecimalToMinor(value, currency);
  } catch (err) {
    throw new FieldError(`${field} is not a valid amount: ${(err as Error).message}`);
  }
}

/** Line states in which none of the line is to ship (refused at acceptance, cancelled later). */
const CANCELLED_LINE_STATES: ReadonlySet<string> = new Set(['CANCELED', 'REFUSED']);

/**
 * Units of a line that will not ship: all of it in a cancelled or refused state, else what its OR29/OR30
 * cancellation records add up to (the objects are loose, so `cancelations` is read as sent).
 */
function cancelledUnits(line: MiraklOrder['order_lines'][number]): number {
  if (CANCELLED_LINE_STATES.has(line.order_line_state ?? '')) return line.quantity;
  const records = (line as { cancelations?: unknown }).cancelations;
  if (!Array.isArray(records)) return 0;
  const units = records.reduce<number>((sum, r) => {
    const q = (r as { quantity?: unknown })?.quantity;
    return sum + (typeof q === 'number' && Number.isInteger(q) && q > 0 ? q : 0);
  }, 0);
  return Math.min(units, line.quantity);
}

function toCanonical(order: MiraklOrder): CanonicalOrder {
  const status = mapMiraklState(order.order_state);
  if (!status) throw new FieldError(`order_state "${order.order_state}" is not a known Mirakl state`);
  const currency = order.currency_iso_code.toUpperCase();
  const address = order.customer.shipping_address;
  const countryCode = toAlpha2(address.country_iso_code);
  if (!countryCode) {
    throw new FieldError(
      `customer.shipping_address.country_iso_code "${address.country_iso_code}" is not a known country code`,
    );
  }
  const recipient = [address.firstname, address.lastname].filter(Boolean).join(' ');
  const buyer = [order.customer.firstname, order.customer.lastname].filter(Boolean).join(' ');
  return CanonicalOrder.parse({
    externalId: order.order_id,
    status,
    channelStatus: order.order_state,
    placedAt: iso(order.created_date),
    updatedAt: iso(order.last_updated_date),
    shipBy: order.shipping_deadline ? iso(order.shipping_deadline) : null,
    currency,
    totalMinor: money(order.total_price, currency, 'total_price'),
    shippingMinor: money(order.shipping_price, currency, 'shipping_price'),
    serviceLevel: order.shipping_type_code ?? null,
    buyer: { name: buyer, email: order.customer_notification_email ?? null, phone: address.phone ?? null },
    shippingAddress: {
      name: recipient,
      company: address.company || null,
      line1: address.street_1,
      line2: address.street_2 || null,
      postalCode: address.zip_code,
      city: address.city,
      countryCode,
      phone: address.phone || null,
    },
    lines: order.order_lines.map((line, i) => ({
      externalLineId: line.order_line_id,
      sku: line.offer_sku,
      title: line.product_title ?? '',
      quantity: line.quantity,
      quantityCancelled: cancelledUnits(line),
      unitPriceMinor: money(line.price_unit, currency, `order_lines[${i}].price_unit`),
      shippingPriceMinor:
        line.shipping_price == null
          ? 0
          : money(line.shipping_price, currency, `order_lines[${i}].shipping_price`),
      channelStatus: line.order_line_state ?? null,
    })),
  });
}

export function mapMiraklOrder(raw: unknown): PulledOrder {
  const externalId = peekOrder(raw).orderId;
  const parsed = MiraklOrder.safeParse(raw);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => describeIssue(issue, raw));
    return { ok: false, externalId, raw, reason: [...new Set(reasons)].join('; ') };
  }
  try {
    return { ok: true, externalId: parsed.data.order_id, raw, order: toCanonical(parsed.data) };
  } catch (err) {
    if (err instanceof FieldError) return { ok: false, externalId, raw, reason: err.message };
    const issues = (err as { issues?: z.core.$ZodIssue[] }).issues;
    const reason = issues ? issues.map((i) => `${pathText(i.path)}: ${i.message}`).join('; ') : String(err);
    return { ok: false, externalId, raw, reason: `does not fit the canonical order: ${reason}` };
  }
}
