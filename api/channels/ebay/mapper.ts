import {
  CanonicalOrder,
  type CanonicalOrderLine,
  type CanonicalOrderStatus,
  type PulledOrder,
} from '../canonical.js';
import { MoneyParseError, parseDecimalToMinor } from '../money.js';
import { type EbayAmount, EbayLineItem, EbayOrder } from './wire.js';

/**
 * Sell Fulfillment `Order` → `PulledOrder`. eBay has no single order state: it is read from the
 * cancellation state, the payment status and the fulfilment status, in that order of precedence.
 */
export function mapEbayStatus(
  order: Pick<EbayOrder, 'orderFulfillmentStatus' | 'orderPaymentStatus' | 'cancelStatus'>,
): CanonicalOrderStatus {
  if (order.cancelStatus?.cancelState === 'CANCELED') return 'cancelled';
  if (order.orderFulfillmentStatus === 'FULFILLED') return 'shipped';
  if (order.orderPaymentStatus === 'FULLY_REFUNDED') return 'cancelled';
  if (order.orderPaymentStatus === 'PENDING' || order.orderPaymentStatus === 'FAILED')
    return 'awaiting_payment';
  return 'to_ship';
}

export const channelStatusOf = (
  o: Pick<EbayOrder, 'orderFulfillmentStatus' | 'orderPaymentStatus' | 'cancelStatus'>,
) =>
  [o.orderFulfillmentStatus, o.orderPaymentStatus, o.cancelStatus?.cancelState ?? 'NONE_REQUESTED'].join('/');

class Malformed extends Error {}

export function amountMinor(amount: EbayAmount | undefined, currency: string, field: string): number {
  if (!amount?.value) return 0;
  if (amount.currency && amount.currency !== currency)
    throw new Malformed(`${field} is in ${amount.currency}, the order in ${currency}`);
  try {
    return parseDecimalToMinor(amount.value, currency);
  } catch (err) {
    if (err instanceof MoneyParseError) throw new Malformed(`${field}: ${err.message}`);
    throw err;
  }
}

/** A line whose refunds cover its cost before anything shipped was cancelled through a refund. */
export function isCancelledLine(item: EbayLineItem, currency: string): boolean {
  if (item.lineItemFulfillmentStatus === 'FULFILLED') return false;
  const refunded = (item.refunds ?? []).reduce(
    (s, r, i) => s + amountMinor(r.amount, currency, `refunds[${i}]`),
    0,
  );
  const cost = amountMinor(item.lineItemCost, currency, 'lineItemCost');
  return cost > 0 && refunded >= cost;
}

function mapLine(raw: unknown, i: number, currency: string): CanonicalOrderLine {
  const parsed = EbayLineItem.safeParse(raw);
  if (!parsed.success) throw new Malformed(`lineItems[${i}] lacks lineItemId or quantity`);
  const item = parsed.data;
  if (!Number.isInteger(item.quantity) || item.quantity <= 0) {
    throw new Malformed(`lineItems[${i}].quantity must be a positive integer (got ${item.quantity})`);
  }
  if (!item.sku) throw new Malformed(`lineItems[${i}].sku is missing`);
  // lineItemCost is price × quantity; canonical lines hold the unit price.
  const cost = amountMinor(item.lineItemCost, currency, `lineItems[${i}].lineItemCost`);
  return {
    externalLineId: item.lineItemId,
    sku: item.sku,
    title: item.title ?? '',
    quantity: item.quantity,
    // Refunded in full before shipping: eBay's way of cancelling one line of an order that goes on.
    quantityCancelled: isCancelledLine(item, currency) ? item.quantity : 0,
    unitPriceMinor: Math.round(cost / item.quantity),
    shippingPriceMinor: amountMinor(
      item.deliveryCost?.shippingCost,
      currency,
      `lineItems[${i}].deliveryCost`,
    ),
    channelStatus: item.lineItemFulfillmentStatus ?? null,
  };
}

export function mapEbayOrder(raw: unknown): PulledOrder {
  const id = (raw as { orderId?: unknown })?.orderId;
  const externalId = typeof id === 'string' && id !== '' ? id : null;
  try {
    const parsed = EbayOrder.safeParse(raw);
    if (!parsed.success) throw new Malformed('the order lacks orderId, dates, statuses or lineItems');
    const order = parsed.data;
    const currency = order.pricingSummary?.total?.currency;
    if (!currency) throw new Malformed('pricingSummary.total.currency is missing');
    const items = order.lineItems.map((l) => EbayLineItem.safeParse(l).data).filter((l) => l !== undefined);
    const lines = order.lineItems.map((l, i) => mapLine(l, i, currency));
    if (lines.length === 0) throw new Malformed('the order has no line item');
    const shipTo = order.fulfillmentStartInstructions?.[0]?.shippingStep?.shipTo;
    const address = shipTo?.contactAddress;
    if (
      !shipTo?.fullName ||
      !address?.addressLine1 ||
      !address.postalCode ||
      !address.city ||
      !address.countryCode
    ) {
      throw new Malformed(
        'fulfillmentStartInstructions[0].shippingStep.shipTo lacks fullName, addressLine1, postalCode, city or countryCode',
      );
    }
    // The order must leave by the earliest of its lines' ship-by dates.
    const shipBys = items
      .map((l) => l.lineItemFulfillmentInstructions?.shipByDate)
      .filter((d): d is string => Boolean(d));
    const shipBy = shipBys.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
    const candidate = {
      externalId: order.orderId,
      status: mapEbayStatus(order),
      channelStatus: channelStatusOf(order),
      placedAt: order.creationDate,
      updatedAt: order.lastModifiedDate,
      shipBy,
      currency,
      totalMinor: amountMinor(order.pricingSummary?.total, currency, 'pricingSummary.total'),
      shippingMinor: amountMinor(order.pricingSummary?.deliveryCost, currency, 'pricingSummary.deliveryCost'),
      serviceLevel: order.fulfillmentStartInstructions?.[0]?.shippingStep?.shippingServiceCode ?? null,
      buyer: {
        name: shipTo.fullName,
        email: shipTo.email ?? null,
        phone: shipTo.primaryPhone?.phoneNumber ?? null,
      },
      shippingAddress: {
        name: shipTo.fullName,
        company: shipTo.companyName ?? null,
        line1: address.addressLine1,
        line2: address.addressLine2 ?? null,
        postalCode: address.postalCode,
        city: address.city,
        countryCode: address.countryCode.toUpperCase(),
        phone: shipTo.primaryPhone?.phoneNumber ?? null,
      },
      lines,
    };
    const checked = CanonicalOrder.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new Malformed(`${issue?.path.join('.') ?? 'order'}: ${issue?.message ?? 'invalid'}`);
    }
    return { ok: true, externalId: order.orderId, raw, order: checked.data };
  } catch (err) {
    if (err instanceof Malformed) return { ok: false, externalId, raw, reason: err.message };
    throw err;
  }
}
