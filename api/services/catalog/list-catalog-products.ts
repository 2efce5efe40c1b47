import { inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { channelOffers } from '../../../db/schema/index.js';
import { buildOffer } from '../pricing/build-offer.js';
import { loadChannelSettings } from '../pricing/channel-settings.js';
import { availableByProduct, channelQuantities, loadOfferProducts } from '../pricing/load-offer-products.js';
import type { PriceBreakdown } from '../pricing/price-rule.js';

export interface CatalogProductView {
  productId: string;
  sku: string;
  name: string;
  ean: string | null;
  category: string | null;
  basePrice: number;
  cost: number | null;
  publicPrice: number | null;
  currency: string;
  available: number;
  channels: {
    channelId: string;
    channelName: string;
    price: PriceBreakdown;
    quantity: number;
    /** What the price and quality rules say now. */
    isPublishable: boolean;
    reasons: { code: string; message: string }[];
    /** What the last feed did: published, blocked or rejected by the channel (null before any run). */
    lastStatus: string | null;
    lastReasons: { code: string; message: string }[];
  }[];
}

/** A page of the catalogue, each product priced and checked on every enabled channel. */
export async function listCatalogProducts(
  db: Database,
  options: { afterSku?: string; limit: number; search?: string },
): Promise<CatalogProductView[]> {
  const page = await loadOfferProducts(db, options);
  const ids = page.map((p) => p.productId);
  const settings = (await loadChannelSettings(db)).filter((s) => s.isEnabled);
  const available = await availableByProduct(db, ids);
  const last =
    ids.length === 0
      ? []
      : await db.select().from(channelOffers).where(inArray(channelOffers.productId, ids));
  const lastOf = new Map(last.map((l) => [`${l.channelId}:${l.productId}`, l]));
  const quantities = new Map<string, Map<string, number>>();
  for (const s of settings)
    quantities.set(s.channelId, await channelQuantities(db, s.channelId, ids, available));
  return page.map((p) => ({
    productId: p.productId,
    sku: p.sku,
    name: p.name,
    ean: p.ean,
    category: p.category,
    basePrice: p.basePrice,
    cost: p.cost,
    publicPrice: p.publicPrice,
    currency: p.currency,
    available: available.get(p.productId) ?? 0,
    channels: settings.map((s) => {
      const offer = buildOffer(p, s, quantities.get(s.channelId)?.get(p.productId) ?? 0);
      const previous = lastOf.get(`${s.channelId}:${p.productId}`);
      return {
        channelId: s.channelId,
        channelName: s.channelName,
        price: offer.price,
        quantity: offer.quantity,
        isPublishable: offer.isPublishable,
        reasons: offer.reasons,
        lastStatus: previous?.status ?? null,
        lastReasons: previous?.reasons ?? [],
      };
    }),
  }));
}
