import { bookWithReadBack } from '../book-with-read-back.js';
import {
  type CarrierAdapter,
  CarrierError,
  type CarrierShipmentRequest,
  type CreatedCarrierShipment,
} from '../carrier.js';
import { createDhlParcelDeClient, type DhlParcelDeClient, type DhlParcelDeConfig } from './client.js';
import { checkedShipmentNo, itemProblems, toOrderRequest } from './mapper.js';

type Json = Record<string, any>;

export interface DhlParcelDeAdapter extends CarrierAdapter {
  /** DHL's validate-only mode: the same POST /orders with validate=true books nothing, returns no label. */
  validate(request: CarrierShipmentRequest): Promise<void>;
}

/**
 * DHL Parcel DE Shipping v2. The API has no idempotency key and no search by reference (GET /orders
 * takes shipment numbers only), so after a timeout the retry books again: see README.
 */
export function createDhlParcelDeAdapter(
  config: DhlParcelDeConfig & { retryDelayMs?: number },
): DhlParcelDeAdapter {
  const client = createDhlParcelDeClient(config);
  const body = (request: CarrierShipmentRequest) =>
    toOrderRequest(request, { profile: client.profile, billingNumbers: config.billingNumbers });
  return {
    code: 'dhl_parcel_de',
    name: 'DHL Paket',
    labelFormats: ['pdf', 'zpl'],
    canTrack: false,
    async validate(request) {
      const answer = await client.orders(body(request), {
        validate: true,
        docFormat: 'PDF',
        includeDocs: 'URL',
      });
      const problems = itemProblems(answer);
      if (problems)
        throw new CarrierError(`DHL refuses the shipment: ${problems}`, 'carrier_rejected', false);
    },
    async createShipment(request) {
      const json = body(request);
      return bookWithReadBack({
        book: async () => {
          const zpl = request.labelFormat === 'zpl';
          const answer = await client.orders(json, {
            docFormat: zpl ? 'ZPL2' : 'PDF',
            includeDocs: zpl ? 'include' : 'URL',
          });
          return toCreated(client, answer, zpl);
        },
        delayMs: () => config.retryDelayMs ?? 250,
      });
    },
    async cancel(target) {
      const numbers = (
        'carrierShipmentId' in target ? target.carrierShipmentId : target.trackingNumber
      ).split(',');
      const answer = await client.cancel(numbers);
      const problems = itemProblems(answer);
      if (problems) throw new CarrierError(`DHL did not cancel: ${problems}`, 'carrier_rejected', false);
    },
    async track() {
      throw new CarrierError(
        'DHL Parcel DE Shipping has no tracking call; DHL tracking is a separate API this system does not use yet.',
        'carrier_capability_missing',
        false,
      );
    },
  };
}

async function toCreated(
  client: DhlParcelDeClient,
  answer: Json,
  zpl: boolean,
): Promise<CreatedCarrierShipment> {
  const problems = itemProblems(answer);
  if (problems) throw new CarrierError(`DHL refuses the shipment: ${problems}`, 'carrier_rejected', false);
  const items = (answer?.items ?? []) as Json[];
  if (items.length === 0)
    throw new CarrierError('DHL answered without shipments.', 'carrier_bad_response', true);
  const parcels: CreatedCarrierShipment['parcels'] = [];
  for (const item of items) {
    const trackingNumber = checkedShipmentNo(item.shipmentNo);
    const bytes = zpl
      ? new TextEncoder().encode(String(item.label?.zpl2 ?? ''))
      : item.label?.url
        ? await client.download(String(item.label.url))
        : new Uint8Array(Buffer.from(String(item.label?.b64 ?? ''), 'base64'));
    parcels.push({ trackingNumber, label: { format: zpl ? 'zpl' : 'pdf', bytes } });
  }
  return { carrierShipmentId: parcels.map((p) => p.trackingNumber).join(','), parcels };
}
