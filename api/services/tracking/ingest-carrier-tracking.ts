import { and, eq, gte, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { newId } from '../../../db/ids.js';
import {
  carrierAccounts,
  parcels,
  parcelTracking,
  shipments,
  trackingEvents,
} from '../../../db/schema/index.js';
import type { TrackingEvent } from '../../carriers/carrier.js';
import type { AppDeps } from '../../deps.js';
import { loadCarrier } from '../carriers/load-carrier.js';
import { recordEvent, systemActor } from '../events/record-event.js';

/** Parcels older than this are no longer asked about (the carrier forgets them too). */
const horizonDays = 45;

export interface TrackingSummary {
  parcels: number;
  newEvents: number;
  delivered: number;
  exceptions: number;
  errors: number;
}

type Deps = Pick<AppDeps, 'db' | 'secrets' | 'carriers' | 'clock' | 'logger'>;

/**
 * One carrier account's tracking pass: every shipped parcel not yet delivered is read from the carrier;
 * scans not seen before are stored (a unique key makes a re-read harmless) and put on the order's
 * timeline, and a delivery or an exception updates where the parcel stands.
 */
export async function ingestCarrierTracking(deps: Deps, carrierAccountId: string): Promise<TrackingSummary> {
  const summary: TrackingSummary = { parcels: 0, newEvents: 0, delivered: 0, exceptions: 0, errors: 0 };
  const adapter = await loadCarrier(deps.db, deps, carrierAccountId);
  if (!adapter.canTrack) return summary;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - horizonDays * 86_400_000);
  const open = await deps.db
    .select({ parcelId: parcels.id, trackingNumber: parcels.trackingNumber, orderId: shipments.orderId })
    .from(parcels)
    .innerJoin(shipments, eq(shipments.id, parcels.shipmentId))
    .leftJoin(parcelTracking, eq(parcelTracking.parcelId, parcels.id))
    .where(
      and(
        eq(shipments.carrierAccountId, carrierAccountId),
        eq(shipments.status, 'shipped'),
        isNotNull(shipments.shippedAt),
        gte(shipments.shippedAt, since),
        or(isNull(parcelTracking.status), ne(parcelTracking.status, 'delivered')),
      ),
    );
  for (const parcel of open) {
    summary.parcels += 1;
    let scans: TrackingEvent[];
    try {
      scans = await adapter.track(parcel.trackingNumber);
    } catch (err) {
      // One parcel the carrier cannot answer for must not stop the others.
      summary.errors += 1;
      const message = err instanceof Error ? err.message : String(err);
      await deps.db
        .insert(parcelTracking)
        .values({
          parcelId: parcel.parcelId,
          orderId: parcel.orderId,
          status: 'label_created',
          lastCheckedAt: now,
          lastError: message,
        })
        .onConflictDoUpdate({
          target: parcelTracking.parcelId,
          set: { lastCheckedAt: now, lastError: message },
        });
      continue;
    }
    const outcome = await recordScans(deps, parcel, scans, now);
    summary.newEvents += outcome.newEvents;
    if (outcome.isNewlyDelivered) summary.delivered += 1;
    if (outcome.isNewException) summary.exceptions += 1;
  }
  return summary;
}

async function recordScans(
  deps: Deps,
  parcel: { parcelId: string; trackingNumber: string; orderId: string },
  scans: TrackingEvent[],
  now: Date,
) {
  return deps.db.transaction(async (tx) => {
    let newEvents = 0;
    for (const scan of scans) {
      const [inserted] = await tx
        .insert(trackingEvents)
        .values({
          id: newId('trk'),
          parcelId: parcel.parcelId,
          orderId: parcel.orderId,
          status: scan.status,
          occurredAt: new Date(scan.at),
          description: scan.description,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: trackingEvents.id });
      if (!inserted) continue;
      newEvents += 1;
      await recordEvent(
        tx,
        systemActor,
        {
          type: `parcel.${scan.status}`,
          orderId: parcel.orderId,
          entityType: 'parcel',
          entityId: parcel.parcelId,
          payload: { trackingNumber: parcel.trackingNumber, description: scan.description, at: scan.at },
        },
        new Date(scan.at),
      );
    }
    const last = scans.at(-1);
    const delivered = scans.find((s) => s.status === 'delivered');
    const exception = [...scans].reverse().find((s) => s.status === 'exception');
    const [before] = await tx
      .select()
      .from(parcelTracking)
      .where(eq(parcelTracking.parcelId, parcel.parcelId));
    const values = {
      status: delivered ? ('delivered' as const) : (last?.status ?? before?.status ?? 'label_created'),
      deliveredAt: delivered ? new Date(delivered.at) : (before?.deliveredAt ?? null),
      exceptionAt: exception ? new Date(exception.at) : (before?.exceptionAt ?? null),
      lastCheckedAt: now,
      lastError: null,
    };
    await tx
      .insert(parcelTracking)
      .values({ parcelId: parcel.parcelId, orderId: parcel.orderId, ...values })
      .onConflictDoUpdate({ target: parcelTracking.parcelId, set: values });
    const isNewlyDelivered = Boolean(delivered) && !before?.deliveredAt;
    if (isNewlyDelivered) {
      // The order is delivered once every one of its parcels is.
      const [left] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(parcels)
        .innerJoin(shipments, eq(shipments.id, parcels.shipmentId))
        .leftJoin(parcelTracking, eq(parcelTracking.parcelId, parcels.id))
        .where(
          and(
            eq(shipments.orderId, parcel.orderId),
            eq(shipments.status, 'shipped'),
            or(isNull(parcelTracking.deliveredAt), ne(parcelTracking.status, 'delivered')),
          ),
        );
      if (Number(left?.n ?? 0) === 0)
        await recordEvent(
          tx,
          systemActor,
          { type: 'order.delivered', orderId: parcel.orderId, payload: { at: delivered!.at } },
          new Date(delivered!.at),
        );
    }
    const isNewException =
      Boolean(exception) &&
      (!before?.exceptionAt || before.exceptionAt.getTime() !== new Date(exception!.at).getTime());
    return { newEvents, isNewlyDelivered, isNewException };
  });
}

/** The accounts whose adapters can track: one tracking job each. */
export async function listTrackableAccounts(deps: Pick<AppDeps, 'db'>) {
  const rows = await deps.db
    .select({ id: carrierAccounts.id, type: carrierAccounts.type })
    .from(carrierAccounts)
    .where(and(eq(carrierAccounts.isEnabled, true), ne(carrierAccounts.type, 'self_issued')));
  return rows.map((r) => r.id);
}
