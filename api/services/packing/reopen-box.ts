import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { packBoxes, packBoxLines, shipments } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { type CarrierDeps, loadCarrier } from '../carriers/load-carrier.js';
import { type Actor, recordEvent } from '../events/record-event.js';

/**
 * Reopens a closed box, with the reason, as an audited event. Its labels are void from then on: the
 * order's labelled (not yet shipped) shipment is cancelled with every parcel of it, and at the carrier
 * too; closing again books new labels. An empty box opened meanwhile gives way to the reopened one.
 */
export async function reopenBox(
  deps: { db: Database } & CarrierDeps,
  actor: Actor,
  input: { boxId: string; reason: string },
  now: Date,
) {
  const { db } = deps;
  const voided = await db.transaction(async (tx) => {
    const [box] = await tx.select().from(packBoxes).where(eq(packBoxes.id, input.boxId)).for('update');
    if (!box) throw notFound('box_not_found', `Parcel ${input.boxId} does not exist.`);
    if (box.status !== 'closed') throw new AppError('box_not_closed', 409, `Parcel ${box.seq} is open.`);
    const [shipment] = await tx
      .select()
      .from(shipments)
      .where(and(eq(shipments.orderId, box.orderId), ne(shipments.status, 'cancelled')));
    if (shipment && shipment.status !== 'labelled')
      throw new AppError(
        'shipment_shipped',
        409,
        'This parcel has left the warehouse; it cannot be reopened.',
      );
    const [other] = await tx
      .select({ id: packBoxes.id, units: sql<number>`coalesce(sum(${packBoxLines.quantity}), 0)::int` })
      .from(packBoxes)
      .leftJoin(packBoxLines, eq(packBoxLines.boxId, packBoxes.id))
      .where(and(eq(packBoxes.orderId, box.orderId), eq(packBoxes.status, 'open')))
      .groupBy(packBoxes.id);
    if (other && Number(other.units) > 0)
      throw new AppError('box_open_elsewhere', 409, 'Another parcel of this order is open: close it first.');
    if (other) {
      await tx.delete(packBoxLines).where(eq(packBoxLines.boxId, other.id));
      await tx.delete(packBoxes).where(eq(packBoxes.id, other.id));
    }
    if (shipment) {
      await tx.update(shipments).set({ status: 'cancelled' }).where(eq(shipments.id, shipment.id));
      await tx.update(packBoxes).set({ parcelId: null }).where(eq(packBoxes.orderId, box.orderId));
    }
    await tx
      .update(packBoxes)
      .set({ status: 'open', closedAt: null })
      .where(and(eq(packBoxes.id, box.id), eq(packBoxes.status, 'closed')));
    await recordEvent(
      tx,
      actor,
      {
        type: 'pack.parcel_reopened',
        orderId: box.orderId,
        entityType: 'pack_box',
        entityId: box.id,
        payload: { seq: box.seq, reason: input.reason, voidedShipmentId: shipment?.id ?? null },
      },
      now,
    );
    return shipment ?? null;
  });
  // The carrier hears of the void after our side committed it; a failure here is for the desk to see.
  if (voided?.carrierAccountId && voided.carrierShipmentId) {
    const adapter = await loadCarrier(db, deps, voided.carrierAccountId);
    await adapter.cancel({ carrierShipmentId: voided.carrierShipmentId }).catch(async (err: unknown) => {
      await recordEvent(
        db,
        actor,
        {
          type: 'shipment.cancel_failed',
          orderId: voided.orderId,
          entityType: 'shipment',
          entityId: voided.id,
          payload: { message: err instanceof Error ? err.message : String(err) },
        },
        now,
      );
    });
  }
  return { orderId: (await db.select().from(packBoxes).where(eq(packBoxes.id, input.boxId)))[0]!.orderId };
}
