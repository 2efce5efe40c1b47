import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { channels, parkedOrders } from '../../../db/schema/index.js';

export async function listParkedOrders(db: Database, input: { includeResolved: boolean }) {
  const rows = await db
    .select({ parked: parkedOrders, channelName: channels.name })
    .from(parkedOrders)
    .innerJoin(channels, eq(channels.id, parkedOrders.channelId))
    .where(input.includeResolved ? undefined : and(isNull(parkedOrders.resolvedAt)))
    .orderBy(desc(parkedOrders.lastSeenAt))
    .limit(500);
  return rows.map(({ parked: p, channelName }) => ({
    id: p.id,
    channelId: p.channelId,
    channelName,
    externalId: p.externalId,
    reason: p.reason,
    raw: p.raw,
    timesSeen: p.timesSeen,
    firstSeenAt: p.firstSeenAt.toISOString(),
    lastSeenAt: p.lastSeenAt.toISOString(),
    resolvedAt: p.resolvedAt?.toISOString() ?? null,
  }));
}
