import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { parcels, shipments } from '../../../db/schema/index.js';
import { renderShippingLabelPdf, renderShippingLabelZpl, type ShippingLabel } from '../../../labels/index.js';
import type { CarrierAdapter, CarrierLabel, CarrierShipmentRequest, TrackingEvent } from '../carrier.js';
import { allocateTrackingNumber } from './allocate-s10.js';

export interface SelfIssuedConfig {
  code: string;
  name: string;
  service: string;
  range: { id: string; prefix: string; country: string; first: number; last: number };
}

/**
 * The carrier contract that lets the shipper number its own parcels (UPU S10 with its check digit) and
 * print the label itself. It runs inside the caller's transaction: a number is taken only if the
 * shipment that carries it is committed, so a rolled-back packing leaves no gap behind.
 */
export function createSelfIssuedAdapter(
  tx: Executor,
  config: SelfIssuedConfig,
  now: () => Date,
): CarrierAdapter {
  return {
    code: config.code,
    name: config.name,
    labelFormats: ['pdf', 'zpl'],
    canTrack: true,
    async createShipment(request) {
      const created: { trackingNumber: string; label: CarrierLabel }[] = [];
      for (const [index, parcel] of request.parcels.entries()) {
        const trackingNumber = await allocateTrackingNumber(tx, config.range);
        const label = labelModel(config, request, trackingNumber, parcel.weightGrams, index, now());
        created.push({ trackingNumber, label: await render(label, request.labelFormat) });
      }
      return { carrierShipmentId: created.map((p) => p.trackingNumber).join(','), parcels: created };
    },
    // Nobody else knows a self-issued number, and numbers are never handed out twice: nothing to undo.
    async cancel() {},
    async track(trackingNumber) {
      const [row] = await tx
        .select({ labelledAt: parcels.createdAt, shippedAt: shipments.shippedAt })
        .from(parcels)
        .innerJoin(shipments, eq(shipments.id, parcels.shipmentId))
        .where(eq(parcels.trackingNumber, trackingNumber));
      if (!row) return [];
      const events: TrackingEvent[] = [
        { status: 'label_created', at: row.labelledAt.toISOString(), description: 'Label printed' },
      ];
      if (row.shippedAt)
        events.push({ status: 'in_transit', at: row.shippedAt.toISOString(), description: 'Handed over' });
      return events;
    },
  };
}

function labelModel(
  config: SelfIssuedConfig,
  request: CarrierShipmentRequest,
  trackingNumber: string,
  weightGrams: number,
  index: number,
  at: Date,
): ShippingLabel {
  return {
    size: '4x6',
    carrier: { code: config.code, name: config.name, service: config.service },
    trackingNumber,
    barcode: { symbology: 'code128', value: trackingNumber },
    shipFrom: { ...request.shipFrom, countryCode: request.shipFrom.countryCode.toUpperCase() },
    shipTo: { ...request.shipTo, countryCode: request.shipTo.countryCode.toUpperCase() },
    reference: request.reference,
    channelName: request.display?.channelName ?? config.name,
    channelOrderId: request.display?.channelOrderId ?? request.reference,
    weightGrams,
    parcel: { index: index + 1, count: request.parcels.length },
    createdAt: at.toISOString(),
  };
}

async function render(label: ShippingLabel, format: 'pdf' | 'zpl'): Promise<CarrierLabel> {
  if (format === 'zpl')
    return { format, bytes: new TextEncoder().encode(renderShippingLabelZpl(label, { dpi: 203 })) };
  return { format, bytes: await renderShippingLabelPdf(label) };
}
