import { formatMinor } from '../../../channels/money.js';
import { type FeedFile, type FeedOffer, utf8 } from './feed-file.js';

/** bulkUpdatePriceQuantity takes at most 25 SKUs per call. */
export const ebayMaxRequests = 25;

/**
 * The bodies of the eBay Inventory bulkUpdatePriceQuantity calls, 25 SKUs each, stored as a JSON array.
 * A price needs the published offer's id; an offer without one gets only its SKU's quantity. Shipping
 * is charged by the fulfillment policy, so only the item price is sent.
 */
export function buildEbayBulk(offers: FeedOffer[], options: { at: Date }): FeedFile {
  const positions: FeedFile['positions'] = [];
  const bodies: { requests: unknown[] }[] = [];
  offers.forEach((o, i) => {
    if (i % ebayMaxRequests === 0) bodies.push({ requests: [] });
    positions.push({ position: i + 1, sku: o.product.sku, productId: o.product.productId });
    bodies.at(-1)!.requests.push({
      sku: o.product.sku,
      shipToLocationAvailability: { quantity: o.quantity },
      ...(o.externalId
        ? {
            offers: [
              {
                offerId: o.externalId,
                availableQuantity: o.quantity,
                price: {
                  value: formatMinor(o.price.itemPrice, o.price.currency),
                  currency: o.price.currency,
                },
              },
            ],
          }
        : {}),
    });
  });
  return {
    fileName: `ebay-bulk-${options.at.toISOString().replace(/[:.]/g, '-')}.json`,
    contentType: 'application/json',
    content: utf8(JSON.stringify(bodies)),
    positions,
    skipped: [],
  };
}
