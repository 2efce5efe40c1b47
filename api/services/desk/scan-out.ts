import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { manifestParcels, orders, parcels, shipments } from '../../../db/schema/index.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { scanError } from '../scans/reject-scan.js';
import { shipShipment } from '../shipping/ship-shipment.js';

export interface ScanOutResult {
  parcelId: string;
  trackingNumber: string;
  manifestId: string;
  orderRef: string;
  /** The whole shipment is out: it was shipped (stock out, tracking pushed to the channel). */
  isShipmentShipped: boolean;
  /** Parcels of this manifest still to scan. */
  remaining: number;
}

const timeOf = (d: Date) => d.toISOString().slice(11, 16);

/**
 * A parcel crosses the dock: its tracking number is scanned, it is marked handed over, and once every
 * parcel of its shipment is out the shipment ships. A parcel on no manifest (or another one), or scanned
 * already, is refused with what to do, and the refusal is recorded.
 */
export async function scanOut(
  deps: { db: Database; jobs: JobQueue },
  actor: Actor,
  input: { code: string; manifestId?: string | undefined },
  now: Date,
): Promise<ScanOutResult> {
  const { db } = deps;
  const code = input.code.trim().toUpperCase();
  const refuse = async (error: ReturnType<typeof scanError>, orderId: string | null) => {
    await recordEvent(
      db,
      actor,
      {
        type: 'dock.scan_rejected',
        orderId,
        payload: { code, reason: error.code, manifestId: input.manifestId ?? null },
      },
      now,
    );
    return error;
  };
  const [row] = await db
    .select({
      parcelId: parcels.id,
      trackingNumber: parcels.trackingNumber,
      shipmentId: shipments.id,
      shipmentStatus: shipments.status,
      orderId: orders.id,
      orderRef: orders.externalId,
      orderStatus: orders.status,
      manifestId: manifestParcels.manifestId,
      scannedOutAt: manifestParcels.scannedOutAt,
    })
    .from(parcels)
    .innerJoin(shipments, eq(shipments.id, parcels.shipmentId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .leftJoin(manifestParcels, eq(manifestParcels.parcelId, parcels.id))
    .where(eq(parcels.trackingNumber, code));
  if (!row)
    throw await refuse(
      scanError(
        'dock_unknown_parcel',
        `No parcel has the tracking number ${code}. Set it aside.`,
        'a parcel on the manifest',
      ),
      null,
    );
  if (row.shipmentStatus === 'cancelled')
    throw await refuse(
      scanError(
        'dock_label_voided',
        `The label ${code} was voided: this box must not leave. Take it back to packing.`,
        'a live label',
      ),
      row.orderId,
    );
  if (!row.manifestId)
    throw await refuse(
      scanError(
        'dock_not_on_manifest',
        `${code} is on no manifest: close its carrier's manifest first, or keep it for tomorrow.`,
        'a parcel on the manifest',
      ),
      row.orderId,
    );
  if (input.manifestId && row.manifestId !== input.manifestId)
    throw await refuse(
      scanError(
        'dock_other_manifest',
        `${code} belongs to another manifest (${row.manifestId}): it goes with another carrier pickup.`,
        input.manifestId,
      ),
      row.orderId,
    );
  if (row.orderStatus === 'on_hold')
    throw await refuse(
      scanError(
        'dock_order_on_hold',
        `Order ${row.orderRef} is on hold: this box must not leave.`,
        'an order not on hold',
      ),
      row.orderId,
    );
  const alreadyScanned = (at: Date) =>
    refuse(
      scanError(
        'dock_already_scanned',
        `${code} was already scanned out at ${timeOf(at)} (UTC).`,
        'a parcel not scanned yet',
      ),
      row.orderId,
    );
  const manifestId = row.manifestId;
  const isShipmentOut = async () => {
    const rows = await db
      .select({ scannedOutAt: manifestParcels.scannedOutAt })
      .from(parcels)
      .leftJoin(manifestParcels, eq(manifestParcels.parcelId, parcels.id))
      .where(eq(parcels.shipmentId, row.shipmentId));
    return rows.every((p) => p.scannedOutAt !== null);
  };
  // Scanned before: an error, unless the shipping step after that scan never ran (a crash): finish it.
  if (row.scannedOutAt && !(row.shipmentStatus === 'labelled' && (await isShipmentOut())))
    throw await alreadyScanned(row.scannedOutAt);

  if (!row.scannedOutAt) {
    const marked = await db.transaction(async (tx) => {
      const taken = await tx
        .update(manifestParcels)
        .set({ scannedOutAt: now, scannedOutBy: actor.userId ?? null })
        .where(and(eq(manifestParcels.parcelId, row.parcelId), isNull(manifestParcels.scannedOutAt)))
        .returning({ parcelId: manifestParcels.parcelId });
      if (taken.length > 0)
        await recordEvent(
          tx,
          actor,
          {
            type: 'parcel.scanned_out',
            orderId: row.orderId,
            entityType: 'parcel',
            entityId: row.parcelId,
            payload: { trackingNumber: code, manifestId },
          },
          now,
        );
      return taken.length > 0;
    });
    // Another scanner took the same parcel a moment earlier.
    if (!marked) throw await alreadyScanned(now);
  }
  const isAllOut = await isShipmentOut();
  if (isAllOut && row.shipmentStatus === 'labelled') await shipShipment(deps, actor, row.shipmentId, now);
  const onManifest = await db
    .select({ scannedOutAt: manifestParcels.scannedOutAt })
    .from(manifestParcels)
    .where(eq(manifestParcels.manifestId, manifestId));
  return {
    parcelId: row.parcelId,
    trackingNumber: row.trackingNumber,
    manifestId,
    orderRef: row.orderRef,
    isShipmentShipped: isAllOut,
    remaining: onManifest.filter((p) => p.scannedOutAt === null).length,
  };
}
