import { ChannelError } from '../connector.js';
import type { FeedFileToSend, FeedUploadResult } from '../feed-delivery.js';
import type { EbayClient } from './client.js';

/**
 * Sends an `ebay-bulk` feed: the stored bodies of bulkUpdatePriceQuantity (Sell Inventory,
 * `POST /sell/inventory/v1/bulk_update_price_quantity`, at most 25 SKUs a call), one call each. eBay
 * answers each call with a status per SKU / offer (`BulkPriceQuantityResponse.responses`, 200 or 207),
 * so the run's report is every call's `responses` together. A call refused as a whole (400) puts its
 * message on each SKU it carried; a passing failure (429, 5xx, timeout) is thrown for the queue to retry
 * the run: every call sets absolute prices and quantities, so sending the earlier calls again is harmless.
 */

const maxRequests = 25;

interface PriceQuantityResponse {
  sku?: string;
  offerId?: string;
  statusCode?: number;
  errors?: { errorId?: number; message?: string }[];
  warnings?: unknown[];
}

export async function sendEbayBulkFeed(client: EbayClient, file: FeedFileToSend): Promise<FeedUploadResult> {
  if (file.format !== 'ebay-bulk')
    throw new ChannelError(`ebay takes bulk price/quantity feeds, not ${file.format}`, 'feed_format', false);
  const requests = readRequests(file.content);
  const responses: PriceQuantityResponse[] = [];
  for (let i = 0; i < requests.length; i += maxRequests) {
    const chunk = requests.slice(i, i + maxRequests);
    try {
      const { body } = await client.call<{ responses?: PriceQuantityResponse[] }>({
        operation: 'bulkUpdatePriceQuantity',
        method: 'POST',
        path: '/sell/inventory/v1/bulk_update_price_quantity',
        json: { requests: chunk },
      });
      responses.push(...(body?.responses ?? []));
    } catch (err) {
      if (!(err instanceof ChannelError) || err.code !== 'channel_rejected') throw err;
      for (const r of chunk)
        responses.push({ sku: r.sku, statusCode: err.status ?? 400, errors: [{ message: err.message }] });
    }
  }
  return { kind: 'report', report: JSON.stringify({ responses }) };
}

function readRequests(content: Uint8Array): { sku: string }[] {
  try {
    const bodies = JSON.parse(new TextDecoder().decode(content)) as { requests?: { sku: string }[] }[];
    return bodies.flatMap((b) => b.requests ?? []);
  } catch {
    throw new ChannelError(
      'the stored eBay feed is not the JSON it was written as',
      'feed_unreadable',
      false,
    );
  }
}
