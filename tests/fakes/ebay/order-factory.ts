import type { DemoProduct } from '../../../db/seed/demo-catalog.js';
import { decimal } from '../amazon/order-factory.js';
import { CITIES, FIRST_NAMES, LAST_NAMES, STREETS } from '../mirakl/french-data.js';

/** Builds Sell Fulfillment `Order` objects that validate against sell_fulfillment_v1_oas3.json. */
export type EbayFakeLine = Record<string, unknown> & {
  lineItemId: string;
  sku: string;
  quantity: number;
  lineItemCost: { value: string; currency: string };
  lineItemFulfillmentStatus: string;
  refunds?: { refundId: string; amount: { value: string; currency: string }; refundDate: string }[];
};

export type EbayFakeOrder = Record<string, unknown> & {
  orderId: string;
  creationDate: string;
  lastModifiedDate: string;
  orderFulfillmentStatus: string;
  orderPaymentStatus: string;
  cancelStatus: { cancelState: string; cancelRequests: unknown[] };
  lineItems: EbayFakeLine[];
};

export interface CreateEbayOrderOverrides {
  lines?: { sku: string; quantity?: number }[];
  paymentStatus?: 'PAID' | 'PENDING';
}

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const digits = (rng: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
export const ebayDate = (d: Date) => d.toISOString();

export function buildEbayOrder(
  ctx: { rng: () => number; seq: number; now: Date; catalog: DemoProduct[] },
  overrides: CreateEbayOrderOverrides = {},
): EbayFakeOrder {
  const { rng, now } = ctx;
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
  const eur = (minor: number) => ({ value: decimal(minor), currency: 'EUR' });
  const shipBy = new Date(now.getTime() + 3 * 86_400_000).toISOString();
  const lineItems: EbayFakeLine[] = chosen.map(({ product, qty }, i) => ({
    lineItemId: `${digits(rng, 11)}${i}`,
    legacyItemId: digits(rng, 12),
    sku: product.sku,
    title: product.name,
    quantity: qty,
    soldFormat: 'FIXED_PRICE',
    listingMarketplaceId: 'EBAY_FR',
    purchaseMarketplaceId: 'EBAY_FR',
    lineItemCost: eur(product.priceMinor * qty),
    total: eur(product.priceMinor * qty + (i === 0 ? 590 : 0)),
    deliveryCost: { shippingCost: eur(i === 0 ? 590 : 0) },
    lineItemFulfillmentStatus: 'NOT_STARTED',
    lineItemFulfillmentInstructions: {
      guaranteedDelivery: false,
      shipByDate: shipBy,
      minEstimatedDeliveryDate: new Date(now.getTime() + 4 * 86_400_000).toISOString(),
      maxEstimatedDeliveryDate: new Date(now.getTime() + 6 * 86_400_000).toISOString(),
    },
  }));
  const subtotal = chosen.reduce((s, c) => s + c.product.priceMinor * c.qty, 0);
  const [postalCode, city] = pick(rng, CITIES);
  const fullName = `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
  return {
    orderId: `${String(ctx.seq).padStart(2, '0')}-${digits(rng, 5)}-${digits(rng, 5)}`,
    legacyOrderId: `${digits(rng, 12)}-${digits(rng, 12)}`,
    creationDate: ebayDate(now),
    lastModifiedDate: ebayDate(now),
    orderFulfillmentStatus: 'NOT_STARTED',
    orderPaymentStatus: overrides.paymentStatus ?? 'PAID',
    sellerId: 'jardin_fr',
    buyer: { username: `buyer_${digits(rng, 6)}` },
    cancelStatus: { cancelState: 'NONE_REQUESTED', cancelRequests: [] },
    pricingSummary: { priceSubtotal: eur(subtotal), deliveryCost: eur(590), total: eur(subtotal + 590) },
    fulfillmentHrefs: [],
    fulfillmentStartInstructions: [
      {
        fulfillmentInstructionsType: 'SHIP_TO',
        ebaySupportedFulfillment: false,
        shippingStep: {
          shippingCarrierCode: 'Colissimo',
          shippingServiceCode: 'FR_ColissimoDomicile',
          shipTo: {
            fullName,
            contactAddress: {
              addressLine1: `${1 + Math.floor(rng() * 120)} ${pick(rng, STREETS)}`,
              city,
              postalCode,
              countryCode: 'FR',
            },
            primaryPhone: { phoneNumber: `06${digits(rng, 8)}` },
            email: `${digits(rng, 8)}@members.ebay.fr`,
          },
        },
      },
    ],
    lineItems,
  };
}
