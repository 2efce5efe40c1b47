import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { packBoxes, packBoxLines, parcelLines, parcels } from '../../../db/schema/index.js';
import type { CarrierLabel } from '../../carriers/carrier.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import type { loadPackedOrder } from '../shipping/load-packed-order.js';
import { insertLabelledShipment } from '../shipping/record-shipment.js';

type Box = typeof packBoxes.$inferSelect;

/**
 * One shipment with one parcel per box: each parcel keeps its box's weight and contents, and each box
 * points at its parcel. Inside the caller's transaction, with the event.
 */
export async function recordBoxedShipment(
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
    boxes: Box[];
    booked: { trackingNumber: string; label: CarrierLabel }[];
  },
) {
  const { packed, carrier, boxes, booked } = input;
  const shipmentId = await insertLabelledShipment(tx, actor, now, packed.order.id, carrier);
  const contents = await tx
    .select()
    .from(packBoxLines)
    .where(
      inArray(
        packBoxLines.boxId,
        boxes.map((b) => b.id),
      ),
    );
  const created: { parcelId: string; trackingNumber: string; seq: number }[] = [];
  for (const [index, box] of boxes.entries()) {
    const parcel = booked[index]!;
    const parcelId = newId('pcl');
    await tx.insert(parcels).values({
      id: parcelId,
      shipmentId,
      trackingNumber: parcel.trackingNumber,
      weightGrams: box.weightGrams ?? 1,
      labelFormat: parcel.label.format,
      label: parcel.label.bytes,
      createdAt: now,
    });
    const lines = contents.filter((c) => c.boxId === box.id && c.quantity > 0);
    if (lines.length > 0)
      await tx
        .insert(parcelLines)
        .values(lines.map((l) => ({ parcelId, orderLineId: l.orderLineId, quantity: l.quantity })));
    await tx.update(packBoxes).set({ parcelId }).where(eq(packBoxes.id, box.id));
    created.push({ parcelId, trackingNumber: parcel.trackingNumber, seq: box.seq });
  }
  await recordEvent(
    tx,
    actor,
    {
      type: 'shipment.labelled',
      orderId: packed.order.id,
      entityType: 'shipment',
      entityId: shipmentId,
      payload: {
        trackingNumbers: created.map((p) => p.trackingNumber),
        weightGrams: boxes.map((b) => b.weightGrams),
        carrier: carrier.code,
        via: 'packing_station',
      },
    },
    now,
  );
  return { shipmentId, parcels: created };
}
