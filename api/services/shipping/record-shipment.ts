import type { Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { parcelLines, parcels, shipments } from '../../../db/schema/index.js';
import type { CarrierLabel } from '../../carriers/carrier.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import type { loadPackedOrder } from './load-packed-order.js';

/** Writes the shipment, its parcel, the parcel's lines and the event, inside the caller's transaction. */
export async function recordShipment(
  tx: Executor,
  actor: Actor,
  now: Date,
  input: {
    packed: Awaited<ReturnType<typeof loadPackedOrder>>;
    carrier: {
      code: string;
      name: string;
      service: string;
      trackingUrl: string | null;
      carrierShipmentId: string;
      carrierAccountId: string | null;
    };
    parcel: { trackingNumber: string; label: CarrierLabel };
    via: 'self_issued' | 'booked' | 'prefetched';
  },
) {
  const { packed, carrier, parcel } = input;
  const shipmentId = await insertLabelledShipment(tx, actor, now, packed.order.id, carrier);
  const parcelId = newId('pcl');
  await tx.insert(parcels).values({
    id: parcelId,
    shipmentId,
    trackingNumber: parcel.trackingNumber,
    weightGrams: packed.weightGrams,
    labelFormat: parcel.label.format,
    label: parcel.label.bytes,
    createdAt: now,
  });
  if (packed.lines.length > 0)
    await tx
      .insert(parcelLines)
      .values(
        packed.lines.map((l) => ({ parcelId, orderLineId: l.line.id, quantity: l.line.quantityPacked })),
      );
  await recordEvent(
    tx,
    actor,
    {
      type: 'shipment.labelled',
      orderId: packed.order.id,
      entityType: 'shipment',
      entityId: shipmentId,
      payload: {
        trackingNumber: parcel.trackingNumber,
        weightGrams: packed.weightGrams,
        carrier: carrier.code,
        via: input.via,
      },
    },
    now,
  );
  return { shipmentId, parcelId, trackingNumber: parcel.trackingNumber, carrierCode: carrier.code };
}

/** The carrier a labelled shipment was booked with. */
export interface ShipmentCarrier {
  code: string;
  name: string;
  service: string;
  trackingUrl: string | null;
  carrierShipmentId: string;
  carrierAccountId: string | null;
}

/** The shipment row of a freshly labelled order (one parcel or one per box); returns its id. */
export async function insertLabelledShipment(
  tx: Executor,
  actor: Actor,
  now: Date,
  orderId: string,
  carrier: ShipmentCarrier,
): Promise<string> {
  const shipmentId = newId('shp');
  await tx.insert(shipments).values({
    id: shipmentId,
    orderId,
    status: 'labelled',
    carrierCode: carrier.code,
    carrierName: carrier.name,
    service: carrier.service,
    trackingUrl: carrier.trackingUrl,
    carrierShipmentId: carrier.carrierShipmentId,
    carrierAccountId: carrier.carrierAccountId,
    createdBy: actor.userId ?? null,
    createdAt: now,
  });
  return shipmentId;
}
