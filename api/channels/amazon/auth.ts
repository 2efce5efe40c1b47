import type { FetchLike } from '../http.js';
import { createOAuthTokenSource, type TokenSource } from '../oauth-token.js';

/**
 * Login with Amazon (LWA): SP-API calls carry a short-lived access token obtained with the seller's
 * refresh token. Built from Amazon's "Connecting to the Selling Partner API" guide (no spec file ships
 * for LWA): `POST /auth/o2/token`, form-encoded `grant_type=refresh_token`, answer
 * `{ access_token, token_type, expires_in }`. The token is cached until shortly before it expires and
 * refreshed once by every concurrent caller together.
 */
export interface LwaOptions {
  /** https://api.amazon.com */
  lwaEndpoint: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  fetch?: FetchLike | undefined;
  timeoutMs?: number | undefined;
  now?: () => number;
}

/** Refresh this long before the announced expiry, so a token never dies on the way to Amazon. */
const EXPIRY_MARGIN_MS = 60_000;

export type { TokenSource };

export function createLwaTokenSource(options: LwaOptions): TokenSource {
  return createOAuthTokenSource({
    url: `${options.lwaEndpoint.replace(/\/+$/, '')}/auth/o2/token`,
    form: {
      grant_type: 'refresh_token',
      refresh_token: options.refreshToken,
      client_id: options.clientId,
      client_secret: options.clientSecret,
    },
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    channel: 'amazon-lwa',
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    expiryMarginMs: EXPIRY_MARGIN_MS,
    ...(options.now ? { now: options.now } : {}),
  });
}

/** A restricted resource of the Tokens API: method, path and the kinds of PII wanted. */
export interface RestrictedResource {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  dataElements?: string[];
}

/**
 * Restricted Data Tokens (Tokens API 2021-03-01, built from Amazon's reference and use-case guide: no
 * spec file ships for it). One RDT per resource, cached until it expires like the LWA token.
 */
export function createRdtCache(
  issue: (resource: RestrictedResource) => Promise<{ token: string; expiresInSeconds: number }>,
  now: () => number = Date.now,
) {
  const cache = new Map<string, { token: string; expiresAt: number }>();
  return {
    async get(resource: RestrictedResource): Promise<string> {
      const key = `${resource.method} ${resource.path} ${(resource.dataElements ?? []).join(',')}`;
      const hit = cache.get(key);
      if (hit && hit.expiresAt > now()) return hit.token;
      const issued = await issue(resource);
      cache.set(key, {
        token: issued.token,
        expiresAt: now() + issued.expiresInSeconds * 1000 - EXPIRY_MARGIN_MS,
      });
      return issued.token;
    },
    clear() {
      cache.clear();
    },
  };
}
