import { CarrierError } from '../carrier.js';
import { basicAuth, carrierBytes, carrierJson, type FetchLike } from '../http.js';
import type { ScAnnounceRequest, ScShipment, ScTracking } from './wire.js';

export interface SendcloudConfig {
  /** `https://panel.sendcloud.sc/api/v3` in production. */
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

/** Sendcloud v3 over HTTP Basic (public key : secret key). */
export function createSendcloudClient(config: SendcloudConfig) {
  const base = config.baseUrl.replace(/\/$/, '');
  const http = { carrier: 'sendcloud', fetch: config.fetch, timeoutMs: config.timeoutMs };
  const authorization = basicAuth(config.publicKey, config.secretKey);
  const headers = { authorization };
  return {
    async announce(body: ScAnnounceRequest): Promise<{ data?: ScShipment }> {
      try {
        return await carrierJson(
          { method: 'POST', url: `${base}/shipments/announce`, headers, json: body },
          http,
        );
      } catch (err) {
        // external_reference_id is unique per account: 409 means this booking exists already.
        if (err instanceof CarrierError && err.status === 409)
          throw new CarrierError(err.message, 'carrier_duplicate', false, false, 409);
        throw err;
      }
    },
    find(query: {
      external_reference_id?: string;
      tracking_number?: string;
    }): Promise<{ data?: ScShipment[] }> {
      const params = new URLSearchParams(query as Record<string, string>);
      return carrierJson({ method: 'GET', url: `${base}/shipments?${params}`, headers }, http);
    },
    label(parcelId: number, format: 'pdf' | 'zpl'): Promise<Uint8Array> {
      const accept = format === 'zpl' ? 'application/zpl' : 'application/pdf';
      return carrierBytes(
        {
          method: 'GET',
          url: `${base}/parcels/${parcelId}/documents/label`,
          headers: { ...headers, accept },
        },
        http,
      );
    },
    cancel(shipmentId: string): Promise<{ data?: { status?: string; message?: string } }> {
      return carrierJson(
        { method: 'POST', url: `${base}/shipments/${encodeURIComponent(shipmentId)}/cancel`, headers },
        http,
      );
    },
    track(trackingNumber: string): Promise<ScTracking> {
      return carrierJson(
        { method: 'GET', url: `${base}/parcels/tracking/${encodeURIComponent(trackingNumber)}`, headers },
        http,
      );
    },
  };
}

export type SendcloudClient = ReturnType<typeof createSendcloudClient>;
