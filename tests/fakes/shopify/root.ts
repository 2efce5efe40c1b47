import {
  type FulfillmentInput,
  fulfillmentCreate,
  inventorySetQuantities,
  orderEditBegin,
  orderEditCommit,
  orderEditSetQuantity,
} from './mutations.js';
import { FakeGraphqlError, type FakeOrder, levelKey, type ShopifyState } from './store.js';
import { calculatedLineView, calculatedOrderView, connection, decodeCursor, orderView } from './views.js';

/**
 * The root value graphql-js executes against: one function per root field the connector uses. Search
 * strings are parsed strictly; a term the fake does not understand is an error rather than silently
 * ignored (Shopify ignores it), so a typo in our query cannot pass the tests.
 */

type Args = Record<string, unknown>;

function parseOrderSearch(query: string): (order: FakeOrder) => boolean {
  const tests: ((order: FakeOrder) => boolean)[] = [];
  for (const term of query
    .trim()
    .split(/\s+(?:AND\s+)?/)
    .filter(Boolean)) {
    const match = /^updated_at:(>=|<=|>|<)'?([^']+)'?$/.exec(term);
    const at = match?.[2] ? Date.parse(match[2]) : Number.NaN;
    if (!match || Number.isNaN(at))
      throw new FakeGraphqlError(`The fake does not understand the order search term "${term}"`);
    const op = match[1];
    tests.push((o) => {
      const t = Date.parse(o.updatedAt);
      return op === '>=' ? t >= at : op === '>' ? t > at : op === '<=' ? t <= at : t < at;
    });
  }
  return (order) => tests.every((t) => t(order));
}

function parseSkuSearch(query: string): string[] {
  return query.split(/\s+OR\s+/).map((term) => {
    const match = /^sku:(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))$/.exec(term.trim());
    if (!match) throw new FakeGraphqlError(`The fake does not understand the variant search term "${term}"`);
    return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] as string);
  });
}

const numericId = (id: string) => Number(id.slice(id.lastIndexOf('/') + 1));

function checkFirst(args: Args) {
  const first = args.first;
  if (typeof first !== 'number' && typeof args.last !== 'number')
    throw new FakeGraphqlError('you must provide one of first or last');
  if (typeof first === 'number' && (first < 0 || first > 250))
    throw new FakeGraphqlError('The first argument must be between 0 and 250');
}

export function createRoot(state: ShopifyState, now: () => string) {
  return {
    shop: () => state.shop,
    locations: (args: Args) => {
      checkFirst(args);
      return connection(
        state.locations.filter((l) => l.isActive),
        args,
      );
    },
    order: (args: Args) => {
      const order = state.orders.get(String(args.id));
      return order ? orderView(order) : null;
    },
    orders: (args: Args) => {
      checkFirst(args);
      if (args.sortKey !== 'UPDATED_AT')
        throw new FakeGraphqlError('The fake only sorts orders by UPDATED_AT');
      const keep = typeof args.query === 'string' ? parseOrderSearch(args.query) : () => true;
      const sorted = [...state.orders.values()]
        .filter(keep)
        .sort(
          (a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || numericId(a.id) - numericId(b.id),
        );
      if (args.reverse === true) sorted.reverse();
      // Cursors carry (updatedAt, id), so an order updated during a pull moves to the end instead of
      // shifting the pages under the reader.
      return ordersAfter(sorted, args);
    },
    productVariants: (args: Args) => {
      checkFirst(args);
      const skus = typeof args.query === 'string' ? parseSkuSearch(args.query) : null;
      const variants = state.variants.filter((v) => !skus || skus.includes(v.sku));
      return connection(
        variants.map((v) => ({
          id: v.id,
          sku: v.sku,
          inventoryItem: {
            id: v.inventoryItemId,
            inventoryLevel: ({ locationId }: Args) => {
              const key = levelKey(v.inventoryItemId, String(locationId));
              if (!state.available.has(key)) return null;
              return {
                quantities: ({ names }: Args) =>
                  (names as string[])
                    .filter((n) => n === 'available')
                    .map((name) => ({ id: `${key}|${name}`, name, quantity: state.available.get(key) ?? 0 })),
              };
            },
          },
        })),
        args,
      );
    },

    fulfillmentCreate: (args: Args) => {
      const result = fulfillmentCreate(state, args.fulfillment as FulfillmentInput, now());
      return {
        userErrors: result.userErrors,
        fulfillment: result.fulfillment && {
          id: result.fulfillment.id,
          status: result.fulfillment.status,
          trackingInfo: () => result.fulfillment?.tracking ?? [],
        },
      };
    },
    inventorySetQuantities: (args: Args) => {
      const result = inventorySetQuantities(state, args.input as Args, now());
      const group = result.inventoryAdjustmentGroup;
      return {
        userErrors: result.userErrors,
        inventoryAdjustmentGroup: group && {
          id: group.id,
          reason: group.reason,
          createdAt: group.at,
          changes: () =>
            group.changes.map((c) => ({
              name: 'available',
              delta: c.delta,
              quantityAfterChange: c.quantityAfterChange,
            })),
        },
      };
    },
    orderEditBegin: (args: Args) => {
      const result = orderEditBegin(state, String(args.id));
      return {
        userErrors: result.userErrors,
        calculatedOrder: result.calculatedOrder && calculatedOrderView(state, result.calculatedOrder),
      };
    },
    orderEditSetQuantity: (args: Args) => {
      const result = orderEditSetQuantity(state, args);
      const staged = result.calculatedLineItem;
      const edit = staged && state.edits.get(staged.editId);
      const line = edit && state.orders.get(edit.orderId)?.lineItems.find((l) => l.id === staged.lineId);
      return {
        userErrors: result.userErrors,
        calculatedLineItem:
          line && edit ? calculatedLineView(line, edit.staged.get(line.id)?.quantity ?? 0) : null,
        calculatedOrder: edit ? calculatedOrderView(state, edit) : null,
      };
    },
    orderEditCommit: (args: Args) => {
      const result = orderEditCommit(state, String(args.id), now());
      return { userErrors: result.userErrors, order: result.order && orderView(result.order) };
    },
  };
}

/** The page after the `after` cursor's (updatedAt, id) key, in the sort order. */
function ordersAfter(sorted: FakeOrder[], args: Args) {
  let rest = sorted;
  if (typeof args.after === 'string') {
    const key = decodeCursor(args.after);
    if (!Array.isArray(key) || typeof key[0] !== 'string' || typeof key[1] !== 'string')
      throw new FakeGraphqlError(`Invalid cursor: ${args.after}`);
    const [at, id] = key as [string, string];
    const sign = args.reverse === true ? -1 : 1;
    rest = sorted.filter((o) => {
      const byTime = (Date.parse(o.updatedAt) - Date.parse(at)) * sign;
      return byTime > 0 || (byTime === 0 && (numericId(o.id) - numericId(id)) * sign > 0);
    });
  }
  const page = connection(rest, { first: args.first }, (o) => [o.updatedAt, o.id]);
  return {
    ...page,
    nodes: page.nodes.map(orderView),
    edges: page.edges.map((e) => ({ ...e, node: orderView(e.node) })),
  };
}
