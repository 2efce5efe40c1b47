import { checkQuality } from '../catalog/check-quality.js';
import type { ChannelSettings } from './channel-settings.js';
import { computePrice } from './compute-price.js';
import type { PriceBreakdown } from './price-rule.js';

/** A product of the catalogue as offers are built from it. */
export interface OfferProduct {
  productId: string;
  sku: string;
  name: string;
  ean: string | null;
  category: string | null;
  brand: string | null;
  condition: string;
  leadTimeDays: number | null;
  currency: string;
  basePrice: number;
  cost: number | null;
  publicPrice: number | null;
  images: string[];
  attributes: Record<string, string>;
}

export interface Offer {
  product: OfferProduct;
  price: PriceBreakdown;
  quantity: number;
  /** Publishable, or held back with every reason (broken price rules and failed quality checks). */
  isPublishable: boolean;
  reasons: { code: string; message: string }[];
}

/** One product on one channel: its price, its stock, and whether it may go out. */
export function buildOffer(product: OfferProduct, settings: ChannelSettings, quantity: number): Offer {
  const price = computePrice(product, settings.rule);
  const reasons: Offer['reasons'] = [
    ...price.brokenRules.map((b) => ({ code: b.code, message: b.message })),
    ...checkQuality(product, settings.quality),
  ];
  if (product.currency !== settings.rule.currency)
    reasons.push({
      code: 'currency_mismatch',
      message: `The product is priced in ${product.currency}; the channel sells in ${settings.rule.currency}`,
    });
  return { product, price, quantity, isPublishable: reasons.length === 0, reasons };
}
