import { ChannelError } from './connector.js';
import { type FetchLike, requestJson } from './http.js';

export interface TokenSource {
  get(): Promise<string>;
  /** Drops the cached token (after a 401: revoked or expired earlier than announced). */
  invalidate(): void;
}

export interface OAuthTokenRequest {
  /** Full token endpoint URL. */
  url: string;
  /** Form fields (grant_type, client id/secret or refresh token, scope…). */
  form: Record<string, string>;
  /** Extra headers, e.g. HTTP Basic client authentication. */
  headers?: Record<string, string>;
  /** Names the channel in errors (never a secret). */
  channel: string;
  fetch?: FetchLike | undefined;
  timeoutMs?: number | undefined;
  /** Refresh this long before the announced expiry, so a token never dies on its way. */
  expiryMarginMs: number;
  now?: () => number;
}

/**
 * An OAuth2 access token from a form-encoded token endpoint (`{ access_token, expires_in }`), cached until
 * shortly before it expires and refreshed once for every concurrent caller together — channels cap token
 * requests, and a burst of workers must not each fetch one.
 */
export function createOAuthTokenSource(request: OAuthTokenRequest): TokenSource {
  const now = request.now ?? Date.now;
  let cached: { token: string; expiresAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function refresh(): Promise<string> {
    const body = await requestJson<{ access_token?: unknown; expires_in?: unknown }>(
      {
        method: 'POST',
        url: request.url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...request.headers },
        body: new URLSearchParams(request.form).toString(),
      },
      { channel: request.channel, fetch: request.fetch, timeoutMs: request.timeoutMs },
    );
    if (typeof body?.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new ChannelError(
        `${request.channel} token endpoint answered without access_token/expires_in`,
        `${request.channel.split('-')[0]}_bad_token`,
        true,
      );
    }
    cached = { token: body.access_token, expiresAt: now() + body.expires_in * 1000 - request.expiryMarginMs };
    return body.access_token;
  }

  return {
    async get() {
      if (cached && cached.expiresAt > now()) return cached.token;
      inFlight ??= refresh().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    invalidate() {
      cached = null;
    },
  };
}
