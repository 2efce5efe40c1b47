import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { manifestParcels, orderLines, orders, parcels, shipments } from '../../../db/schema/index.js';
import { CarrierError } from '../../carriers/carrier.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { type CarrierDeps, loadCarrier } from '../carriers/load-carrier.js';
import { type Actor, recordEvent } from '../events/record-event.js';

/**
 * Voids a label that will not be used (wrong box, wrong weight, damaged print): the carrier cancels the
 * booking when it has an API for it (so it is not billed); a self-issued number is simply never used
 * again. The order goes back to the packing station (picked, nothing packed) for a new parcel and label.
 * A parcel already scanned out at the dock has left: it cannot be voided here.
 */
export async function voidShipment(
  db: Database,
  deps: CarrierDeps,
  actor: Actor,
  input: { shipmentId: string; reason: string },
  now: Date,
): Promise<{ shipmentId: string; isReplay: boolean; carrierCancelled: boolean; trackingNumbers: string[] }> {
  const [shipment] = await db.select().from(shipments).where(eq(shipments.id, input.shipmentId));
  if (!shipment) throw notFound('shipment_not_found', `Shipment ${input.shipmentId} does not exist.`);
  const tracked = await db
    .select({ id: parcels.id, trackingNumber: parcels.trackingNumber })
    .from(parcels)
    .where(eq(parcels.shipmentId, shipment.id));
  const trackingNumbers = tracked.map((p) => p.trackingNumber);
  if (shipment.status === 'cancelled')
    return { shipmentId: shipment.id, isReplay: true, carrierCancelled: false, trackingNumbers };
  if (shipment.status !== 'labelled')
    throw conflict(
      'shipment_already_shipped',
      `Shipment is ${shipment.status}; a parcel that left cannot be voided.`,
    );
  const parcelIds = tracked.map((p) => p.id);
  if (await isScannedOut(db, parcelIds))
    throw conflict('parcel_scanned_out', 'A parcel of this shipment was scanned out at the dock already.');

  let carrierCancelled = false;
  if (shipment.carrierAccountId && shipment.carrierShipmentId) {
    try {
      const adapter = await loadCarrier(db, deps, shipment.carrierAccountId);
      await adapter.cancel({ carrierShipmentId: shipment.carrierShipmentId });
      carrierCancelled = true;
    } catch (err) {
      if (!(err instanceof CarrierError)) throw err;
      throw new AppError(
        err.retryable ? 'carrier_unavailable' : 'carrier_cancel_refused',
        err.retryable ? 503 : 502,
        `The carrier did not cancel the label: ${err.message}`,
        { retryable: err.retryable },
      );
    }
  }

  return db.transaction(async (tx) => {
    const [voided] = await tx
      .update(shipments)
      .set({ status: 'cancelled' })
      .where(and(eq(shipments.id, shipment.id), eq(shipments.status, 'labelled')))
      .returning({ orderId: shipments.orderId });
    if (!voided)
      throw conflict('shipment_changed', 'The shipment changed meanwhile (shipped or voided); reload it.');
    if (await isScannedOut(tx, parcelIds))
      throw conflict('parcel_scanned_out', 'A parcel of this shipment was scanned out at the dock already.');
    // Off the manifest: the driver must not look for a box that will carry another label.
    if (parcelIds.length)
      await tx.delete(manifestParcels).where(inArray(manifestParcels.parcelId, parcelIds));
    await tx
      .update(orderLines)
      .set({ status: 'picked', quantityPacked: 0 })
      .where(and(eq(orderLines.orderId, voided.orderId), eq(orderLines.status, 'packed')));
    const [order] = await tx.select().from(orders).where(eq(orders.id, voided.orderId)).for('update');
    if (order?.status === 'packed')
      await tx.update(orders).set({ status: 'picked', updatedAt: now }).where(eq(orders.id, order.id));
    if (order?.status === 'on_hold' && order.heldFromStatus === 'packed')
      await tx
        .update(orders)
        .set({ heldFromStatus: 'picked', updatedAt: now })
        .where(eq(orders.id, order.id));
    await recordEvent(
      tx,
      actor,
      {
        type: 'shipment.voided',
        orderId: voided.orderId,
        entityType: 'shipment',
        entityId: shipment.id,
        payload: {
          reason: input.reason,
          trackingNumbers,
          carrier: shipment.carrierCode,
          carrierCancelled,
          selfIssued: shipment.carrierAccountId === null,
        },
      },
      now,
    );
    return { shipmentId: shipment.id, isReplay: false, carrierCancelled, trackingNumbers };
  });
}

async function isScannedOut(db: Executor, parcelIds: string[]): Promise<boolean> {
  if (parcelIds.length === 0) return false;
  const [row] = await db
    .select({ id: manifestParcels.parcelId })
    .from(manifestParcels)
    .where(and(inArray(manifestParcels.parcelId, parcelIds), isNotNull(manifestParcels.scannedOutAt)));
  return Boolean(row);
}
