import type { DemoProduct } from '../../../db/seed/demo-catalog.js';

/**
 * The WooCommerce fake's state in the store's own JSON shapes: orders (with notes and refunds kept
 * beside them, as WordPress does), simple products and one variable product with two variations.
 */

export type WooJson = Record<string, unknown>;

export interface FakeWooLine {
  id: number;
  name: string;
  product_id: number;
  variation_id: number;
  quantity: number;
  sku: string | null;
  subtotal: string;
  total: string;
  price: number;
}

export interface FakeWooOrder extends WooJson {
  id: number;
  status: string;
  currency: string;
  date_created_gmt: string;
  date_modified_gmt: string;
  total: string;
  shipping_total: string;
  line_items: FakeWooLine[];
  refunds: { id: number; reason: string; total: string }[];
}

export interface FakeNote {
  id: number;
  author: string;
  date_created: string;
  date_created_gmt: string;
  note: string;
  customer_note: boolean;
  added_by_user: boolean;
}

export interface FakeRefund {
  id: number;
  date_created_gmt: string;
  amount: string;
  reason: string;
  refunded_payment: boolean;
  line_items: {
    id: number;
    quantity: number;
    total: string;
    sku: string | null;
    meta_data: { key: string; value: string }[];
  }[];
}

export interface FakeProduct {
  id: number;
  sku: string;
  name: string;
  type: 'simple' | 'variable' | 'variation';
  parent_id: number;
  manage_stock: boolean;
  stock_quantity: number | null;
  price: string;
}

export interface WooState {
  orders: Map<number, FakeWooOrder>;
  notes: Map<number, FakeNote[]>;
  refunds: Map<number, FakeRefund[]>;
  products: Map<number, FakeProduct>;
  nextId: number;
}

export function createWooState(catalog: DemoProduct[]): WooState {
  const state: WooState = {
    orders: new Map(),
    notes: new Map(),
    refunds: new Map(),
    products: new Map(),
    nextId: 100,
  };
  const gloves = catalog.filter((p) => p.sku.startsWith('GAN-'));
  for (const p of catalog.filter((c) => !c.sku.startsWith('GAN-'))) {
    const id = nextId(state);
    state.products.set(id, {
      id,
      sku: p.sku,
      name: p.name,
      type: 'simple',
      parent_id: 0,
      manage_stock: true,
      stock_quantity: p.onHand,
      price: money(p.priceMinor),
    });
  }
  if (gloves.length > 0) {
    // The gloves are one variable product with a variation per size, to exercise the variation path.
    const parent = nextId(state);
    state.products.set(parent, {
      id: parent,
      sku: 'GAN',
      name: 'Gants de jardinage cuir',
      type: 'variable',
      parent_id: 0,
      manage_stock: false,
      stock_quantity: null,
      price: '',
    });
    for (const p of gloves) {
      const id = nextId(state);
      state.products.set(id, {
        id,
        sku: p.sku,
        name: p.name,
        type: 'variation',
        parent_id: parent,
        manage_stock: true,
        stock_quantity: p.onHand,
        price: money(p.priceMinor),
      });
    }
  }
  return state;
}

export function nextId(state: WooState): number {
  state.nextId += 1;
  return state.nextId;
}

/** WooCommerce prints amounts with the store's decimals: "29.90". */
export function money(minor: number): string {
  return (minor / 100).toFixed(2);
}

/** `*_gmt` dates: UTC, second precision, no offset. */
export function wooDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '');
}

export class WooFakeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
