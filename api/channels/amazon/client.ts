import type { RetryReporter } from '../call-log.js';
import { ChannelError } from '../connector.js';
import type { FetchLike, HttpMethod } from '../http.js';
import { type InPlaceRetry, type RateSignalHook, requestThrottled, type Throttle } from '../rate-limit.js';
import { createLwaTokenSource, createRdtCache, type RestrictedResource } from './auth.js';

/**
 * HTTP access to one seller's SP-API region endpoint. Every call names its operation (the rate-limit
 * bucket), carries `x-amz-access-token` (the LWA token, or a Restricted Data Token for PII), and reports
 * `x-amzn-RateLimit-Limit` and 429s back to the limiter.
 */
export interface AmazonClientOptions {
  /** https://sellingpartnerapi-eu.amazon.com */
  endpoint: string;
  lwaEndpoint: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  fetch?: FetchLike | undefined;
  timeoutMs?: number | undefined;
  throttle?: Throttle | undefined;
  onRateSignal?: RateSignalHook | undefined;
  now?: () => number;
  /** How long a 429's Retry-After may be slept through in place. */
  maxInlineWaitMs?: number | undefined;
  onRetry?: RetryReporter | undefined;
  retry?: InPlaceRetry | undefined;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface AmazonCall {
  operation: string;
  method: HttpMethod;
  path: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  /** Call with a Restricted Data Token for this resource instead of the LWA token. */
  restricted?: RestrictedResource;
  timeoutMs?: number;
}

export interface AmazonClient {
  call<T>(call: AmazonCall): Promise<T>;
  /** A plain PUT to a pre-signed URL (feed document upload): no SP-API token goes there. */
  upload(url: string, contentType: string, body: string): Promise<void>;
}

export function createAmazonClient(options: AmazonClientOptions): AmazonClient {
  const base = options.endpoint.replace(/\/+$/, '');
  const lwa = createLwaTokenSource(options);
  const http = {
    channel: 'amazon',
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    throttle: options.throttle,
    onRateSignal: options.onRateSignal,
    rateHeader: 'x-amzn-ratelimit-limit',
    maxInlineWaitMs: options.maxInlineWaitMs,
    onRetry: options.onRetry,
    ...options.retry,
  };

  function url(path: string, query: Record<string, QueryValue> = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) params.set(key, String(value));
    }
    const qs = params.toString();
    return `${base}${path}${qs ? `?${qs}` : ''}`;
  }

  async function send<T>(call: AmazonCall, token: string): Promise<T> {
    const res = await requestThrottled(
      {
        method: call.method,
        url: url(call.path, call.query),
        headers: { 'x-amz-access-token': token },
        ...(call.json === undefined ? {} : { json: call.json }),
        ...(call.timeoutMs ? { timeoutMs: call.timeoutMs } : {}),
      },
      { ...http, operation: call.operation },
    );
    const text = await res.text();
    if (res.status === 204 || text.trim() === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ChannelError(
        `amazon ${call.operation} answered ${res.status} with a body that is not JSON`,
        'channel_bad_response',
        true,
      );
    }
  }

  const rdt = createRdtCache(async (resource) => {
    const body = await send<{ restrictedDataToken?: unknown; expiresIn?: unknown }>(
      {
        operation: 'createRestrictedDataToken',
        method: 'POST',
        path: '/tokens/2021-03-01/restrictedDataToken',
        json: { restrictedResources: [resource] },
      },
      await lwa.get(),
    );
    if (typeof body?.restrictedDataToken !== 'string' || typeof body.expiresIn !== 'number') {
      throw new ChannelError('amazon Tokens API answered without a token', 'amazon_bad_token', true);
    }
    return { token: body.restrictedDataToken, expiresInSeconds: body.expiresIn };
  }, options.now);

  async function tokenFor(call: AmazonCall): Promise<string> {
    return call.restricted ? rdt.get(call.restricted) : lwa.get();
  }

  return {
    async call<T>(call: AmazonCall): Promise<T> {
      try {
        return await send<T>(call, await tokenFor(call));
      } catch (err) {
        // A token can expire between our clock and Amazon's (SP-API answers 403 for that, LWA-level
        // failures 401): refresh once and try again. Auth failures happen before any write is applied.
        if (!(err instanceof ChannelError) || (err.status !== 401 && err.status !== 403)) throw err;
        options.onRetry?.({
          operation: call.operation,
          reason: err.code,
          status: err.status,
          waitMs: 0,
          attempt: 1,
        });
        lwa.invalidate();
        rdt.clear();
        return send<T>(call, await tokenFor(call));
      }
    },
    async upload(target, contentType, body) {
      await requestThrottled(
        { method: 'PUT', url: target, headers: { 'content-type': contentType }, body },
        {
          channel: 'amazon',
          fetch: options.fetch,
          timeoutMs: options.timeoutMs,
          operation: 'uploadFeedDocument',
        },
      );
    },
  };
}
