import { basicAuth, carrierBytes, carrierJson, type FetchLike } from '../http.js';

export interface DhlParcelDeConfig {
  /** `https://api-eu.dhl.com/parcel/de/shipping/v2` (or the sandbox). */
  baseUrl: string;
  apiKey: string;
  /** The business customer portal user (Basic auth). */
  user: string;
  password: string;
  /** 14-character billing number (EKP + procedure + participation) per product code. */
  billingNumbers: Record<string, string>;
  /** User group profile; DHL's default is STANDARD_GRUPPENPROFIL. */
  profile?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

type Json = Record<string, any>;

/** Parcel DE Shipping v2: API key header plus Basic auth on every call except the label download. */
export function createDhlParcelDeClient(config: DhlParcelDeConfig) {
  const base = config.baseUrl.replace(/\/$/, '');
  const http = { carrier: 'dhl_parcel_de', fetch: config.fetch, timeoutMs: config.timeoutMs };
  const headers = { 'dhl-api-key': config.apiKey, authorization: basicAuth(config.user, config.password) };
  return {
    profile: config.profile ?? 'STANDARD_GRUPPENPROFIL',
    orders(
      body: Json,
      query: { validate?: boolean; docFormat: 'PDF' | 'ZPL2'; includeDocs: 'include' | 'URL' },
    ) {
      const params = new URLSearchParams({
        docFormat: query.docFormat,
        includeDocs: query.includeDocs,
        ...(query.validate ? { validate: 'true' } : {}),
      });
      return carrierJson<Json>(
        { method: 'POST', url: `${base}/orders?${params}`, headers, json: body },
        http,
      );
    },
    /** The label URL DHL returned; it carries its own token and takes no credentials. */
    download(url: string): Promise<Uint8Array> {
      return carrierBytes({ method: 'GET', url, headers: { accept: 'application/pdf' } }, http);
    },
    cancel(shipmentNumbers: string[]) {
      const params = new URLSearchParams({ profile: config.profile ?? 'STANDARD_GRUPPENPROFIL' });
      for (const n of shipmentNumbers) params.append('shipment', n);
      return carrierJson<Json>({ method: 'DELETE', url: `${base}/orders?${params}`, headers }, http);
    },
  };
}

export type DhlParcelDeClient = ReturnType<typeof createDhlParcelDeClient>;
