import { bookWithReadBack } from '../book-with-read-back.js';
import {
  type CarrierAdapter,
  CarrierError,
  type CreatedCarrierShipment,
  idempotencyKeyOf,
} from '../carrier.js';
import { createSendcloudClient, type SendcloudClient, type SendcloudConfig } from './client.js';
import { fromTracking, toAnnounceRequest } from './mapper.js';
import type { ScShipment } from './wire.js';

/**
 * Sendcloud v3: one synchronous announce books every parcel; labels come inline (one parcel) or from the
 * parcel documents endpoint. `external_reference_id` is Sendcloud's idempotency key, so a retry after a
 * timeout either gets 409 or finds the booking through GET /shipments?external_reference_id=….
 */
export function createSendcloudAdapter(config: SendcloudConfig & { retryDelayMs?: number }): CarrierAdapter {
  const client = createSendcloudClient(config);
  return {
    code: 'sendcloud',
    name: 'Sendcloud',
    labelFormats: ['pdf', 'zpl'],
    canTrack: true,
    async createShipment(request) {
      const format = request.labelFormat;
      const key = idempotencyKeyOf(request);
      const body = toAnnounceRequest(request);
      return bookWithReadBack({
        book: async () => toCreated(client, (await client.announce(body)).data, format),
        readBack: async () => {
          const found = (await client.find({ external_reference_id: key })).data?.[0];
          return found ? toCreated(client, found, format) : null;
        },
        delayMs: () => config.retryDelayMs ?? 250,
      });
    },
    async cancel(target) {
      let id = 'carrierShipmentId' in target ? target.carrierShipmentId : null;
      if (!id && 'trackingNumber' in target) {
        id = (await client.find({ tracking_number: target.trackingNumber })).data?.[0]?.id ?? null;
        if (!id)
          throw new CarrierError(
            `Sendcloud knows no parcel ${target.trackingNumber}.`,
            'carrier_not_found',
            false,
          );
      }
      await client.cancel(id as string);
    },
    async track(trackingNumber) {
      return fromTracking(await client.track(trackingNumber));
    },
  };
}

async function toCreated(
  client: SendcloudClient,
  shipment: ScShipment | undefined,
  format: 'pdf' | 'zpl',
): Promise<CreatedCarrierShipment> {
  const parcels = shipment?.parcels ?? [];
  if (
    !shipment?.id ||
    parcels.length === 0 ||
    parcels.some((p) => !p.tracking_number || p.id === undefined)
  ) {
    throw new CarrierError(
      'Sendcloud answered without a shipment id, parcels or tracking numbers.',
      'carrier_bad_response',
      true,
    );
  }
  const out: CreatedCarrierShipment['parcels'] = [];
  for (const parcel of parcels) {
    const bytes = parcel.label_file
      ? new Uint8Array(Buffer.from(parcel.label_file, 'base64'))
      : await client.label(parcel.id as number, format);
    out.push({ trackingNumber: parcel.tracking_number as string, label: { format, bytes } });
  }
  return { carrierShipmentId: shipment.id, parcels: out };
}
