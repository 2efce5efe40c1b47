import {
  CanonicalOrder,
  type CanonicalOrderLine,
  type CanonicalOrderStatus,
  type PulledOrder,
} from '../canonical.js';
import { MoneyParseError, parseDecimalToMinor } from '../money.js';
import { type AmazonMoney, AmazonOrder, AmazonOrderItem } from './wire.js';

/**
 * Orders v0 order + its items → `PulledOrder`. `Pending` is "placed, payment not authorised": it holds
 * stock but is not released for picking (awaiting_payment). Only seller-fulfilled (MFN) orders reach
 * here; the pull filters on the fulfilment channel.
 */
export function mapAmazonStatus(status: string): CanonicalOrderStatus | null {
  switch (status) {
    case 'Pending':
    case 'PendingAvailability':
      return 'awaiting_payment';
    case 'Unshipped':
    case 'PartiallyShipped':
      return 'to_ship';
    case 'Shipped':
    case 'InvoiceUnconfirmed':
      return 'shipped';
    case 'Canceled':
    case 'Unfulfillable':
      return 'cancelled';
    default:
      return null;
  }
}

export const SHIPPED_STATUSES = new Set(['Shipped', 'InvoiceUnconfirmed']);

class Malformed extends Error {}

function minor(money: AmazonMoney | undefined, currency: string, field: string): number {
  if (!money?.Amount) return 0;
  if (money.CurrencyCode && money.CurrencyCode !== currency) {
    throw new Malformed(`${field} is in ${money.CurrencyCode}, the order is in ${currency}`);
  }
  try {
    return parseDecimalToMinor(money.Amount, currency, { allowNegative: false });
  } catch (err) {
    if (err instanceof MoneyParseError) throw new Malformed(`${field}: ${err.message}`);
    throw err;
  }
}

function mapLine(raw: unknown, index: number, currency: string): CanonicalOrderLine | null {
  const parsed = AmazonOrderItem.safeParse(raw);
  if (!parsed.success) throw new Malformed(`OrderItems[${index}] lacks ASIN, OrderItemId or QuantityOrdered`);
  const item = parsed.data;
  // A line the seller or buyer cancelled while the order goes on comes back with QuantityOrdered 0, and
  // a partly cancelled one with QuantityOrdered lowered: the line is left out or listed with what is
  // left, and ingest cancels what it no longer finds (see CanonicalOrderLine).
  if (item.QuantityOrdered === 0) return null;
  if (!Number.isInteger(item.QuantityOrdered) || item.QuantityOrdered < 0) {
    throw new Malformed(
      `OrderItems[${index}].QuantityOrdered must be a positive integer (got ${item.QuantityOrdered})`,
    );
  }
  if (!item.SellerSKU) throw new Malformed(`OrderItems[${index}].SellerSKU is missing`);
  // ItemPrice is the line total (unit price × quantity); canonical lines hold unit prices.
  const lineTotal = minor(item.ItemPrice, currency, `OrderItems[${index}].ItemPrice`);
  const shipping =
    minor(item.ShippingPrice, currency, `OrderItems[${index}].ShippingPrice`) -
    minor(item.ShippingDiscount, currency, `OrderItems[${index}].ShippingDiscount`);
  return {
    externalLineId: item.OrderItemId,
    sku: item.SellerSKU,
    title: item.Title ?? '',
    quantity: item.QuantityOrdered,
    quantityCancelled: 0,
    unitPriceMinor: Math.round(lineTotal / item.QuantityOrdered),
    shippingPriceMinor: Math.max(0, shipping),
    channelStatus: (item.QuantityShipped ?? 0) > 0 ? `shipped ${item.QuantityShipped}` : null,
  };
}

/**
 * `fallbackCurrency` is the marketplace's currency: a Pending order carries no OrderTotal yet.
 * Returns null for an order that cannot be taken in yet and will come back (see connector).
 */
export function mapAmazonOrder(
  rawOrder: unknown,
  rawItems: unknown[],
  fallbackCurrency: string,
): PulledOrder {
  const id = (rawOrder as { AmazonOrderId?: unknown })?.AmazonOrderId;
  const externalId = typeof id === 'string' && id !== '' ? id : null;
  const raw = { order: rawOrder, items: rawItems };
  try {
    const parsed = AmazonOrder.safeParse(rawOrder);
    if (!parsed.success)
      throw new Malformed('the order lacks AmazonOrderId, PurchaseDate, LastUpdateDate or OrderStatus');
    const order = parsed.data;
    const status = mapAmazonStatus(order.OrderStatus);
    if (!status) throw new Malformed(`OrderStatus "${order.OrderStatus}" is not one Orders v0 documents`);
    const currency = order.OrderTotal?.CurrencyCode ?? fallbackCurrency;
    const lines = rawItems.map((item, i) => mapLine(item, i, currency)).filter((l) => l !== null);
    if (lines.length === 0) throw new Malformed('no order item has a quantity left (all cancelled)');
    const address = order.ShippingAddress;
    if (
      !address?.Name ||
      !address.AddressLine1 ||
      !address.PostalCode ||
      !address.City ||
      !address.CountryCode
    ) {
      throw new Malformed('ShippingAddress lacks Name, AddressLine1, PostalCode, City or CountryCode');
    }
    const line2 = [address.AddressLine2, address.AddressLine3].filter(Boolean).join(', ');
    const candidate = {
      externalId: order.AmazonOrderId,
      status,
      channelStatus: order.OrderStatus,
      placedAt: order.PurchaseDate,
      updatedAt: order.LastUpdateDate,
      shipBy: order.LatestShipDate ?? null,
      currency,
      totalMinor: minor(order.OrderTotal, currency, 'OrderTotal'),
      shippingMinor: lines.reduce((sum, l) => sum + l.shippingPriceMinor, 0),
      serviceLevel: order.ShipServiceLevel ?? null,
      buyer: {
        name: order.BuyerInfo?.BuyerName ?? address.Name,
        email: order.BuyerInfo?.BuyerEmail ?? null,
        phone: address.Phone ?? null,
      },
      shippingAddress: {
        name: address.Name,
        company: address.CompanyName ?? null,
        line1: address.AddressLine1,
        line2: line2 === '' ? null : line2,
        postalCode: address.PostalCode,
        city: address.City,
        countryCode: address.CountryCode.toUpperCase(),
        phone: address.Phone ?? null,
      },
      lines,
    };
    const checked = CanonicalOrder.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new Malformed(`${issue?.path.join('.') ?? 'order'}: ${issue?.message ?? 'invalid'}`);
    }
    return { ok: true, externalId: order.AmazonOrderId, raw, order: checked.data };
  } catch (err) {
    if (err instanceof Malformed) return { ok: false, externalId, raw, reason: err.message };
    throw err;
  }
}

/** Amazon marketplace id → currency, for orders that carry no amount yet. */
export const MARKETPLACE_CURRENCY: Readonly<Record<string, string>> = {
  A13V1IB3VIYZZH: 'EUR', // France
  A1PA6795UKMFR9: 'EUR', // Germany
  APJ6JRA9NG5V4: 'EUR', // Italy
  A1RKKUPIHCS9HS: 'EUR', // Spain
  A1805IZSGTT6HS: 'EUR', // Netherlands
  AMEN7PMS3EDWL: 'EUR', // Belgium
  A1F83G8C2ARO7P: 'GBP', // United Kingdom
  A1C3SOZRARQ6R3: 'PLN', // Poland
  A2NODRKZP88ZB9: 'SEK', // Sweden
  ATVPDKIKX0DER: 'USD', // United States
  A2EUQ1WTGCTBG2: 'CAD', // Canada
};
