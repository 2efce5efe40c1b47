import type { CancelReason } from '../connector.js';
import type { AmazonClient } from './client.js';

/**
 * Seller cancellation on Amazon is not in Orders v0: it is an order acknowledgement with StatusCode
 * "Failure" sent through the Feeds API 2021-06-30 (feed type POST_ORDER_ACKNOWLEDGEMENT_DATA, XML per
 * Amazon's OrderAcknowledgement.xsd). Built from Amazon's Feeds API reference and feed type guide (no
 * spec file ships for them): create a feed document, PUT the XML to its pre-signed URL, create the feed.
 * An item is cancelled whole: the acknowledgement has no quantity.
 */

const REASONS: Record<CancelReason, string> = {
  out_of_stock: 'NoInventory',
  buyer_request: 'BuyerCanceled',
  address_undeliverable: 'ShippingAddressUndeliverable',
  other: 'GeneralAdjustment',
};

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function buildCancellationXml(
  merchantId: string,
  amazonOrderId: string,
  items: { orderItemId: string; reason: CancelReason }[],
): string {
  const itemXml = items
    .map(
      (i) =>
        `<Item><AmazonOrderItemCode>${escapeXml(i.orderItemId)}</AmazonOrderItemCode>` +
        `<CancelReason>${REASONS[i.reason]}</CancelReason></Item>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">' +
    `<Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>${escapeXml(merchantId)}</MerchantIdentifier></Header>` +
    '<MessageType>OrderAcknowledgement</MessageType>' +
    `<Message><MessageID>1</MessageID><OrderAcknowledgement><AmazonOrderID>${escapeXml(amazonOrderId)}</AmazonOrderID>` +
    `<StatusCode>Failure</StatusCode>${itemXml}</OrderAcknowledgement></Message></AmazonEnvelope>`
  );
}

const XML_TYPE = 'text/xml; charset=UTF-8';

/** Submits one feed; resolves with Amazon's feed id (processing is asynchronous at Amazon). */
export async function submitFeed(
  client: AmazonClient,
  input: { feedType: string; marketplaceId: string; content: string },
): Promise<string> {
  const doc = await client.call<{ feedDocumentId: string; url: string }>({
    operation: 'createFeedDocument',
    method: 'POST',
    path: '/feeds/2021-06-30/documents',
    json: { contentType: XML_TYPE },
  });
  await client.upload(doc.url, XML_TYPE, input.content);
  const feed = await client.call<{ feedId: string }>({
    operation: 'createFeed',
    method: 'POST',
    path: '/feeds/2021-06-30/feeds',
    json: {
      feedType: input.feedType,
      marketplaceIds: [input.marketplaceId],
      inputFeedDocumentId: doc.feedDocumentId,
    },
  });
  return feed.feedId;
}
