import type { DemoProduct } from '../../../db/seed/demo-catalog.js';
import { type FakeWooOrder, money, nextId, type WooState } from './store.js';

export interface WooOrderOverrides {
  lines?: { sku: string; quantity?: number }[];
  status?: string;
  patch?: Record<string, unknown>;
}

const PEOPLE = [
  ['Emma', 'Petit', '8 rue Sainte-Catherine', '33000', 'Bordeaux'],
  ['Hugo', 'Moreau', '15 boulevard de la Liberté', '59000', 'Lille'],
] as const;

export function buildWooOrder(
  state: WooState,
  ctx: { seq: number; now: string; catalog: DemoProduct[] },
  overrides: WooOrderOverrides = {},
): FakeWooOrder {
  const picks = overrides.lines ?? [
    { sku: ctx.catalog[ctx.seq % ctx.catalog.length]?.sku ?? 'X', quantity: 1 },
  ];
  const [first, last, street, zip, city] = PEOPLE[ctx.seq % PEOPLE.length] ?? PEOPLE[0];
  let itemsMinor = 0;
  const line_items = picks.map(({ sku, quantity = 1 }) => {
    const product = [...state.products.values()].find((p) => p.sku === sku);
    const demo = ctx.catalog.find((p) => p.sku === sku);
    if (!product || !demo) throw new Error(`no product ${sku} in the fake store`);
    itemsMinor += demo.priceMinor * quantity;
    return {
      id: nextId(state),
      name: product.name,
      product_id: product.type === 'variation' ? product.parent_id : product.id,
      variation_id: product.type === 'variation' ? product.id : 0,
      quantity,
      tax_class: '',
      subtotal: money(demo.priceMinor * quantity),
      subtotal_tax: '0.00',
      total: money(demo.priceMinor * quantity),
      total_tax: '0.00',
      taxes: [],
      meta_data: [],
      sku,
      price: demo.priceMinor / 100,
    };
  });
  const shippingMinor = 590;
  const id = nextId(state);
  const order: FakeWooOrder = {
    id,
    parent_id: 0,
    number: String(id),
    order_key: `wc_order_${id}abc`,
    created_via: 'checkout',
    version: '9.5.1',
    status: overrides.status ?? 'processing',
    currency: 'EUR',
    date_created: ctx.now,
    date_created_gmt: ctx.now,
    date_modified: ctx.now,
    date_modified_gmt: ctx.now,
    discount_total: '0.00',
    shipping_total: money(shippingMinor),
    total: money(itemsMinor + shippingMinor),
    total_tax: '0.00',
    prices_include_tax: true,
    customer_id: 0,
    billing: {
      first_name: first,
      last_name: last,
      email: `${first.toLowerCase()}@example.fr`,
      phone: '+33700000000',
      address_1: street,
      city,
      postcode: zip,
      country: 'FR',
    },
    shipping: {
      first_name: first,
      last_name: last,
      company: '',
      address_1: street,
      address_2: '',
      city,
      state: '',
      postcode: zip,
      country: 'FR',
      phone: '',
    },
    payment_method: 'stripe',
    payment_method_title: 'Carte bancaire',
    line_items,
    shipping_lines: [
      {
        id: nextId(state),
        method_title: 'Colissimo',
        method_id: 'flat_rate',
        instance_id: '1',
        total: money(shippingMinor),
        total_tax: '0.00',
        taxes: [],
        meta_data: [],
      },
    ],
    refunds: [],
    meta_data: [],
  };
  return { ...order, ...overrides.patch } as FakeWooOrder;
}
