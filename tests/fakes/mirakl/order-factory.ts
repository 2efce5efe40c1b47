import type { DemoProduct } from '../../../db/seed/demo-catalog.js';
import { CITIES, FIRST_NAMES, LAST_NAMES, SHIPPING_TYPES, STREETS } from './french-data.js';

/**
 * Builds OR11 orders that validate against `OR11_Response_200_Orders` of the official seller spec. The
 * spec's own example does not (it lacks `paymentType`, `commission_vat`, `commission_rate_vat` and has
 * nulls where strings are required), so every required field is filled here, and optional ones are
 * omitted rather than sent as null.
 */

export type SimOrderLine = Record<string, unknown> & {
  order_line_id: string;
  order_line_state: string;
  last_updated_date: string;
};

export type SimOrder = Record<string, unknown> & {
  order_id: string;
  order_state: string;
  created_date: string;
  last_updated_date: string;
  order_lines: SimOrderLine[];
};

export interface CreateOrderOverrides {
  /** Products by SKU (from the catalogue) and quantities; random 1–3 lines otherwise. */
  lines?: { sku: string; quantity?: number }[];
  shippingTypeCode?: 'STD' | 'EXP';
  /** Shallow-merged into the generated order last, to bend it any way a test needs. */
  patch?: Record<string, unknown>;
}

export interface FactoryContext {
  rng: () => number;
  seq: number;
  now: Date;
  catalog: DemoProduct[];
}

/** Mirakl dates have second precision ("2019-04-02T14:59:58Z"). */
export function miraklDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Integer minor units → the JSON number Mirakl sends; n / 100 prints back as the exact decimal. */
const amount = (minor: number) => minor / 100;

function pick<T>(rng: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('cannot pick from an empty list');
  return item;
}

function chooseLines(
  ctx: FactoryContext,
  overrides: CreateOrderOverrides,
): { product: DemoProduct; qty: number }[] {
  if (overrides.lines) {
    return overrides.lines.map(({ sku, quantity }) => {
      const product = ctx.catalog.find((p) => p.sku === sku);
      if (!product) throw new Error(`SKU ${sku} is not in the simulator's catalogue`);
      return { product, qty: quantity ?? 1 };
    });
  }
  const count = 1 + Math.floor(ctx.rng() * 3);
  const pool = [...ctx.catalog];
  const chosen: { product: DemoProduct; qty: number }[] = [];
  for (let i = 0; i < count && pool.length > 0; i++) {
    const [product] = pool.splice(Math.floor(ctx.rng() * pool.length), 1);
    if (product) chosen.push({ product, qty: ctx.rng() < 0.75 ? 1 : 2 + Math.floor(ctx.rng() * 2) });
  }
  return chosen;
}

export function buildOrder(ctx: FactoryContext, overrides: CreateOrderOverrides = {}): SimOrder {
  const { rng } = ctx;
  const created = miraklDate(ctx.now);
  const commercialId = `SIM${String(ctx.seq).padStart(7, '0')}`;
  const orderId = `${commercialId}-A`;
  const shipping =
    SHIPPING_TYPES.find((s) => s.code === overrides.shippingTypeCode) ??
    (rng() < 0.8 ? SHIPPING_TYPES[0] : SHIPPING_TYPES[1]);
  const deadlineDays = shipping.code === 'EXP' ? 1 : 2 + Math.floor(rng() * 2);
  const firstname = pick(rng, FIRST_NAMES);
  const lastname = pick(rng, LAST_NAMES);
  const [zip, city] = pick(rng, CITIES);
  const civility = rng() < 0.5 ? 'M.' : 'Mme';
  const phone = `06 ${Array.from({ length: 4 }, () => String(10 + Math.floor(rng() * 90))).join(' ')}`;
  const address = {
    civility,
    firstname,
    lastname,
    street_1: `${1 + Math.floor(rng() * 120)} ${pick(rng, STREETS)}`,
    zip_code: zip,
    city,
    country: 'France',
    country_iso_code: 'FRA',
    phone,
  };

  let priceMinor = 0;
  let commissionMinor = 0;
  const order_lines = chooseLines(ctx, overrides).map(({ product, qty }, i) => {
    const lineMinor = product.priceMinor * qty;
    const shipMinor = i === 0 ? shipping.priceMinor : 0;
    const feeMinor = Math.round((lineMinor + shipMinor) * 0.12);
    const vatMinor = Math.round(feeMinor * 0.2);
    priceMinor += lineMinor;
    commissionMinor += feeMinor + vatMinor;
    return {
      can_refund: false,
      cancelations: [],
      category_code: 'jardin',
      category_label: 'Jardin',
      commission_fee: amount(feeMinor),
      commission_rate_vat: 20,
      commission_vat: amount(vatMinor),
      created_date: created,
      description: product.name,
      last_updated_date: created,
      offer_id: 2000 + ctx.catalog.indexOf(product),
      offer_sku: product.sku,
      offer_state_code: '11',
      order_line_additional_fields: [],
      order_line_id: `${orderId}-${i + 1}`,
      order_line_index: i + 1,
      order_line_state: 'WAITING_ACCEPTANCE',
      price: amount(lineMinor),
      price_unit: amount(product.priceMinor),
      product_medias: [],
      product_sku: product.ean,
      product_title: product.name,
      quantity: qty,
      refunds: [],
      shipping_price: amount(shipMinor),
      total_commission: amount(feeMinor + vatMinor),
      total_price: amount(lineMinor + shipMinor),
    };
  });

  return {
    can_cancel: true,
    can_shop_ship: false,
    channel: { code: 'FR', label: 'France' },
    commercial_id: commercialId,
    created_date: created,
    currency_iso_code: 'EUR',
    customer: {
      billing_address: { ...address },
      civility,
      customer_id: `CUST-${String(ctx.seq).padStart(6, '0')}`,
      firstname,
      lastname,
      locale: 'fr_FR',
      shipping_address: { ...address },
    },
    customer_directly_pays_seller: false,
    customer_notification_email: `notification+${commercialId.toLowerCase()}@notification.example.net`,
    fulfillment: { center: { code: 'DEFAULT' } },
    fully_refunded: false,
    has_customer_message: false,
    has_incident: false,
    has_invoice: false,
    last_updated_date: created,
    leadtime_to_ship: deadlineDays,
    order_additional_fields: [],
    order_id: orderId,
    order_lines,
    order_state: 'WAITING_ACCEPTANCE',
    order_tax_mode: 'TAX_INCLUDED',
    // Deprecated but still required by the schema, so both spellings are sent.
    paymentType: 'CB',
    payment_type: 'CB',
    payment_workflow: 'PAY_ON_ACCEPTANCE',
    price: amount(priceMinor),
    shipping_deadline: miraklDate(new Date(ctx.now.getTime() + deadlineDays * 86_400_000)),
    shipping_price: amount(shipping.priceMinor),
    shipping_type_code: shipping.code,
    shipping_type_label: shipping.label,
    shipping_zone_code: 'FR-METRO',
    shipping_zone_label: 'France métropolitaine',
    total_commission: amount(commissionMinor),
    total_price: amount(priceMinor + shipping.priceMinor),
    ...overrides.patch,
  } as SimOrder;
}
