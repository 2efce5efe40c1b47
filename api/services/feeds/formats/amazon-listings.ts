import { formatMinor } from '../../../channels/money.js';
import { type FeedFile, type FeedOffer, utf8 } from './feed-file.js';

/** The JSON listings feed takes at most 10 000 messages per document. */
export const amazonMaxMessages = 10_000;

/**
 * A JSON_LISTINGS_FEED (schema v2) of PATCH messages that set the offer's price and stock, the form the
 * Listings Items API takes for price and quantity updates. Amazon charges shipping through the
 * seller's shipping templates, so only the item price is sent.
 */
export function buildAmazonListingsFeed(
  offers: FeedOffer[],
  options: { sellerId: string; productType: string; marketplaceId: string; at: Date },
): FeedFile {
  const positions: FeedFile['positions'] = [];
  const messages = offers.slice(0, amazonMaxMessages).map((o, i) => {
    positions.push({ position: i + 1, sku: o.product.sku, productId: o.product.productId });
    return {
      messageId: i + 1,
      sku: o.product.sku,
      operationType: 'PATCH',
      productType: options.productType,
      patches: [
        {
          op: 'replace',
          path: '/attributes/purchasable_offer',
          value: [
            {
              marketplace_id: options.marketplaceId,
              currency: o.price.currency,
              our_price: [
                { schedule: [{ value_with_tax: Number(formatMinor(o.price.itemPrice, o.price.currency)) }] },
              ],
            },
          ],
        },
        {
          op: 'replace',
          path: '/attributes/fulfillment_availability',
          value: [
            {
              fulfillment_channel_code: 'DEFAULT',
              quantity: o.quantity,
              ...(o.product.leadTimeDays === null
                ? {}
                : { lead_time_to_ship_max_days: o.product.leadTimeDays }),
            },
          ],
        },
      ],
    };
  });
  const document = { header: { sellerId: options.sellerId, version: '2.0', issueLocale: 'fr_FR' }, messages };
  return {
    fileName: `listings-${options.at.toISOString().replace(/[:.]/g, '-')}.json`,
    contentType: 'application/json',
    content: utf8(JSON.stringify(document)),
    positions,
    skipped: [],
  };
}
