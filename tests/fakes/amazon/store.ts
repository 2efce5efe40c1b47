import { amazonDate, decimal, type FakeAmazonOrder } from './order-factory.js';

/**
 * The fake's marketplace state and the rules it enforces, apart from HTTP. Errors carry the status and
 * the `{ code, message }` Amazon answers with.
 */
export class AmazonFakeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface AmazonState {
  orders: Map<string, FakeAmazonOrder>;
  /** Listings quantity by SKU (fulfillment_availability, DEFAULT channel). */
  listings: Map<string, number>;
  feedDocuments: Map<string, { contentType: string; content: string | null }>;
  feeds: { feedId: string; feedType: string; documentId: string; processingStatus: string }[];
  /** NextToken → the ids of the query it continues (Amazon keeps the first call's filters). */
  pageTokens: Map<string, { ids: string[]; offset: number }>;
}

export const createAmazonState = (): AmazonState => ({
  orders: new Map(),
  listings: new Map(),
  feedDocuments: new Map(),
  feeds: [],
  pageTokens: new Map(),
});

export function findOrder(state: AmazonState, id: string): FakeAmazonOrder {
  const order = state.orders.get(id);
  if (!order) throw new AmazonFakeError(404, 'NotFound', `Order ${id} was not found`);
  return order;
}

/** Keeps the order-level counters and total in line with its items after a change. */
export function recompute(order: FakeAmazonOrder, now: Date): void {
  const live = order.items.filter((i) => i.QuantityOrdered > 0);
  const shipped = order.items.reduce((s, i) => s + i.QuantityShipped, 0);
  const unshipped = live.reduce((s, i) => s + i.QuantityOrdered - i.QuantityShipped, 0);
  order.order.NumberOfItemsShipped = shipped;
  order.order.NumberOfItemsUnshipped = unshipped;
  if (order.order.OrderStatus !== 'Canceled' && order.order.OrderStatus !== 'Pending') {
    order.order.OrderStatus = unshipped === 0 ? 'Shipped' : shipped > 0 ? 'PartiallyShipped' : 'Unshipped';
  }
  const cents = (m: { Amount: string }) => Math.round(Number(m.Amount.replace('.', '')));
  const total = order.items.reduce((s, i) => s + cents(i.ItemPrice) + cents(i.ShippingPrice), 0);
  order.order.OrderTotal = { CurrencyCode: order.order.OrderTotal.CurrencyCode, Amount: decimal(total) };
  order.order.LastUpdateDate = amazonDate(now);
}

export interface PackageInput {
  packageReferenceId: string;
  carrierCode: string;
  trackingNumber: string;
  orderItems: { orderItemId: string; quantity: number }[];
}

/**
 * confirmShipment. A package is keyed by packageReferenceId within the order: the same package sent
 * again is a no-op, a different package under a used id is refused. Quantities cannot exceed what is
 * still unshipped, so a second parcel of the same units is refused too.
 */
export function confirmPackage(
  state: AmazonState,
  orderId: string,
  marketplaceId: string,
  input: PackageInput,
  now: Date,
): void {
  const order = findOrder(state, orderId);
  if (order.order.MarketplaceId !== marketplaceId) {
    throw new AmazonFakeError(400, 'InvalidInput', `Order ${orderId} is not in marketplace ${marketplaceId}`);
  }
  if (!/^[1-9]\d*$/.test(input.packageReferenceId)) {
    throw new AmazonFakeError(400, 'InvalidInput', 'packageReferenceId must be a positive number');
  }
  const existing = order.packages.get(input.packageReferenceId);
  if (existing) {
    const same =
      existing.trackingNumber === input.trackingNumber &&
      JSON.stringify(existing.items) === JSON.stringify(input.orderItems);
    if (same) return;
    throw new AmazonFakeError(
      400,
      'InvalidInput',
      `packageReferenceId ${input.packageReferenceId} is already used in order ${orderId}`,
    );
  }
  if (!['Unshipped', 'PartiallyShipped'].includes(order.order.OrderStatus)) {
    throw new AmazonFakeError(
      400,
      'InvalidInput',
      `Order ${orderId} is ${order.order.OrderStatus} and cannot be shipped`,
    );
  }
  for (const line of input.orderItems) {
    const item = order.items.find((i) => i.OrderItemId === line.orderItemId);
    if (!item)
      throw new AmazonFakeError(
        400,
        'InvalidInput',
        `Order item ${line.orderItemId} is not in order ${orderId}`,
      );
    const open = item.QuantityOrdered - item.QuantityShipped;
    if (line.quantity < 1 || line.quantity > open) {
      throw new AmazonFakeError(
        400,
        'InvalidInput',
        `Order item ${line.orderItemId} has ${open} unit(s) left to ship, got ${line.quantity}`,
      );
    }
  }
  for (const line of input.orderItems) {
    const item = order.items.find((i) => i.OrderItemId === line.orderItemId);
    if (item) item.QuantityShipped += line.quantity;
  }
  order.packages.set(input.packageReferenceId, {
    carrierCode: input.carrierCode,
    trackingNumber: input.trackingNumber,
    items: input.orderItems,
  });
  recompute(order, now);
}

const CANCEL_REASONS = new Set([
  'NoInventory',
  'ShippingAddressUndeliverable',
  'CustomerExchange',
  'BuyerCanceled',
  'GeneralAdjustment',
  'CarrierCreditDecision',
  'RiskAssessmentInformationNotValid',
  'CarrierCoverageFailure',
  'CustomerReturn',
  'MerchandiseNotReceived',
]);

const tag = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1] ?? '');

/** Checks an order acknowledgement feed against the OrderAcknowledgement.xsd rules we rely on. */
export function parseAcknowledgement(xml: string): {
  errors: string[];
  orders: { orderId: string; items: string[] }[];
} {
  const errors: string[] = [];
  if (!xml.startsWith('<?xml')) errors.push('the feed is not an XML document');
  if (tag(xml, 'MessageType')[0] !== 'OrderAcknowledgement')
    errors.push('MessageType must be OrderAcknowledgement');
  if (tag(xml, 'MerchantIdentifier').length !== 1) errors.push('Header/MerchantIdentifier is required');
  const orders = [...xml.matchAll(/<OrderAcknowledgement>([\s\S]*?)<\/OrderAcknowledgement>/g)].map((m) => {
    const body = m[1] ?? '';
    if (!['Success', 'Failure'].includes(tag(body, 'StatusCode')[0] ?? ''))
      errors.push('StatusCode must be Success or Failure');
    for (const reason of tag(body, 'CancelReason'))
      if (!CANCEL_REASONS.has(reason)) errors.push(`CancelReason ${reason} is not valid`);
    return { orderId: tag(body, 'AmazonOrderID')[0] ?? '', items: tag(body, 'AmazonOrderItemCode') };
  });
  if (orders.length === 0) errors.push('no OrderAcknowledgement message');
  return { errors, orders };
}

/** Seller cancellation: whole items. Cancelling every item cancels the order (quantities are kept). */
export function cancelItems(state: AmazonState, orderId: string, itemIds: string[], now: Date): void {
  const order = state.orders.get(orderId);
  if (!order || order.order.OrderStatus === 'Canceled') return;
  const targets = order.items.filter((i) => itemIds.includes(i.OrderItemId) && i.QuantityShipped === 0);
  const remaining = order.items.filter((i) => i.QuantityOrdered > 0 && !targets.includes(i));
  if (remaining.length === 0) {
    order.order.OrderStatus = 'Canceled';
  } else {
    for (const item of targets) {
      item.QuantityOrdered = 0;
      item.ItemPrice = { CurrencyCode: item.ItemPrice.CurrencyCode, Amount: '0.00' };
      item.ShippingPrice = { CurrencyCode: item.ShippingPrice.CurrencyCode, Amount: '0.00' };
    }
  }
  recompute(order, now);
}
