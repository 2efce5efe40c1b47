import { createHash } from 'node:crypto';
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

/** One token endpoint + credentials: its current token and the refresh under way, if any. */
interface SharedToken {
  cached: { token: string; expiresAt: number } | null;
  inFlight: Promise<string> | null;
}

/**
 * Tokens shared by every source built in this process for the same endpoint and credentials. A
 * connector is built per job, so without it every push would fetch a token of its own (Octopia allows
 * 500 an hour). Kept per transport, so tests that route to separate fakes never see each other's tokens.
 */
const sharedTokens = new WeakMap<object, Map<string, SharedToken>>();
const defaultTransport = {};

function sharedTokenFor(request: OAuthTokenRequest): SharedToken {
  const transport = request.fetch ?? defaultTransport;
  let byKey = sharedTokens.get(transport);
  if (!byKey) {
    byKey = new Map();
    sharedTokens.set(transport, byKey);
  }
  // A digest, so the map holds no credential in the clear.
  const key = createHash('sha256')
    .update(JSON.stringify([request.url, request.form, request.headers ?? {}]))
    .digest('hex');
  let entry = byKey.get(key);
  if (!entry) {
    entry = { cached: null, inFlight: null };
    byKey.set(key, entry);
  }
  return entry;
}

/**
 * An OAuth2 access token from a form-encoded token endpoint (`{ access_token, expires_in }`), cached until
 * shortly before it expires and refreshed once for every concurrent caller together — channels cap token
 * requests, and a burst of workers must not each fetch one.
 */
export function createOAuthTokenSource(request: OAuthTokenRequest): TokenSource {
  const now = request.now ?? Date.now;
  const shared = sharedTokenFor(request);

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
    shared.cached = {
      token: body.access_token,
      expiresAt: now() + body.expires_in * 1000 - request.expiryMarginMs,
    };
    return body.access_token;
  }

  return {
    async get() {
      if (shared.cached && shared.cached.expiresAt > now()) return shared.cached.token;
      shared.inFlight ??= refresh().finally(() => {
        shared.inFlight = null;
      });
      return shared.inFlight;
    },
    invalidate() {
      shared.cached = null;
    },
  };
}
