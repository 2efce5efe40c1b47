import { and, eq, inArray, isNull, ne, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { manifestParcels, manifests, orders, parcels, shipments } from '../../../db/schema/index.js';
import { unprocessable } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';

export interface ManifestTarget {
  carrierCode: string;
  /** Null: the self-issued carrier (no account); absent: every account of that carrier code. */
  carrierAccountId?: string | null | undefined;
}

/**
 * Closes one carrier's day: every labelled or shipped parcel of that carrier not yet on a manifest goes on
 * a new one (orders on hold stay off). The unique parcel key settles two desks closing at once: a parcel
 * lands on one manifest, and a manifest that got nothing is not kept.
 */
export async function closeManifest(
  db: Database,
  actor: Actor,
  target: ManifestTarget,
  now: Date,
): Promise<{ manifestId: string; parcelCount: number; weightGrams: number }> {
  return db.transaction(async (tx) => {
    const candidates = await tx
      .select({
        id: parcels.id,
        weightGrams: parcels.weightGrams,
        carrierName: shipments.carrierName,
        carrierAccountId: shipments.carrierAccountId,
      })
      .from(parcels)
      .innerJoin(shipments, eq(shipments.id, parcels.shipmentId))
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(
        and(
          eq(shipments.carrierCode, target.carrierCode),
          inArray(shipments.status, ['labelled', 'shipped']),
          ne(orders.status, 'on_hold'),
          target.carrierAccountId === undefined
            ? undefined
            : target.carrierAccountId === null
              ? isNull(shipments.carrierAccountId)
              : eq(shipments.carrierAccountId, target.carrierAccountId),
          notExists(
            tx.select({ one: sql`1` }).from(manifestParcels).where(eq(manifestParcels.parcelId, parcels.id)),
          ),
        ),
      )
      .orderBy(parcels.createdAt, parcels.id);
    const first = candidates[0];
    if (!first)
      throw unprocessable(
        'manifest_empty',
        `No parcel of ${target.carrierCode} is waiting for a manifest: every one is on a manifest already.`,
      );
    const manifestId = newId('mnf');
    await tx.insert(manifests).values({
      id: manifestId,
      carrierCode: target.carrierCode,
      carrierName: first.carrierName,
      carrierAccountId: target.carrierAccountId ?? first.carrierAccountId,
      parcelCount: 0,
      weightGrams: 0,
      closedBy: actor.userId ?? null,
      closedAt: now,
    });
    const taken = await tx
      .insert(manifestParcels)
      .values(candidates.map((c) => ({ manifestId, parcelId: c.id })))
      .onConflictDoNothing()
      .returning({ parcelId: manifestParcels.parcelId });
    if (taken.length === 0)
      throw unprocessable('manifest_empty', 'Another desk put these parcels on its manifest meanwhile.');
    const ids = new Set(taken.map((t) => t.parcelId));
    const weightGrams = candidates.filter((c) => ids.has(c.id)).reduce((g, c) => g + c.weightGrams, 0);
    await tx
      .update(manifests)
      .set({ parcelCount: taken.length, weightGrams })
      .where(eq(manifests.id, manifestId));
    await recordEvent(
      tx,
      actor,
      {
        type: 'manifest.closed',
        entityType: 'manifest',
        entityId: manifestId,
        payload: { carrierCode: target.carrierCode, parcels: taken.length, weightGrams },
      },
      now,
    );
    return { manifestId, parcelCount: taken.length, weightGrams };
  });
}
