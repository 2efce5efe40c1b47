import type { RetryReporter } from '../call-log.js';
import { ChannelError } from '../connector.js';
import type { FetchLike, HttpMethod } from '../http.js';
import { type InPlaceRetry, requestThrottled, requestThrottledJson } from '../rate-limit.js';

/**
 * HTTP access to one WooCommerce store's REST API v3 (`<site>/wp-json/wc/v3`). Auth is the REST API
 * consumer key and secret as HTTP basic auth, which WooCommerce accepts only over HTTPS (over plain HTTP
 * it demands OAuth 1.0a signatures), so a non-HTTPS base URL is refused before anything is sent.
 */
export interface WooClientOptions {
  /** The site root, `https://shop.example`. */
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Called before every request (the shared rate limiter); the operation is `woocommerce.<verb>`. */
  throttle?: (operation: string) => Promise<void>;
  onRetry?: RetryReporter | undefined;
  retry?: InPlaceRetry | undefined;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface WooClient {
  get<T>(operation: string, path: string, query?: Record<string, QueryValue>): Promise<T>;
  /** GET that also returns `X-WP-TotalPages`. */
  getPage<T>(
    operation: string,
    path: string,
    query: Record<string, QueryValue>,
  ): Promise<{ body: T; totalPages: number }>;
  send<T>(operation: string, method: HttpMethod, path: string, body: unknown): Promise<T>;
}

export function createWooClient(options: WooClientOptions): WooClient {
  const site = options.baseUrl.replace(/\/+$/, '');
  const http = {
    channel: 'woocommerce',
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    throttle: options.throttle,
    onRetry: options.onRetry,
    ...options.retry,
  };
  const auth = `Basic ${Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64')}`;
  const headers = { authorization: auth };

  function url(path: string, query: Record<string, QueryValue> = {}): string {
    if (!site.startsWith('https://')) {
      throw new ChannelError(
        'woocommerce base URL must start with https:// (basic auth would expose the consumer secret)',
        'woocommerce_insecure_url',
        false,
      );
    }
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) params.set(key, String(value));
    }
    const qs = params.toString();
    return `${site}/wp-json/wc/v3${path}${qs ? `?${qs}` : ''}`;
  }

  return {
    async get(operation, path, query) {
      const target = url(path, query);
      return requestThrottledJson(
        { method: 'GET', url: target, headers },
        { ...http, operation: `woocommerce.${operation}` },
      );
    },
    async getPage(operation, path, query) {
      const target = url(path, query);
      const res = await requestThrottled(
        { method: 'GET', url: target, headers },
        { ...http, operation: `woocommerce.${operation}` },
      );
      const text = await res.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ChannelError(
          `woocommerce GET ${path} answered a body that is not JSON`,
          'channel_bad_response',
          true,
        );
      }
      const totalPages = Number(res.headers.get('x-wp-totalpages') ?? '1');
      return { body: body as never, totalPages: Number.isFinite(totalPages) ? totalPages : 1 };
    },
    async send(operation, method, path, body) {
      const target = url(path);
      return requestThrottledJson(
        { method, url: target, headers, json: body },
        { ...http, operation: `woocommerce.${operation}` },
      );
    },
  };
}
