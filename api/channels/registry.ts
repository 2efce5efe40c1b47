import type { ConnectorFactory } from '../deps.js';
import { createAmazonConnector } from './amazon/connector.js';
import type { ChannelConnector } from './connector.js';
import { createEbayConnector } from './ebay/connector.js';
import type { FetchLike } from './http.js';
import { createMiraklConnector } from './mirakl/connector.js';
import { amazonRates, type DbRateLimiter, ebayRates } from './rate-limit.js';
import { createShopifyConnector } from './shopify/connector.js';
import { createWooCommerceConnector } from './woocommerce/connector.js';

/**
 * Channel type → connector. A new marketplace is a new folder under api/channels and one line here.
 * `fetch` is injectable so tests can route a connector to an in-process fake.
 */
export function createConnectorFactory(
  fetchImpl?: FetchLike,
  // The shared, database-backed limiter; without it connectors run unthrottled (tests).
  options: { rateLimiter?: DbRateLimiter } = {},
): ConnectorFactory {
  return (channel): ChannelConnector => {
    const settings = channel.settings;
    const credentials = (channel.credentials ?? {}) as Record<string, string>;
    switch (channel.type) {
      case 'amazon':
        return createAmazonConnector({
          endpoint: String(settings.endpoint),
          clientId: String(credentials.clientId),
          clientSecret: String(credentials.clientSecret),
          refreshToken: String(credentials.refreshToken),
          sellerId: String(settings.sellerId),
          marketplaceId: String(settings.marketplaceId),
          ...(fetchImpl ? { fetch: fetchImpl } : {}),
          ...(options.rateLimiter?.forAccount(channel.id, amazonRates) ?? {}),
        });
      case 'ebay':
        return createEbayConnector({
          apiBase: String(settings.apiBase ?? 'https://api.ebay.com'),
          clientId: String(credentials.clientId),
          clientSecret: String(credentials.clientSecret),
          refreshToken: String(credentials.refreshToken),
          ...(fetchImpl ? { fetch: fetchImpl } : {}),
          ...(options.rateLimiter?.forAccount(channel.id, ebayRates) ?? {}),
        });
      case 'mirakl':
        return createMiraklConnector({
          baseUrl: String(settings.baseUrl),
          apiKey: String(credentials.apiKey),
          shopId: (settings.shopId as string | undefined) ?? null,
          ...(fetchImpl ? { fetch: fetchImpl } : {}),
        });
      case 'shopify':
        return createShopifyConnector({
          baseUrl: String(settings.baseUrl),
          accessToken: String(credentials.accessToken),
          apiSecret: credentials.apiSecret ?? null,
          locationId: (settings.locationId as string | undefined) ?? null,
          ...(fetchImpl ? { fetch: fetchImpl } : {}),
        });
      case 'woocommerce':
        return createWooCommerceConnector({
          baseUrl: String(settings.baseUrl),
          consumerKey: String(credentials.consumerKey),
          consumerSecret: String(credentials.consumerSecret),
          ...(fetchImpl ? { fetch: fetchImpl } : {}),
        });
      default:
        throw new Error(`No connector for channel type ${channel.type}.`);
    }
  };
}
