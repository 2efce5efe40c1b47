import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { orderCarrierChoices, packBoxes, parcels, shipments } from '../../../db/schema/index.js';
import { CarrierError } from '../../carriers/carrier.js';
import { createSelfIssuedAdapter } from '../../carriers/self-issued/self-issued-adapter.js';
import { AppError } from '../../errors.js';
import { buildCarrierRequest } from '../carriers/build-carrier-request.js';
import { type CarrierDeps, loadCarrier, preferredLabelFormat } from '../carriers/load-carrier.js';
import type { Actor } from '../events/record-event.js';
import { createShipment } from '../shipping/create-shipment.js';
import { loadPackedOrder } from '../shipping/load-packed-order.js';
import { selfIssuedCarrier, shipFrom } from '../shipping/self-issued-carrier.js';
import { recordBoxedShipment } from './record-boxed-shipment.js';

export interface LabelledOrder {
  shipmentId: string;
  parcels: { parcelId: string; trackingNumber: string; seq: number }[];
  isReplay: boolean;
}

/**
 * Books the labels of a packed order, one parcel per closed box, in the format the station's printer
 * takes. Self-issued numbers are taken inside the transaction that records them; a carrier is called
 * outside it, and its booking is cancelled if recording fails. Asking again returns the labels booked.
 */
export async function labelPackedOrder(
  deps: { db: Database } & CarrierDeps,
  actor: Actor,
  input: { orderId: string; labelFormat: 'pdf' | 'zpl' },
  now: Date,
): Promise<LabelledOrder> {
  const { db } = deps;
  const boxes = await db
    .select()
    .from(packBoxes)
    .where(eq(packBoxes.orderId, input.orderId))
    .orderBy(asc(packBoxes.seq));
  if (boxes.length === 0 || boxes.some((b) => b.status !== 'closed'))
    throw new AppError('boxes_open', 409, 'Close every parcel of this order before its labels.');
  const existing = await labelledParcels(db, input.orderId);
  if (existing) return { ...existing, isReplay: true };

  const weightGrams = boxes.reduce((g, b) => g + (b.weightGrams ?? 0), 0);
  const [choice] = await db
    .select()
    .from(orderCarrierChoices)
    .where(eq(orderCarrierChoices.orderId, input.orderId));

  if (!choice) {
    const created = await db.transaction(async (tx) => {
      const packed = await loadPackedOrder(tx, input.orderId, weightGrams, true);
      const adapter = createSelfIssuedAdapter(tx, selfIssuedCarrier, () => now);
      const booked = await adapter.createShipment({
        shipFrom,
        shipTo: {
          ...packed.order.shippingAddress,
          countryCode: packed.order.shippingAddress.countryCode.toUpperCase(),
        },
        parcels: boxes.map(parcelOf),
        serviceCode: selfIssuedCarrier.service,
        reference: packed.order.id,
        labelFormat: input.labelFormat,
        display: { channelName: packed.channelName, channelOrderId: packed.order.externalId },
      });
      return recordBoxedShipment(tx, actor, now, {
        packed,
        carrier: {
          code: selfIssuedCarrier.code,
          name: selfIssuedCarrier.name,
          service: selfIssuedCarrier.service,
          trackingUrl: selfIssuedCarrier.trackingUrl,
          carrierShipmentId: booked.carrierShipmentId,
          carrierAccountId: null,
        },
        boxes,
        booked: booked.parcels,
      });
    });
    return { ...created, isReplay: false };
  }

  if (boxes.length === 1) {
    // One box: the shipping path as before, which also takes a label booked ahead for the order.
    const single = await createShipment(db, actor, { orderId: input.orderId, weightGrams }, now, deps);
    await db.update(packBoxes).set({ parcelId: single.parcelId }).where(eq(packBoxes.id, boxes[0]!.id));
    return {
      shipmentId: single.shipmentId,
      parcels: [{ parcelId: single.parcelId, trackingNumber: single.trackingNumber, seq: 1 }],
      isReplay: false,
    };
  }

  const packed = await loadPackedOrder(db, input.orderId, weightGrams, false);
  const adapter = await loadCarrier(db, deps, choice.carrierAccountId);
  const request = {
    ...buildCarrierRequest(packed.order, {
      channelName: packed.channelName,
      weightGrams,
      serviceCode: choice.serviceCode,
      relayPointId: choice.relayPointId,
      idempotencyKey: `${packed.order.id}:box${boxes.map((b) => b.id.slice(-4)).join('')}`,
      labelFormat: preferredLabelFormat(adapter, input.labelFormat),
    }),
    parcels: boxes.map(parcelOf),
  };
  let booked: Awaited<ReturnType<typeof adapter.createShipment>>;
  try {
    booked = await adapter.createShipment(request);
  } catch (err) {
    if (!(err instanceof CarrierError)) throw err;
    throw new AppError(
      err.retryable ? 'carrier_unavailable' : 'carrier_rejected',
      err.retryable ? 503 : 502,
      `${adapter.name}: ${err.message}`,
      { retryable: err.retryable },
    );
  }
  if (booked.parcels.length !== boxes.length) {
    await adapter.cancel({ carrierShipmentId: booked.carrierShipmentId }).catch(() => undefined);
    throw new AppError(
      'carrier_bad_response',
      502,
      `${adapter.name} returned ${booked.parcels.length} labels for ${boxes.length} parcels.`,
    );
  }
  try {
    const created = await db.transaction(async (tx) => {
      const locked = await loadPackedOrder(tx, input.orderId, weightGrams, true);
      return recordBoxedShipment(tx, actor, now, {
        packed: locked,
        carrier: {
          code: adapter.code,
          name: adapter.name,
          service: choice.serviceCode,
          trackingUrl: null,
          carrierShipmentId: booked.carrierShipmentId,
          carrierAccountId: choice.carrierAccountId,
        },
        boxes,
        booked: booked.parcels,
      });
    });
    return { ...created, isReplay: false };
  } catch (err) {
    // A label booked for a shipment we did not record would be billed for nothing.
    await adapter.cancel({ carrierShipmentId: booked.carrierShipmentId }).catch(() => undefined);
    throw err;
  }
}

function parcelOf(box: typeof packBoxes.$inferSelect) {
  return {
    weightGrams: box.weightGrams ?? 1,
    dimensionsCm:
      box.lengthCm && box.widthCm && box.heightCm
        ? { length: box.lengthCm, width: box.widthCm, height: box.heightCm }
        : null,
  };
}

/** The parcels of the order's live shipment, when its boxes were already labelled. */
async function labelledParcels(db: Database, orderId: string) {
  const rows = await db
    .select({
      shipmentId: shipments.id,
      parcelId: parcels.id,
      trackingNumber: parcels.trackingNumber,
      seq: packBoxes.seq,
    })
    .from(shipments)
    .innerJoin(parcels, eq(parcels.shipmentId, shipments.id))
    .innerJoin(packBoxes, eq(packBoxes.parcelId, parcels.id))
    .where(and(eq(shipments.orderId, orderId), ne(shipments.status, 'cancelled')))
    .orderBy(asc(packBoxes.seq));
  const [first] = rows;
  if (!first) return null;
  return {
    shipmentId: first.shipmentId,
    parcels: rows.map((r) => ({ parcelId: r.parcelId, trackingNumber: r.trackingNumber, seq: r.seq })),
  };
}
