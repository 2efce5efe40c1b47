import type { FetchLike } from '../http.js';
import { createOAuthTokenSource, type TokenSource } from '../oauth-token.js';

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

export type { TokenSource };

/** Refresh this long before the announced expiry, so a token never dies on its way to Octopia. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export const TOKEN_PATH = '/auth/realms/maas/protocol/openid-connect/token';

export function createOctopiaTokenSource(options: OctopiaTokenOptions): TokenSource {
  return createOAuthTokenSource({
    url: `${options.authBase.replace(/\/+$/, '')}${TOKEN_PATH}`,
    form: {
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    },
    channel: 'cdiscount-auth',
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    expiryMarginMs: EXPIRY_MARGIN_MS,
    ...(options.now ? { now: options.now } : {}),
  });
}
