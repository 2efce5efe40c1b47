import type { ChannelSettings } from '../pricing/channel-settings.js';
import { amazonMaxMessages, buildAmazonListingsFeed } from './formats/amazon-listings.js';
import { buildEbayBulk } from './formats/ebay-bulk.js';
import type { FeedFile, FeedOffer } from './formats/feed-file.js';
import { buildMiraklOf01 } from './formats/mirakl-of01.js';
import { buildShopifyVariantUpdates, buildWooCommerceBatch } from './formats/shop-updates.js';
import { buildTemplateFile } from './formats/template.js';

/**
 * The publishable offers of one channel in its format. Amazon's documents hold 10 000 messages, so a
 * bigger catalogue gives several files; every other format fits one.
 */
export async function renderFeed(
  offers: FeedOffer[],
  settings: ChannelSettings,
  at: Date,
): Promise<FeedFile[]> {
  const { feed } = settings;
  switch (feed.format) {
    case 'mirakl-of01':
      return [buildMiraklOf01(offers, { logisticClass: feed.miraklLogisticClass, at })];
    case 'amazon-listings': {
      const files: FeedFile[] = [];
      for (let i = 0; i < Math.max(offers.length, 1); i += amazonMaxMessages) {
        files.push(
          buildAmazonListingsFeed(offers.slice(i, i + amazonMaxMessages), {
            sellerId: feed.amazonSellerId,
            productType: feed.amazonProductType,
            marketplaceId: feed.amazonMarketplaceId,
            at,
          }),
        );
      }
      return files;
    }
    case 'ebay-bulk':
      return [buildEbayBulk(offers, { at })];
    case 'woocommerce':
      return [buildWooCommerceBatch(offers, { at })];
    case 'shopify':
      return [buildShopifyVariantUpdates(offers, { at })];
    case 'template':
      return [await buildTemplateFile(offers, feed.template, { at })];
  }
}
