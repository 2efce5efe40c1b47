import { createHmac, randomUUID } from 'node:crypto';
import type { FakeOrder } from './store.js';

/**
 * Webhook deliveries carry the REST representation of the resource (snake_case, numeric ids) and four
 * headers; `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the body with the app's client secret.
 */
export function signedWebhook(order: FakeOrder, topic: string, shopDomain: string, secret: string) {
  const numericId = Number(order.id.slice(order.id.lastIndexOf('/') + 1));
  const body = JSON.stringify({
    id: numericId,
    admin_graphql_api_id: order.id,
    name: order.name,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    currency: order.currency,
    total_price: order.totalPrice,
    line_items: order.lineItems.map((l) => ({
      id: Number(l.id.slice(l.id.lastIndexOf('/') + 1)),
      sku: l.sku,
      quantity: l.quantity,
      price: l.unitPrice,
    })),
  });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64'),
      'x-shopify-shop-domain': shopDomain,
      'x-shopify-api-version': '2025-01',
      'x-shopify-webhook-id': randomUUID(),
    },
  };
}
