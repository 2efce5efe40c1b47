import type { RetryReporter } from '../call-log.js';
import { ChannelError } from '../connector.js';
import type { FetchLike, HttpMethod } from '../http.js';
import { createOAuthTokenSource } from '../oauth-token.js';
import { type InPlaceRetry, type RateSignalHook, requestThrottled, type Throttle } from '../rate-limit.js';

/**
 * HTTP access to one seller's eBay Sell APIs. Auth is an OAuth User access token minted from the
 * seller's refresh token, built from eBay's "Using a refresh token to update a User access token" page
 * (no spec file covers the identity endpoint): `POST /identity/v1/oauth2/token`, HTTP Basic with
 * client id and secret, form `grant_type=refresh_token&refresh_token=…&scope=…`, answer
 * `{ access_token, expires_in }`. Calls carry `Authorization: Bearer <token>`.
 */
export interface EbayClientOptions {
  /** https://api.ebay.com (the Sell APIs and the identity endpoint share it). */
  apiBase: string;
  identityBase?: string | undefined;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  scopes?: string[] | undefined;
  fetch?: FetchLike | undefined;
  timeoutMs?: number | undefined;
  throttle?: Throttle | undefined;
  onRateSignal?: RateSignalHook | undefined;
  onRetry?: RetryReporter | undefined;
  retry?: InPlaceRetry | undefined;
  now?: () => number;
}

export const DEFAULT_SCOPES = [
  'https://api.ebay.com/oauth/api_scope/sell.fulfillment',
  'https://api.ebay.com/oauth/api_scope/sell.inventory',
];

export interface EbayCall {
  operation: string;
  method: HttpMethod;
  /** Path from the API root, e.g. /sell/fulfillment/v1/order. */
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
}

export interface EbayClient {
  call<T>(call: EbayCall): Promise<{ status: number; body: T }>;
}

const EXPIRY_MARGIN_MS = 60_000;

export function createEbayClient(options: EbayClientOptions): EbayClient {
  const base = options.apiBase.replace(/\/+$/, '');
  const identity = (options.identityBase ?? options.apiBase).replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const tokens = createOAuthTokenSource({
    url: `${identity}/identity/v1/oauth2/token`,
    form: {
      grant_type: 'refresh_token',
      refresh_token: options.refreshToken,
      scope: (options.scopes ?? DEFAULT_SCOPES).join(' '),
    },
    headers: {
      authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`,
    },
    channel: 'ebay-identity',
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    expiryMarginMs: EXPIRY_MARGIN_MS,
    now,
  });
  const token = () => tokens.get();

  async function send<T>(call: EbayCall): Promise<{ status: number; body: T }> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    const res = await requestThrottled(
      {
        method: call.method,
        url: `${base}${call.path}${qs ? `?${qs}` : ''}`,
        headers: { authorization: `Bearer ${await token()}` },
        ...(call.json === undefined ? {} : { json: call.json }),
      },
      {
        channel: 'ebay',
        fetch: options.fetch,
        timeoutMs: options.timeoutMs,
        operation: call.operation,
        throttle: options.throttle,
        onRateSignal: options.onRateSignal,
        onRetry: options.onRetry,
        ...options.retry,
      },
    );
    const text = await res.text();
    if (text.trim() === '') return { status: res.status, body: undefined as T };
    try {
      return { status: res.status, body: JSON.parse(text) as T };
    } catch {
      throw new ChannelError(
        `ebay ${call.operation} answered a body that is not JSON`,
        'channel_bad_response',
        true,
      );
    }
  }

  return {
    async call<T>(call: EbayCall) {
      try {
        return await send<T>(call);
      } catch (err) {
        // eBay answers 401 to an expired or revoked token, before anything is applied: mint once more.
        if (!(err instanceof ChannelError) || err.status !== 401) throw err;
        options.onRetry?.({
          operation: call.operation,
          reason: err.code,
          status: 401,
          waitMs: 0,
          attempt: 1,
        });
        tokens.invalidate();
        return send<T>(call);
      }
    },
  };
}
