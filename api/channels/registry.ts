import type { ConnectorFactory } from '../deps.js';
import type { Logger } from '../logger.js';
import { createAmazonConnector } from './amazon/connector.js';
import { retryLogger, withCallLog } from './call-log.js';
import { createCdiscountConnector } from './cdiscount/connector.js';
import type { ChannelConnector } from './connector.js';
import { createEbayConnector } from './ebay/connector.js';
import type { FetchLike } from './http.js';
import { createManualConnector } from './manual/connector.js';
import { createMiraklConnector } from './mirakl/connector.js';
import {
  amazonRates,
  type DbRateLimiter,
  ebayRates,
  type InPlaceRetry,
  type OperationRate,
} from './rate-limit.js';
import { createShopifyConnector } from './shopify/connector.js';
import { createWooCommerceConnector } from './woocommerce/connector.js';

/**
 * One bucket for every call of a channel account whose limit counts requests, not operations
 * (Shopify, WooCommerce, Octopia): each `<channel>.<operation>` the connector names takes from it.
 */
function sharedBucket(limiter: DbRateLimiter | undefined, account: string, rate: OperationRate) {
  if (!limiter) return {};
  const { throttle } = limiter.forAccount(account, { all: rate });
  return { throttle: (_operation: string) => throttle('all') };
}

/**
 * Shopify's GraphQL Admin API is cost-based (a bucket of query-cost points); the connector already reads
 * `extensions.cost.throttleStatus` and waits for points itself. The shared bucket only keeps every worker
 * together under 2 requests a second (burst 40), the REST-equivalent request rate, so many processes do
 * not all spend the points at once.
 */
const shopifyRate: OperationRate = { ratePerSecond: 2, burst: 40 };
/** Self-hosted stores have no published limit: 5 requests a second unless the channel says otherwise. */
const wooRate = (settings: Record<string, unknown>): OperationRate => {
  const rps = Number(settings.requestsPerSecond);
  const ratePerSecond = Number.isFinite(rps) && rps > 0 ? rps : 5;
  return { ratePerSecond, burst: Math.max(1, Math.ceil(ratePerSecond * 2)) };
};
/** Octopia publishes no per-call limit (only 500 tokens an hour): a conservative 5 requests a second. */
const octopiaRate: OperationRate = { ratePerSecond: 5, burst: 10 };

/**
 * Channel type → connector. A new marketplace is a new folder under api/channels and one line here.
 * `fetch` is injectable so tests can route a connector to an in-process fake.
 */
export function createConnectorFactory(
  fetchImpl?: FetchLike,
  // The shared, database-backed limiter; without it connectors run unthrottled (tests).
  options: {
    rateLimiter?: DbRateLimiter;
    /** Every failed call and every in-place retry is logged through it (call-log.ts). */
    logger?: Logger;
    /** Per-request timeout for every connector (tests shorten it); each client's default otherwise. */
    timeoutMs?: number;
    /** In-place retry waits for every connector (tests shorten them). */
    retry?: InPlaceRetry;
  } = {},
): ConnectorFactory {
  return (channel): ChannelConnector => {
    const connector = build(channel);
    return options.logger ? withCallLog(connector, options.logger, channel) : connector;
  };

  function build(channel: Parameters<ConnectorFactory>[0]): ChannelConnector {
    const settings = channel.settings;
    const credentials = (channel.credentials ?? {}) as Record<string, string>;
    const common = {
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
    };
    const onRetry = options.logger ? { onRetry: retryLogger(options.logger, channel) } : {};
    switch (channel.type) {
      case 'amazon':
        return createAmazonConnector({
          endpoint: String(settings.endpoint),
          // Optional: Login with Amazon elsewhere than https://api.amazon.com (a fake, in the load test).
          ...(settings.lwaEndpoint ? { lwaEndpoint: String(settings.lwaEndpoint) } : {}),
          clientId: String(credentials.clientId),
          clientSecret: String(credentials.clientSecret),
          refreshToken: String(credentials.refreshToken),
          sellerId: String(settings.sellerId),
          marketplaceId: String(settings.marketplaceId),
          ...common,
          ...onRetry,
          ...(options.rateLimiter?.forAccount(channel.id, amazonRates) ?? {}),
        });
      case 'ebay':
        return createEbayConnector({
          apiBase: String(settings.apiBase ?? 'https://api.ebay.com'),
          clientId: String(credentials.clientId),
          clientSecret: String(credentials.clientSecret),
          refreshToken: String(credentials.refreshToken),
          ...common,
          ...onRetry,
          ...(options.rateLimiter?.forAccount(channel.id, ebayRates) ?? {}),
        });
      case 'mirakl':
        return createMiraklConnector({
          baseUrl: String(settings.baseUrl),
          apiKey: String(credentials.apiKey),
          shopId: (settings.shopId as string | undefined) ?? null,
          ...common,
          ...onRetry,
        });
      case 'shopify':
        return createShopifyConnector({
          baseUrl: String(settings.baseUrl),
          accessToken: String(credentials.accessToken),
          apiSecret: credentials.apiSecret ?? null,
          locationId: (settings.locationId as string | undefined) ?? null,
          ...common,
          ...onRetry,
          ...sharedBucket(options.rateLimiter, channel.id, shopifyRate),
        });
      case 'woocommerce':
        return createWooCommerceConnector({
          baseUrl: String(settings.baseUrl),
          consumerKey: String(credentials.consumerKey),
          consumerSecret: String(credentials.consumerSecret),
          ...common,
          ...onRetry,
          ...sharedBucket(options.rateLimiter, channel.id, wooRate(settings)),
        });
      case 'cdiscount':
        return createCdiscountConnector({
          ...(settings.apiBase ? { apiBase: String(settings.apiBase) } : {}),
          ...(settings.authBase ? { authBase: String(settings.authBase) } : {}),
          clientId: String(credentials.clientId),
          clientSecret: String(credentials.clientSecret),
          sellerId: String(settings.sellerId),
          ...(settings.salesChannelId ? { salesChannelId: String(settings.salesChannelId) } : {}),
          ...common,
          ...onRetry,
          ...sharedBucket(options.rateLimiter, channel.id, octopiaRate),
        });
      case 'manual':
        return createManualConnector();
      default:
        throw new Error(`No connector for channel type ${channel.type}.`);
    }
  }
}
