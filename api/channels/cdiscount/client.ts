import type { RetryReporter } from '../call-log.js';
import { ChannelError } from '../connector.js';
import type { FetchLike, HttpMethod } from '../http.js';
import { type InPlaceRetry, requestThrottledJson } from '../rate-limit.js';
import { createOctopiaTokenSource } from './auth.js';

/**
 * HTTP access to the Octopia seller API v2 (`https://api.octopia-io.net/seller/v2`) for one seller: a
 * bearer token from the client-credentials flow and the `SellerId` header on every call. A 401 drops
 * the cached token and the call is made once more with a fresh one (Octopia may revoke tokens early).
 */
export interface CdiscountClientOptions {
  /** https://api.octopia-io.net/seller/v2 */
  apiBase: string;
  /** https://auth.octopia-io.net */
  authBase: string;
  clientId: string;
  clientSecret: string;
  sellerId: string;
  fetch?: FetchLike | undefined;
  timeoutMs?: number | undefined;
  /** Awaited before every request (the shared rate limiter); the operation is `cdiscount.<verb>`. */
  throttle?: ((operation: string) => Promise<void>) | undefined;
  onRetry?: RetryReporter | undefined;
  retry?: InPlaceRetry | undefined;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface CdiscountClient {
  get<T>(operation: string, path: string, query?: Record<string, QueryValue>): Promise<T>;
  send<T>(operation: string, method: HttpMethod, path: string, body: unknown): Promise<T>;
}

export function createCdiscountClient(options: CdiscountClientOptions): CdiscountClient {
  const base = options.apiBase.replace(/\/+$/, '');
  const http = { channel: 'cdiscount', fetch: options.fetch, timeoutMs: options.timeoutMs };
  const tokens = createOctopiaTokenSource(options);

  function url(path: string, query: Record<string, QueryValue> = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) params.set(key, String(value));
    }
    const qs = params.toString();
    return `${base}${path}${qs ? `?${qs}` : ''}`;
  }

  async function call<T>(operation: string, method: HttpMethod, target: string, body?: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const headers = { authorization: `Bearer ${await tokens.get()}`, sellerid: options.sellerId };
      try {
        return await requestThrottledJson<T>(
          { method, url: target, headers, ...(body === undefined ? {} : { json: body }) },
          {
            ...http,
            operation: `cdiscount.${operation}`,
            throttle: options.throttle,
            onRetry: options.onRetry,
            ...options.retry,
          },
        );
      } catch (err) {
        // A 401 is a refusal before processing: safe to repeat once with a new token, even for a write.
        if (attempt === 0 && err instanceof ChannelError && err.status === 401) {
          options.onRetry?.({
            operation: `cdiscount.${operation}`,
            reason: err.code,
            status: 401,
            waitMs: 0,
            attempt: 1,
          });
          tokens.invalidate();
          continue;
        }
        throw err;
      }
    }
  }

  return {
    get: (operation, path, query) => call(operation, 'GET', url(path, query)),
    send: (operation, method, path, body) => call(operation, method, url(path), body),
  };
}
