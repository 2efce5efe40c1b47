/**
 * The Shopify fake's state, in the shop's own terms: orders with line items, fulfilment orders and
 * fulfilments; variants, inventory items and their `available` quantity per location. Ids are GIDs.
 */

export interface FakeAddress {
  firstName: string;
  lastName: string;
  company: string | null;
  address1: string;
  address2: string | null;
  zip: string;
  city: string;
  countryCodeV2: string;
  phone: string | null;
}

export interface FakeLineItem {
  id: string;
  sku: string | null;
  name: string;
  variantId: string | null;
  quantity: number;
  currentQuantity: number;
  /** Decimal string as Shopify prints it ("29.9", "10.0"). */
  unitPrice: string;
}

export interface FakeFulfillmentOrder {
  id: string;
  status: 'OPEN' | 'IN_PROGRESS' | 'CLOSED' | 'CANCELLED' | 'ON_HOLD';
  locationId: string;
  lineItems: { id: string; lineItemId: string; totalQuantity: number; remainingQuantity: number }[];
}

export interface FakeFulfillment {
  id: string;
  status: 'SUCCESS';
  createdAt: string;
  tracking: { company: string | null; number: string | null; url: string | null }[];
  lines: { lineItemId: string; quantity: number }[];
}

export interface FakeOrder {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  closed: boolean;
  financialStatus: string;
  currency: string;
  email: string | null;
  phone: string | null;
  shippingAddress: FakeAddress | null;
  shippingLine: { code: string; title: string; price: string } | null;
  /** Decimal string; the sum is not recomputed when lines change, as a test may want it odd. */
  totalPrice: string;
  lineItems: FakeLineItem[];
  fulfillmentOrders: FakeFulfillmentOrder[];
  fulfillments: FakeFulfillment[];
}

export interface FakeVariant {
  id: string;
  sku: string;
  inventoryItemId: string;
}

export interface FakeEdit {
  id: string;
  orderId: string;
  /** Line item id → staged new quantity and whether removed units go back to stock. */
  staged: Map<string, { quantity: number; restock: boolean }>;
  committed: boolean;
}

export interface FakeAdjustment {
  id: string;
  reason: string;
  at: string;
  changes: { inventoryItemId: string; locationId: string; delta: number; quantityAfterChange: number }[];
}

export interface ShopifyState {
  shop: { name: string; myshopifyDomain: string; currencyCode: string };
  locations: { id: string; name: string; isActive: boolean }[];
  orders: Map<string, FakeOrder>;
  variants: FakeVariant[];
  /** `${inventoryItemId}|${locationId}` → available. */
  available: Map<string, number>;
  edits: Map<string, FakeEdit>;
  adjustments: FakeAdjustment[];
  nextId: number;
}

export function createShopifyState(): ShopifyState {
  return {
    shop: { name: 'Jardin Demo', myshopifyDomain: 'jardin-demo.myshopify.com', currencyCode: 'EUR' },
    locations: [{ id: 'gid://shopify/Location/7001', name: 'Entrepôt Lyon', isActive: true }],
    orders: new Map(),
    variants: [],
    available: new Map(),
    edits: new Map(),
    adjustments: [],
    nextId: 1000,
  };
}

export function gid(state: ShopifyState, type: string): string {
  state.nextId += 1;
  return `gid://shopify/${type}/${state.nextId}`;
}

export const levelKey = (inventoryItemId: string, locationId: string) => `${inventoryItemId}|${locationId}`;

/** A refusal the resolvers turn into a top-level GraphQL error (not a userError). */
export class FakeGraphqlError extends Error {}

export function fulfilledQuantity(order: FakeOrder, lineItemId: string): number {
  return order.fulfillments
    .flatMap((f) => f.lines)
    .filter((l) => l.lineItemId === lineItemId)
    .reduce((sum, l) => sum + l.quantity, 0);
}

export function displayFulfillmentStatus(order: FakeOrder): string {
  const live = order.lineItems.filter((l) => l.currentQuantity > 0);
  if (live.length === 0) return order.fulfillments.length > 0 ? 'FULFILLED' : 'RESTOCKED';
  const shipped = live.map((l) => Math.min(fulfilledQuantity(order, l.id), l.currentQuantity));
  const total = live.reduce((s, l) => s + l.currentQuantity, 0);
  const done = shipped.reduce((s, n) => s + n, 0);
  if (done === 0) return 'UNFULFILLED';
  return done >= total ? 'FULFILLED' : 'PARTIALLY_FULFILLED';
}

export function findLineItem(order: FakeOrder, lineItemId: string): FakeLineItem | undefined {
  return order.lineItems.find((l) => l.id === lineItemId);
}

export function orderOfFulfillmentOrder(state: ShopifyState, foId: string) {
  for (const order of state.orders.values()) {
    const fo = order.fulfillmentOrders.find((f) => f.id === foId);
    if (fo) return { order, fo };
  }
  return null;
}
