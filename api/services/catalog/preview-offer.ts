import type { Database } from '../../../db/client.js';
import { notFound } from '../../errors.js';
import { buildOffer, type Offer } from '../pricing/build-offer.js';
import { loadChannelSettings } from '../pricing/channel-settings.js';
import { loadOfferProducts } from '../pricing/load-offer-products.js';
import type { PriceRule } from '../pricing/price-rule.js';
import type { QualityRules } from './check-quality.js';

/**
 * A dry run of rules not saved yet on one catalogue product (the SKU given, else the first one): the
 * same engine the feeds use, so the page shows exactly what saving would do. Nothing is written.
 */
export async function previewOffer(
  db: Database,
  channelId: string,
  draft: { rule: PriceRule; quality: QualityRules },
  sku: string | undefined,
): Promise<Offer> {
  const [settings] = await loadChannelSettings(db, channelId);
  const candidates = await loadOfferProducts(db, { limit: sku ? 200 : 1, ...(sku ? { search: sku } : {}) });
  const product = sku ? candidates.find((p) => p.sku === sku) : candidates[0];
  if (!product)
    throw notFound(
      'product_not_found',
      sku ? `No catalogue product with SKU ${sku}` : 'The catalogue is empty: import products first',
    );
  return buildOffer(product, { ...settings!, rule: draft.rule, quality: draft.quality }, 0);
}
