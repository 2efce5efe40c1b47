import type { z } from 'zod';
import { CanonicalOrder, type CanonicalOrderStatus, type PulledOrder } from '../canonical.js';
import { describeIssue, pathText } from '../describe-issue.js';
import { parseDecimalToMinor } from '../money.js';
import { CdiscountOrder, peekOrder } from './wire.js';

/**
 * Octopia order JSON → PulledOrder. A field we cannot fill without guessing parks the order with a
 * reason naming the field.
 */
const STATES: Readonly<Record<string, CanonicalOrderStatus>> = {
  // Still under Octopia's own checks: visible, never shippable.
  Processing: 'awaiting_payment',
  WaitingAcceptance: 'awaiting_acceptance',
  // "Awaiting final marketplace controls" after the seller accepted.
  Accepted: 'awaiting_payment',
  InPreparation: 'to_ship',
  Shipped: 'shipped',
  Delivered: 'delivered',
  Refused: 'refused',
  Rejected: 'cancelled',
  Cancelled: 'cancelled',
};

export function mapCdiscountState(state: string): CanonicalOrderStatus | null {
  return STATES[state] ?? null;
}

const CANCELLED_LINE_STATES: ReadonlySet<string> = new Set(['Cancelled', 'Refused', 'Rejected']);

export const SHIPPED_STATES: ReadonlySet<string> = new Set(['Shipped', 'Delivered']);

class FieldError extends Error {}

function money(value: string | number, currency: string, field: string): number {
  try {
    return parseDecimalToMinor(value, currency);
  } catch (err) {
    throw new FieldError(`${field} is not a valid amount: ${(err as Error).message}`);
  }
}

function iso(value: string, field: string): string {
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw new FieldError(`${field} is not a date (got ${JSON.stringify(value)})`);
  return new Date(at).toISOString();
}

const joinName = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');

function toCanonical(order: CdiscountOrder): CanonicalOrder {
  const status = mapCdiscountState(order.status);
  if (!status) throw new FieldError(`status "${order.status}" is not a known Octopia order status`);
  const currency = order.currencyCode.toUpperCase();
  const address = order.shippingAddress;
  const recipient = joinName(address.firstName, address.lastName);
  const buyer = joinName(order.customer?.firstName, order.customer?.lastName) || recipient;
  return CanonicalOrder.parse({
    externalId: order.orderId,
    status,
    channelStatus: order.status,
    placedAt: iso(order.purchasedAt ?? order.createdAt, order.purchasedAt ? 'purchasedAt' : 'createdAt'),
    updatedAt: iso(order.updatedAt, 'updatedAt'),
    shipBy: order.shippedAtMax ? iso(order.shippedAtMax, 'shippedAtMax') : null,
    currency,
    totalMinor: money(order.totalPrice, currency, 'totalPrice'),
    shippingMinor: money(order.totalShippingPrice, currency, 'totalShippingPrice'),
    serviceLevel: order.deliveryMode?.code ?? null,
    buyer: { name: buyer, email: order.customer?.email ?? null, phone: order.customer?.phone ?? null },
    shippingAddress: {
      name: recipient,
      company: address.companyName || null,
      line1: address.addressLine1,
      line2: address.addressLine2 || null,
      postalCode: address.zipCode,
      city: address.city,
      countryCode: address.countryCode.toUpperCase(),
      phone: address.phone || null,
    },
    lines: order.lines.map((line, i) => ({
      externalLineId: line.lineId,
      sku: line.offer.sellerExternalReference,
      title: line.product?.title ?? '',
      quantity: line.quantity,
      // A line cancelled through a cancellation request, or refused at approval, ships nothing.
      quantityCancelled: CANCELLED_LINE_STATES.has(line.status) ? line.quantity : 0,
      unitPriceMinor: money(line.unitSalesPrice, currency, `lines[${i}].unitSalesPrice`),
      shippingPriceMinor:
        line.shippingPrice == null ? 0 : money(line.shippingPrice, currency, `lines[${i}].shippingPrice`),
      channelStatus: line.status,
    })),
  });
}

export function mapCdiscountOrder(raw: unknown): PulledOrder {
  const externalId = peekOrder(raw).orderId;
  const parsed = CdiscountOrder.safeParse(raw);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => describeIssue(issue, raw));
    return { ok: false, externalId, raw, reason: [...new Set(reasons)].join('; ') };
  }
  try {
    return { ok: true, externalId: parsed.data.orderId, raw, order: toCanonical(parsed.data) };
  } catch (err) {
    if (err instanceof FieldError) return { ok: false, externalId, raw, reason: err.message };
    const issues = (err as { issues?: z.core.$ZodIssue[] }).issues;
    const reason = issues ? issues.map((i) => `${pathText(i.path)}: ${i.message}`).join('; ') : String(err);
    return { ok: false, externalId, raw, reason: `does not fit the canonical order: ${reason}` };
  }
}
