import type { DemoProduct } from '../../../db/seed/demo-catalog.js';
import { type FakeOrder, gid, levelKey, type ShopifyState } from './store.js';

/** Shopify prints decimals without trailing zeros beyond one ("29.9", "10.0"): the mapper must cope. */
export function shopifyDecimal(minor: number): string {
  const text = (minor / 100).toFixed(2).replace(/0$/, '');
  return text;
}

/** Shopify's DateTime scalar: ISO-8601 in UTC with second precision. */
export function shopifyDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface ShopifyOrderOverrides {
  lines?: { sku: string; quantity?: number }[];
  financialStatus?: string;
  /** Shallow-merged into the stored order last. */
  patch?: Partial<FakeOrder>;
}

const NAMES = [
  ['Camille', 'Durand', '12 rue des Lilas', '69003', 'Lyon'],
  ['Louis', 'Martin', '4 avenue Jean Jaurès', '31000', 'Toulouse'],
  ['Chloé', 'Bernard', '27 quai de la Fosse', '44000', 'Nantes'],
] as const;

/** Variants, inventory items and `available` stock at the shop's location for every catalogue product. */
export function stockCatalog(state: ShopifyState, catalog: DemoProduct[]): void {
  const location = state.locations[0];
  if (!location) throw new Error('the fake shop needs a location');
  for (const product of catalog) {
    const variant = {
      id: gid(state, 'ProductVariant'),
      sku: product.sku,
      inventoryItemId: gid(state, 'InventoryItem'),
    };
    state.variants.push(variant);
    state.available.set(levelKey(variant.inventoryItemId, location.id), product.onHand);
  }
}

export function buildShopifyOrder(
  state: ShopifyState,
  ctx: { seq: number; now: string; catalog: DemoProduct[] },
  overrides: ShopifyOrderOverrides = {},
): FakeOrder {
  const picks = overrides.lines ?? [
    { sku: ctx.catalog[ctx.seq % ctx.catalog.length]?.sku ?? 'X', quantity: 1 },
  ];
  const [first, last, street, zip, city] = NAMES[ctx.seq % NAMES.length] ?? NAMES[0];
  const lineItems = picks.map(({ sku, quantity = 1 }) => {
    const product = ctx.catalog.find((p) => p.sku === sku);
    if (!product) throw new Error(`no product ${sku} in the catalogue`);
    return {
      id: gid(state, 'LineItem'),
      sku,
      name: product.name,
      variantId: state.variants.find((v) => v.sku === sku)?.id ?? null,
      quantity,
      currentQuantity: quantity,
      unitPrice: shopifyDecimal(product.priceMinor),
      priceMinor: product.priceMinor,
    };
  });
  const shippingMinor = 490;
  const totalMinor = lineItems.reduce((s, l) => s + l.priceMinor * l.quantity, shippingMinor);
  const location = state.locations[0]?.id ?? 'gid://shopify/Location/0';
  const id = gid(state, 'Order');
  const order: FakeOrder = {
    id,
    name: `#${1000 + ctx.seq}`,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    cancelledAt: null,
    closed: false,
    financialStatus: overrides.financialStatus ?? 'PAID',
    currency: state.shop.currencyCode,
    email: `${first.toLowerCase()}.${last.toLowerCase()}@example.fr`,
    phone: null,
    shippingAddress: {
      firstName: first,
      lastName: last,
      company: null,
      address1: street,
      address2: null,
      zip,
      city,
      countryCodeV2: 'FR',
      phone: '+33612345678',
    },
    shippingLine: { code: 'STANDARD', title: 'Colissimo', price: shopifyDecimal(shippingMinor) },
    totalPrice: shopifyDecimal(totalMinor),
    lineItems: lineItems.map(({ priceMinor: _, ...line }) => line),
    fulfillmentOrders: [],
    fulfillments: [],
  };
  order.fulfillmentOrders.push({
    id: gid(state, 'FulfillmentOrder'),
    status: 'OPEN',
    locationId: location,
    lineItems: order.lineItems.map((l) => ({
      id: gid(state, 'FulfillmentOrderLineItem'),
      lineItemId: l.id,
      totalQuantity: l.quantity,
      remainingQuantity: l.quantity,
    })),
  });
  return { ...order, ...overrides.patch };
}
