import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Shopify signs each webhook with the app's client secret: `X-Shopify-Hmac-Sha256` is the base64
 * HMAC-SHA256 of the raw request body. The body must be the bytes as received (re-serialised JSON would
 * not match), and the comparison is constant-time so the signature cannot be guessed byte by byte.
 */
export function verifyShopifyWebhook(
  rawBody: string | Uint8Array,
  hmacHeader: string | null | undefined,
  secret: string,
): boolean {
  if (!hmacHeader || !secret) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(hmacHeader.trim(), 'base64');
  // A header that is not 32 bytes of base64 cannot match; timingSafeEqual requires equal lengths.
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

/** Signs a body the way Shopify does (for the fake and the tests). */
export function signShopifyWebhook(rawBody: string | Uint8Array, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** Topics after which the order list may have changed, so a pull is worth queueing. */
export function isOrderTopic(topic: string | null | undefined): boolean {
  return typeof topic === 'string' && /^orders\//.test(topic);
}
