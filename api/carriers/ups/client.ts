import { basicAuth, carrierJson, type FetchLike } from '../http.js';

export interface UpsConfig {
  /** `https://onlinetools.ups.com` (production) or `https://wwwcie.ups.com` (test). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The six-character UPS account (shipper) number. */
  accountNumber: string;
  /** Ship API version path segment. */
  version?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  now?: () => number;
}

type Json = Record<string, any>;

/**
 * UPS over OAuth client credentials: the token (Basic client id:secret, form grant) is cached until a
 * minute before it expires. Every call carries a transId for UPS's support to find it.
 */
export function createUpsClient(config: UpsConfig) {
  const base = config.baseUrl.replace(/\/$/, '');
  const version = config.version ?? 'v2409';
  const http = { carrier: 'ups', fetch: config.fetch, timeoutMs: config.timeoutMs };
  const now = config.now ?? Date.now;
  let token: { value: string; expiresAt: number } | null = null;
  let transaction = 0;

  async function bearer(): Promise<string> {
    if (token && token.expiresAt > now()) return token.value;
    const body = await carrierJson<Json>(
      {
        method: 'POST',
        url: `${base}/security/v1/oauth/token`,
        headers: {
          authorization: basicAuth(config.clientId, config.clientSecret),
          'content-type': 'application/x-www-form-urlencoded',
          'x-merchant-id': config.accountNumber,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
      },
      http,
    );
    const seconds = Number(body?.expires_in ?? 0);
    token = { value: String(body?.access_token ?? ''), expiresAt: now() + Math.max(0, seconds - 60) * 1000 };
    return token.value;
  }
  async function headers(): Promise<Record<string, string>> {
    transaction += 1;
    return {
      authorization: `Bearer ${await bearer()}`,
      transId: `shipdesk-${now().toString(36)}-${transaction}`.slice(0, 32),
      transactionSrc: 'shipdesk',
    };
  }

  return {
    accountNumber: config.accountNumber,
    async ship(body: Json): Promise<Json> {
      return carrierJson(
        {
          method: 'POST',
          url: `${base}/api/shipments/${version}/ship`,
          headers: await headers(),
          json: body,
        },
        http,
      );
    },
    async void(shipmentId: string): Promise<Json> {
      const url = `${base}/api/shipments/${version}/void/cancel/${encodeURIComponent(shipmentId)}`;
      return carrierJson(
        { method: 'DELETE', url, headers: { ...(await headers()), shipperNumber: config.accountNumber } },
        http,
      );
    },
    async recoverLabel(body: Json): Promise<Json> {
      return carrierJson(
        {
          method: 'POST',
          url: `${base}/api/labels/${version}/recovery`,
          headers: await headers(),
          json: body,
        },
        http,
      );
    },
    async track(trackingNumber: string): Promise<Json> {
      const url = `${base}/api/track/v1/details/${encodeURIComponent(trackingNumber)}?locale=en_US`;
      return carrierJson({ method: 'GET', url, headers: await headers() }, http);
    },
    async trackByReference(reference: string): Promise<Json> {
      const query = new URLSearchParams({ locale: 'en_US', shipperNum: config.accountNumber });
      const url = `${base}/api/track/v1/reference/details/${encodeURIComponent(reference)}?${query}`;
      return carrierJson({ method: 'GET', url, headers: await headers() }, http);
    },
  };
}

export type UpsClient = ReturnType<typeof createUpsClient>;
