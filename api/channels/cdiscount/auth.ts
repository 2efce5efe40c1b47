import { ChannelError } from '../connector.js';
import { type FetchLike, requestJson } from '../http.js';

/**
 * Octopia's token endpoint (a Keycloak realm): `POST <authBase>/auth/realms/maas/protocol/openid-connect/token`,
 * form-encoded `grant_type=client_credentials`, `client_id`, `client_secret`; the answer carries
 * `access_token` and `expires_in` (two hours). Octopia caps token requests at 500 an hour per client, so
 * the token is cached until shortly before it expires and refreshed once for every concurrent caller.
 */
export interface OctopiaTokenOptions {
  /** https://auth.octopia-io.net */
  authBase: string;
  clientId: string;
  clientSecret: string;
  fetch?: FetchLike | undefined;
  timeoutMs?: number | undefined;
  now?: () => number;
}

export interface TokenSource {
  get(): Promise<string>;
  /** Drops the cached token after a 401 (revoked or expired early). */
  invalidate(): void;
}

/** Refresh this long before the announced expiry, so a token never dies on its way to Octopia. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export const TOKEN_PATH = '/auth/realms/maas/protocol/openid-connect/token';

export function createOctopiaTokenSource(options: OctopiaTokenOptions): TokenSource {
  const now = options.now ?? Date.now;
  let cached: { token: string; expiresAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function refresh(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    });
    const body = await requestJson<{ access_token?: unknown; expires_in?: unknown }>(
      {
        method: 'POST',
        url: `${options.authBase.replace(/\/+$/, '')}${TOKEN_PATH}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      },
      { channel: 'cdiscount-auth', fetch: options.fetch, timeoutMs: options.timeoutMs },
    );
    if (typeof body?.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new ChannelError(
        'cdiscount token endpoint answered without access_token/expires_in',
        'cdiscount_bad_token',
        true,
      );
    }
    cached = { token: body.access_token, expiresAt: now() + body.expires_in * 1000 - EXPIRY_MARGIN_MS };
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
