import { type DemoProduct, demoCatalog } from '../../../db/seed/demo-catalog.js';

/**
 * The Cdiscount fake's state in Octopia's JSON shapes: orders (with their declared parcels), partial
 * cancellation requests, offer packages and the offers' stock.
 */
export interface FakeLine {
  lineId: string;
  status: string;
  quantity: number;
  offer: { id: string; sellerExternalReference: string };
  product: { title: string; gtin: string };
  unitSalesPrice: number;
  shippingPrice: number;
}

export interface FakeParcel {
  parcelNumber: string;
  carrierName: string;
  trackingUrl?: string;
  orderLineIds: string[];
  createdAt: string;
}

export interface FakeOrder {
  orderId: string;
  reference: string;
  status: string;
  salesChannel: { id: string; name: string };
  seller: { id: string };
  supplyMode: 'Seller';
  createdAt: string;
  updatedAt: string;
  purchasedAt: string;
  shippedAtMax: string;
  currencyCode: string;
  totalPrice: number;
  totalShippingPrice: number;
  deliveryMode: { code: string };
  customer: { reference: string; firstName: string; lastName: string; email: string; phone: string };
  shippingAddress: Record<string, string>;
  lines: FakeLine[];
  shipments: FakeParcel[];
  [key: string]: unknown;
}

export interface FakeCancellation {
  cancellationRequestId: string;
  orderSellerId: string;
  status: string;
  lines: { lineId: string; offerId: string; reason: string; shippingCostRefund: boolean }[];
}

export interface FakePackage {
  packageId: string;
  salesChannelId: string;
  packageType: string;
  state: 'WaitingForCompletion' | 'Ready' | 'Integrated';
  requests: { sellerExternalReference: string; quantity?: number }[];
}

export interface CdiscountState {
  orders: Map<string, FakeOrder>;
  cancellations: FakeCancellation[];
  packages: Map<string, FakePackage>;
  stock: Map<string, number>;
  catalog: DemoProduct[];
}

export function createCdiscountState(catalog: DemoProduct[] = demoCatalog): CdiscountState {
  return {
    orders: new Map(),
    cancellations: [],
    packages: new Map(),
    stock: new Map(catalog.map((p) => [p.sku, p.onHand])),
    catalog,
  };
}

export interface OrderOverrides {
  lines?: { sku: string; quantity?: number }[];
  status?: string;
}

/** An order as Cdiscount delivers it to a seller who validates orders himself. */
export function buildOrder(
  state: CdiscountState,
  seq: number,
  at: string,
  o: OrderOverrides = {},
): FakeOrder {
  const orderId = `2601${String(seq).padStart(6, '0')}ABCD`;
  const wanted = o.lines ?? [{ sku: 'SEC-220', quantity: 1 }];
  const lines: FakeLine[] = wanted.map((w, i) => {
    const product = state.catalog.find((p) => p.sku === w.sku);
    if (!product) throw new Error(`no product ${w.sku} in the fake's catalogue`);
    return {
      lineId: `${orderId}-${i + 1}`,
      status: o.status ?? 'WaitingAcceptance',
      quantity: w.quantity ?? 1,
      offer: { id: `OF-${product.sku}`, sellerExternalReference: product.sku },
      product: { title: product.name, gtin: product.ean },
      unitSalesPrice: product.priceMinor / 100,
      shippingPrice: i === 0 ? 4.99 : 0,
    };
  });
  const goods = lines.reduce((sum, l) => sum + Math.round(l.unitSalesPrice * 100) * l.quantity, 0);
  return {
    orderId,
    reference: `REF-${seq}`,
    status: o.status ?? 'WaitingAcceptance',
    salesChannel: { id: 'CDISFR', name: 'Cdiscount' },
    seller: { id: '98979' },
    supplyMode: 'Seller',
    createdAt: at,
    updatedAt: at,
    purchasedAt: at,
    shippedAtMax: new Date(Date.parse(at) + 2 * 86_400_000).toISOString(),
    currencyCode: 'EUR',
    totalPrice: (goods + 499) / 100,
    totalShippingPrice: 4.99,
    deliveryMode: { code: 'STD' },
    customer: {
      reference: `CUST-${seq}`,
      firstName: 'Camille',
      lastName: 'Lefèvre',
      email: `client${seq}@example.test`,
      phone: '0611223344',
    },
    shippingAddress: {
      firstName: 'Camille',
      lastName: 'Lefèvre',
      addressLine1: '12 rue des Lilas',
      zipCode: '33000',
      city: 'Bordeaux',
      countryCode: 'FR',
      phone: '0611223344',
    },
    lines,
    shipments: [],
  };
}
