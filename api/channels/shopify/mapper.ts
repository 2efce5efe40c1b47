import type { z } from 'zod';
import { CanonicalOrder, type CanonicalOrderStatus, type PulledOrder } from '../canonical.js';
import { describeIssue, pathText } from '../describe-issue.js';
import { parseDecimalToMinor } from '../money.js';
import { peekOrder, type ShopifyLineItem, ShopifyOrder } from './wire.js';

/**
 * Admin GraphQL Order → PulledOrder. Shopify has no acceptance step and no ship-by date. What the order
 * still needs is read from `displayFulfillmentStatus`, whether it may ship from `displayFinancialStatus`
 * (an order still PENDING payment is not shipped), and `cancelledAt` wins over both.
 */

/** Fulfilment states in which units are still to ship. */
const OPEN_FULFILMENT = new Set([
  'UNFULFILLED',
  'PARTIALLY_FULFILLED',
  'PENDING_FULFILLMENT',
  'OPEN',
  'IN_PROGRESS',
  'ON_HOLD',
  'SCHEDULED',
  'REQUEST_DECLINED',
]);
const UNPAID = new Set(['PENDING', 'EXPIRED', 'VOIDED']);

export function mapShopifyStatus(order: {
  cancelledAt?: string | null;
  closed: boolean;
  displayFulfillmentStatus: string;
  displayFinancialStatus?: string | null;
}): CanonicalOrderStatus | null {
  if (order.cancelledAt) return 'cancelled';
  if (order.displayFulfillmentStatus === 'FULFILLED') return 'shipped';
  // RESTOCKED: every unit was removed and put back; nothing is left to ship.
  if (order.displayFulfillmentStatus === 'RESTOCKED') return 'cancelled';
  if (!OPEN_FULFILMENT.has(order.displayFulfillmentStatus)) return null;
  if (order.closed) return 'closed';
  if (UNPAID.has(order.displayFinancialStatus ?? '')) return 'awaiting_payment';
  return 'to_ship';
}

class FieldError extends Error {}

function money(value: string, currency: string, field: string): number {
  try {
    return parseDecimalToMinor(value, currency);
  } catch (err) {
    throw new FieldError(`${field} is not a valid amount: ${(err as Error).message}`);
  }
}

function lineStatus(line: ShopifyLineItem): string {
  if (line.currentQuantity === 0) return 'removed';
  return line.unfulfilledQuantity === 0 ? 'fulfilled' : 'unfulfilled';
}

function toCanonical(order: ShopifyOrder): CanonicalOrder {
  const status = mapShopifyStatus(order);
  if (!status) {
    throw new FieldError(
      `displayFulfillmentStatus "${order.displayFulfillmentStatus}" is not a known Shopify state`,
    );
  }
  const currency = order.totalPriceSet.shopMoney.currencyCode.toUpperCase();
  const address = order.shippingAddress;
  const recipient = address.name || [address.firstName, address.lastName].filter(Boolean).join(' ') || '';
  const buyer = [order.customer?.firstName, order.customer?.lastName].filter(Boolean).join(' ');
  // An order edit lowers currentQuantity (to 0 for a removed line): the difference is cancelled.
  const lines = order.lineItems.nodes;
  return CanonicalOrder.parse({
    externalId: order.id,
    status,
    channelStatus: order.cancelledAt
      ? 'CANCELLED'
      : `${order.displayFulfillmentStatus}/${order.displayFinancialStatus ?? 'UNKNOWN'}`,
    placedAt: new Date(order.createdAt).toISOString(),
    updatedAt: new Date(order.updatedAt).toISOString(),
    shipBy: null,
    currency,
    totalMinor: money(order.totalPriceSet.shopMoney.amount, currency, 'totalPriceSet'),
    shippingMinor: money(order.totalShippingPriceSet.shopMoney.amount, currency, 'totalShippingPriceSet'),
    serviceLevel: order.shippingLine?.code || order.shippingLine?.title || null,
    buyer: { name: buyer || recipient, email: order.email ?? null, phone: order.phone ?? null },
    shippingAddress: {
      name: recipient,
      company: address.company || null,
      line1: address.address1,
      line2: address.address2 || null,
      postalCode: address.zip,
      city: address.city,
      countryCode: address.countryCodeV2.toUpperCase(),
      phone: address.phone || null,
    },
    lines: lines.map((line) => ({
      externalLineId: line.id,
      sku: line.sku,
      title: line.name ?? '',
      quantity: line.quantity,
      quantityCancelled: Math.max(0, line.quantity - line.currentQuantity),
      unitPriceMinor: money(
        line.originalUnitPriceSet.shopMoney.amount,
        currency,
        `lineItems[${lines.indexOf(line)}].originalUnitPriceSet`,
      ),
      channelStatus: lineStatus(line),
    })),
  });
}

export function mapShopifyOrder(raw: unknown): PulledOrder {
  const externalId = peekOrder(raw).id;
  const parsed = ShopifyOrder.safeParse(raw);
  if (!parsed.success) {
    const reasons = parsed.error.issues
      .map((issue) => describeIssue(issue))
      .map((r) => r.replace('lineItems.nodes', 'lineItems'));
    return { ok: false, externalId, raw, reason: [...new Set(reasons)].join('; ') };
  }
  try {
    return { ok: true, externalId: parsed.data.id, raw, order: toCanonical(parsed.data) };
  } catch (err) {
    if (err instanceof FieldError) return { ok: false, externalId, raw, reason: err.message };
    const issues = (err as { issues?: z.core.$ZodIssue[] }).issues;
    const reason = issues ? issues.map((i) => `${pathText(i.path)}: ${i.message}`).join('; ') : String(err);
    return { ok: false, externalId, raw, reason: `does not fit the canonical order: ${reason}` };
  }
}
