import {
  displayFulfillmentStatus,
  type FakeFulfillment,
  type FakeFulfillmentOrder,
  type FakeLineItem,
  type FakeOrder,
  fulfilledQuantity,
  type ShopifyState,
} from './store.js';

/**
 * State → objects shaped like the Admin schema's types. graphql-js executes the connector's real
 * document over them: a plain property answers a field, a function answers a field with arguments.
 * Only fields the connector (or a test) may select are present; selecting any other non-null field
 * fails loudly, which is what we want from a fake.
 */

type Args = Record<string, unknown>;

export function moneyBag(amount: string, currencyCode: string) {
  const money = { amount, currencyCode };
  return { shopMoney: money, presentmentMoney: money };
}

const encodeCursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/** A Relay connection over an already sorted list; `keyOf` gives each item's opaque cursor. */
export function connection<T>(
  items: T[],
  args: Args,
  keyOf: (item: T, index: number) => unknown = (_, i) => i,
) {
  const first = typeof args.first === 'number' ? args.first : items.length;
  const start =
    typeof args.after === 'string'
      ? items.findIndex(
          (item, i) => JSON.stringify(keyOf(item, i)) === JSON.stringify(decodeCursor(args.after as string)),
        ) + 1
      : 0;
  const page = items.slice(start, start + first);
  const edges = page.map((node, i) => ({ node, cursor: encodeCursor(keyOf(node, start + i)) }));
  return {
    nodes: page,
    edges,
    pageInfo: {
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function lineView(order: FakeOrder, line: FakeLineItem) {
  const fulfilled = fulfilledQuantity(order, line.id);
  return {
    id: line.id,
    sku: line.sku,
    name: line.name,
    title: line.name,
    quantity: line.quantity,
    currentQuantity: line.currentQuantity,
    unfulfilledQuantity: Math.max(0, line.currentQuantity - fulfilled),
    originalUnitPriceSet: moneyBag(line.unitPrice, order.currency),
  };
}

function fulfillmentView(f: FakeFulfillment) {
  return {
    id: f.id,
    status: f.status,
    createdAt: f.createdAt,
    trackingInfo: (args: Args) =>
      f.tracking.slice(0, typeof args.first === 'number' ? args.first : undefined),
  };
}

function fulfillmentOrderView(order: FakeOrder, fo: FakeFulfillmentOrder) {
  return {
    id: fo.id,
    status: fo.status,
    lineItems: (args: Args) =>
      connection(
        fo.lineItems.map((li) => ({
          id: li.id,
          remainingQuantity: li.remainingQuantity,
          totalQuantity: li.totalQuantity,
          lineItem: lineView(order, order.lineItems.find((l) => l.id === li.lineItemId) as FakeLineItem),
        })),
        args,
      ),
  };
}

export function orderView(order: FakeOrder) {
  const address = order.shippingAddress;
  return {
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    cancelledAt: order.cancelledAt,
    closed: order.closed,
    email: order.email,
    phone: order.phone,
    currencyCode: order.currency,
    displayFulfillmentStatus: displayFulfillmentStatus(order),
    displayFinancialStatus: order.financialStatus,
    totalPriceSet: moneyBag(order.totalPrice, order.currency),
    totalShippingPriceSet: moneyBag(order.shippingLine?.price ?? '0.0', order.currency),
    shippingLine: order.shippingLine
      ? { code: order.shippingLine.code, title: order.shippingLine.title }
      : null,
    customer: address ? { firstName: address.firstName, lastName: address.lastName } : null,
    shippingAddress: address ? { ...address, name: `${address.firstName} ${address.lastName}` } : null,
    lineItems: (args: Args) =>
      connection(
        order.lineItems.map((l) => lineView(order, l)),
        args,
      ),
    fulfillments: (args: Args) =>
      order.fulfillments
        .slice(0, typeof args.first === 'number' ? args.first : undefined)
        .map(fulfillmentView),
    fulfillmentOrders: (args: Args) =>
      connection(
        order.fulfillmentOrders.map((fo) => fulfillmentOrderView(order, fo)),
        args,
      ),
  };
}

export function calculatedOrderView(state: ShopifyState, edit: { id: string; orderId: string }) {
  const order = state.orders.get(edit.orderId) as FakeOrder;
  const staged = state.edits.get(edit.id)?.staged;
  return {
    id: edit.id,
    lineItems: (args: Args) =>
      connection(
        order.lineItems.map((l) => calculatedLineView(l, staged?.get(l.id)?.quantity ?? l.currentQuantity)),
        args,
      ),
  };
}

export function calculatedLineView(line: FakeLineItem, quantity: number) {
  const tail = line.id.slice(line.id.lastIndexOf('/') + 1);
  return { id: `gid://shopify/CalculatedLineItem/${tail}`, quantity, sku: line.sku, title: line.name };
}
