import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { channels, orders, parcels, shipments } from '../../../db/schema/index.js';

/**
 * Pushes that need a person: refused by the channel, or still unconfirmed long after shipping (the
 * queue's retries ran out into the dead-letter queue, or the channel has been down).
 */
export async function listFailedPushes(db: Database, now: Date, staleMinutes = 30) {
  const stale = new Date(now.getTime() - staleMinutes * 60_000);
  const rows = await db
    .select({
      shipmentId: shipments.id,
      orderId: orders.id,
      externalId: orders.externalId,
      channelName: channels.name,
      status: shipments.channelPushStatus,
      attempts: shipments.channelPushAttempts,
      error: shipments.channelPushError,
      shippedAt: shipments.shippedAt,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .where(
      or(
        eq(shipments.channelPushStatus, 'failed'),
        and(eq(shipments.channelPushStatus, 'pending'), lt(shipments.shippedAt, stale)),
      ),
    )
    .orderBy(desc(shipments.shippedAt))
    .limit(500);
  const tracking = rows.length
    ? await db
        .select({ shipmentId: parcels.shipmentId, trackingNumber: parcels.trackingNumber })
        .from(parcels)
        .where(
          inArray(
            parcels.shipmentId,
            rows.map((r) => r.shipmentId),
          ),
        )
    : [];
  return rows.map((r) => ({
    ...r,
    shippedAt: r.shippedAt?.toISOString() ?? null,
    trackingNumbers: tracking.filter((t) => t.shipmentId === r.shipmentId).map((t) => t.trackingNumber),
  }));
}
