import type { DemoProduct } from '../../../db/seed/demo-catalog.js';
import { CITIES, FIRST_NAMES, LAST_NAMES, STREETS } from '../mirakl/french-data.js';

/**
 * Builds Orders v0 `Order` and `OrderItem` objects that validate against ordersV0.json. Amounts are
 * decimal strings as Amazon sends them; the address and buyer name are stored with the order and only
 * served to a Restricted Data Token.
 */

export type FakeItem = Record<string, unknown> & {
  OrderItemId: string;
  SellerSKU: string;
  QuantityOrdered: number;
  QuantityShipped: number;
  ItemPrice: { CurrencyCode: string; Amount: string };
  ShippingPrice: { CurrencyCode: string; Amount: string };
};

export type FakeOrder = Record<string, unknown> & {
  AmazonOrderId: string;
  OrderStatus: string;
  PurchaseDate: string;
  LastUpdateDate: string;
  MarketplaceId: string;
  FulfillmentChannel: string;
  OrderTotal: { CurrencyCode: string; Amount: string };
  ShippingAddress: Record<string, string>;
  BuyerInfo: Record<string, string>;
};

export interface FakeAmazonOrder {
  order: FakeOrder;
  items: FakeItem[];
  /** confirmShipment packages by packageReferenceId. */
  packages: Map<
    string,
    { carrierCode: string; trackingNumber: string; items: { orderItemId: string; quantity: number }[] }
  >;
}

export interface CreateAmazonOrderOverrides {
  lines?: { sku: string; quantity?: number }[];
  status?: 'Pending' | 'Unshipped' | 'Canceled';
  fulfillmentChannel?: 'MFN' | 'AFN';
  patch?: Record<string, unknown>;
}

export const amazonDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
/** Minor units → the exact decimal string Amazon sends ("29.90"). */
export const decimal = (minor: number) =>
  `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

function pick<T>(rng: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('cannot pick from an empty list');
  return item;
}

const digits = (rng: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');

export function buildAmazonOrder(
  ctx: { rng: () => number; seq: number; now: Date; catalog: DemoProduct[]; marketplaceId: string },
  overrides: CreateAmazonOrderOverrides = {},
): FakeAmazonOrder {
  const { rng, now } = ctx;
  const id = `40${ctx.seq % 10}-${digits(rng, 7)}-${String(ctx.seq).padStart(7, '0')}`;
  const chosen = overrides.lines
    ? overrides.lines.map(({ sku, quantity }) => {
        const product = ctx.catalog.find((p) => p.sku === sku);
        if (!product) throw new Error(`SKU ${sku} is not in the catalogue`);
        return { product, qty: quantity ?? 1 };
      })
    : Array.from({ length: 1 + Math.floor(rng() * 2) }, () => ({
        product: pick(rng, ctx.catalog),
        qty: 1 + Math.floor(rng() * 2),
      }));
  const status = overrides.status ?? 'Unshipped';
  const items: FakeItem[] = chosen.map(({ product, qty }, i) => ({
    ASIN: `B0${digits(rng, 8)}`,
    OrderItemId: `${digits(rng, 12)}${i}`,
    SellerSKU: product.sku,
    Title: product.name,
    QuantityOrdered: qty,
    QuantityShipped: 0,
    ItemPrice: { CurrencyCode: 'EUR', Amount: decimal(product.priceMinor * qty) },
    ShippingPrice: { CurrencyCode: 'EUR', Amount: decimal(i === 0 ? 490 : 0) },
    ItemTax: { CurrencyCode: 'EUR', Amount: '0.00' },
    IsGift: 'false',
    ConditionId: 'New',
  }));
  const total = chosen.reduce((s, c) => s + c.product.priceMinor * c.qty, 0) + 490;
  const [postalCode, city] = pick(rng, CITIES);
  const name = `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
  const stamp = amazonDate(now);
  const order: FakeOrder = {
    AmazonOrderId: id,
    PurchaseDate: stamp,
    LastUpdateDate: stamp,
    OrderStatus: status,
    FulfillmentChannel: overrides.fulfillmentChannel ?? 'MFN',
    SalesChannel: 'Amazon.fr',
    ShipServiceLevel: 'Std FR Dom_1',
    OrderTotal: { CurrencyCode: 'EUR', Amount: decimal(total) },
    NumberOfItemsShipped: 0,
    NumberOfItemsUnshipped: chosen.reduce((s, c) => s + c.qty, 0),
    PaymentMethod: 'Other',
    MarketplaceId: ctx.marketplaceId,
    ShipmentServiceLevelCategory: 'Standard',
    OrderType: 'StandardOrder',
    EarliestShipDate: stamp,
    LatestShipDate: amazonDate(new Date(now.getTime() + 2 * 86_400_000)),
    IsBusinessOrder: false,
    IsPrime: false,
    IsPremiumOrder: false,
    IsGlobalExpressEnabled: false,
    IsReplacementOrder: false,
    IsSoldByAB: false,
    ShippingAddress: {
      Name: name,
      AddressLine1: `${1 + Math.floor(rng() * 120)} ${pick(rng, STREETS)}`,
      City: city,
      PostalCode: postalCode,
      CountryCode: 'FR',
      Phone: `+336${digits(rng, 8)}`,
      AddressType: 'Residential',
    },
    BuyerInfo: { BuyerEmail: `${digits(rng, 10)}@marketplace.amazon.fr`, BuyerName: name },
    ...overrides.patch,
  };
  return { order, items, packages: new Map() };
}
