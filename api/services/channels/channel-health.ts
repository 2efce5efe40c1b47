import { and, eq, isNull, max, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { channels, orders, parkedOrders, shipments } from '../../../db/schema/index.js';

/**
 * What the Channels page shows per channel: last pull and its error, last confirmed push, the push
 * backlog (shipped, not yet confirmed), pushes the channel refused, and parked orders still open.
 */
export async function getChannelHealth(db: Database) {
  const rows = await db
    .select({
      id: channels.id,
      type: channels.type,
      name: channels.name,
      isEnabled: channels.isEnabled,
      lastPulledAt: channels.lastPulledAt,
      lastPullError: channels.lastPullError,
    })
    .from(channels)
    .orderBy(channels.name);
  const pushes = await db
    .select({
      channelId: orders.channelId,
      lastPushAt: max(shipments.channelConfirmedAt),
      backlog: sql<number>`count(*) filter (where ${shipments.channelPushStatus} = 'pending')::int`,
      failed: sql<number>`count(*) filter (where ${shipments.channelPushStatus} = 'failed')::int`,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .groupBy(orders.channelId);
  const parked = await db
    .select({ channelId: parkedOrders.channelId, open: sql<number>`count(*)::int` })
    .from(parkedOrders)
    .where(and(isNull(parkedOrders.resolvedAt)))
    .groupBy(parkedOrders.channelId);
  return rows.map((c) => {
    const p = pushes.find((x) => x.channelId === c.id);
    const lastPush = p?.lastPushAt ? new Date(p.lastPushAt as unknown as string) : null;
    return {
      ...c,
      lastPulledAt: c.lastPulledAt?.toISOString() ?? null,
      lastPushAt: lastPush?.toISOString() ?? null,
      pushBacklog: Number(p?.backlog ?? 0),
      pushFailed: Number(p?.failed ?? 0),
      parkedOpen: Number(parked.find((x) => x.channelId === c.id)?.open ?? 0),
    };
  });
}
