import { bookWithReadBack } from '../book-with-read-back.js';
import {
  type CarrierAdapter,
  CarrierError,
  type CreatedCarrierShipment,
  idempotencyKeyOf,
} from '../carrier.js';
import { createUpsClient, type UpsClient, type UpsConfig } from './client.js';
import {
  checkedTrackingNumber,
  fromTrackResponse,
  many,
  toShipRequest,
  trackingNumbersOf,
} from './mapper.js';

type Json = Record<string, any>;

/**
 * UPS Ship, Void and Track. There is no idempotency key in the Ship API: after an ambiguous failure the
 * adapter tracks the booking key (sent as the shipment reference) and, when UPS knows it, recovers the
 * labels with the Label Recovery call instead of shipping again.
 */
export function createUpsAdapter(config: UpsConfig & { retryDelayMs?: number }): CarrierAdapter {
  const client = createUpsClient(config);
  return {
    code: 'ups',
    name: 'UPS',
    labelFormats: ['zpl'],
    canTrack: true,
    async createShipment(request) {
      const body = toShipRequest(request, config.accountNumber);
      const key = idempotencyKeyOf(request);
      return bookWithReadBack({
        book: async () => fromShipResponse(await client.ship(body)),
        readBack: () => recover(client, key),
        delayMs: () => config.retryDelayMs ?? 250,
      });
    },
    async cancel(target) {
      const id = 'carrierShipmentId' in target ? target.carrierShipmentId : target.trackingNumber;
      const body = await client.void(id);
      const status = body?.VoidShipmentResponse?.SummaryResult?.Status;
      if (status?.Code !== '1')
        throw new CarrierError(
          `UPS did not void ${id}: ${status?.Description ?? 'no status'}`,
          'carrier_rejected',
          false,
        );
    },
    async track(trackingNumber) {
      return fromTrackResponse(await client.track(trackingNumber));
    },
  };
}

function fromShipResponse(body: Json): CreatedCarrierShipment {
  const results = body?.ShipmentResponse?.ShipmentResults;
  const packages = many<Json>(results?.PackageResults);
  if (!results?.ShipmentIdentificationNumber || packages.length === 0)
    throw new CarrierError(
      'UPS answered without a shipment number or packages.',
      'carrier_bad_response',
      true,
    );
  return {
    carrierShipmentId: String(results.ShipmentIdentificationNumber),
    parcels: packages.map((p) => ({
      trackingNumber: checkedTrackingNumber(p.TrackingNumber),
      label: {
        format: 'zpl' as const,
        bytes: new Uint8Array(Buffer.from(String(p?.ShippingLabel?.GraphicImage ?? ''), 'base64')),
      },
    })),
  };
}

async function recover(client: UpsClient, key: string): Promise<CreatedCarrierShipment | null> {
  let found: string[];
  try {
    found = trackingNumbersOf(await client.trackByReference(key));
  } catch (err) {
    // Tracking answers 404 for a reference it has never seen: nothing was booked.
    if (err instanceof CarrierError && err.status === 404) return null;
    throw err;
  }
  if (found.length === 0) return null;
  const body = await client.recoverLabel({
    LabelRecoveryRequest: {
      Request: { RequestOption: 'Non_Validate' },
      LabelSpecification: { LabelImageFormat: { Code: 'ZPL' }, LabelStockSize: { Height: '6', Width: '4' } },
      TrackingNumbers: found,
      ReferenceValues: { ReferenceNumber: { Value: key }, ShipperNumber: client.accountNumber },
    },
  });
  const response = body?.LabelRecoveryResponse;
  const labels = many<Json>(response?.LabelResults);
  if (!response?.ShipmentIdentificationNumber || labels.length === 0) return null;
  return {
    carrierShipmentId: String(response.ShipmentIdentificationNumber),
    parcels: labels.map((l) => ({
      trackingNumber: checkedTrackingNumber(l.TrackingNumber),
      label: {
        format: 'zpl' as const,
        bytes: new Uint8Array(Buffer.from(String(l?.LabelImage?.GraphicImage ?? ''), 'base64')),
      },
    })),
  };
}
