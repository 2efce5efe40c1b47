import type { RetryReporter } from '../call-log.js';
import type { FetchLike, HttpMethod } from '../http.js';
import { type InPlaceRetry, requestThrottled, requestThrottledJson } from '../rate-limit.js';

/**
 * HTTP access to one Mirakl seller API. The spec's security scheme `Shop-API-Key` is an apiKey in the
 * `Authorization` header holding the bare key (no "Bearer" prefix). Every seller operation takes an
 * optional `shop_id` query parameter for users with access to several shops.
 */
export interface MiraklClientOptions {
  baseUrl: string;
  apiKey: string;
  shopId?: number | string | null;
  fetch?: FetchLike;
  timeoutMs?: number;
  onRetry?: RetryReporter | undefined;
  retry?: InPlaceRetry | undefined;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface MiraklClient {
  get<T>(path: string, query?: Record<string, QueryValue>): Promise<T>;
  /** A GET whose answer is a file (OF03's error report), as text. */
  getText(path: string, query?: Record<string, QueryValue>): Promise<string>;
  put<T>(path: string, body?: unknown): Promise<T>;
  postMultipart<T>(path: string, form: FormData): Promise<T>;
}

export function createMiraklClient(options: MiraklClientOptions): MiraklClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const http = {
    channel: 'mirakl',
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    onRetry: options.onRetry,
    ...options.retry,
  };
  const headers = { authorization: options.apiKey };

  function url(path: string, query: Record<string, QueryValue> = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) params.set(key, String(value));
    }
    if (options.shopId !== undefined && options.shopId !== null)
      params.set('shop_id', String(options.shopId));
    const qs = params.toString();
    return `${base}${path}${qs ? `?${qs}` : ''}`;
  }

  function send<T>(method: HttpMethod, path: string, extra: { json?: unknown; body?: BodyInit }, query = {}) {
    // Mirakl names operations (OR11…) only in its documentation: the method and path name them here.
    return requestThrottledJson<T>(
      { method, url: url(path, query), headers, ...extra },
      { ...http, operation: `${method} ${path}` },
    );
  }

  return {
    get: (path, query) => send('GET', path, {}, query),
    getText: async (path, query) => {
      const res = await requestThrottled(
        { method: 'GET', url: url(path, query), headers: { ...headers, accept: '*/*' } },
        { ...http, operation: `GET ${path}` },
      );
      return res.text();
    },
    put: (path, body) => send('PUT', path, body === undefined ? {} : { json: body }),
    postMultipart: (path, form) => send('POST', path, { body: form }),
  };
}
