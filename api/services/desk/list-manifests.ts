import { and, count, desc, eq, inArray, ne, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { manifestParcels, manifests, orders, parcels, shipments } from '../../../db/schema/index.js';

/**
 * The dock's view: today's and recent manifests with how many parcels were scanned out, and per carrier
 * how many parcels wait for the next manifest.
 */
export async function listManifests(db: Database) {
  const recent = await db
    .select({
      id: manifests.id,
      carrierCode: manifests.carrierCode,
      carrierName: manifests.carrierName,
      parcelCount: count(manifestParcels.parcelId),
      scannedOut: sql<number>`count(${manifestParcels.scannedOutAt})::int`,
      weightGrams: manifests.weightGrams,
      closedAt: manifests.closedAt,
    })
    .from(manifests)
    .leftJoin(manifestParcels, eq(manifestParcels.manifestId, manifests.id))
    .groupBy(manifests.id)
    .orderBy(desc(manifests.closedAt), desc(manifests.id))
    .limit(50);
  const waiting = await db
    .select({
      carrierCode: shipments.carrierCode,
      carrierName: sql<string>`min(${shipments.carrierName})`,
      parcels: count(parcels.id),
    })
    .from(parcels)
    .innerJoin(shipments, eq(shipments.id, parcels.shipmentId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(
      and(
        inArray(shipments.status, ['labelled', 'shipped']),
        ne(orders.status, 'on_hold'),
        notExists(
          db.select({ one: sql`1` }).from(manifestParcels).where(eq(manifestParcels.parcelId, parcels.id)),
        ),
      ),
    )
    .groupBy(shipments.carrierCode)
    .orderBy(shipments.carrierCode);
  return {
    manifests: recent.map((m) => ({
      ...m,
      parcelCount: Number(m.parcelCount),
      scannedOut: Number(m.scannedOut),
      closedAt: m.closedAt.toISOString(),
    })),
    waiting: waiting.map((w) => ({ ...w, parcels: Number(w.parcels) })),
  };
}
