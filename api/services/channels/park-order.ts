import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { parkedOrders } from '../../../db/schema/index.js';

/**
 * Keeps an order we could not take in, with its raw payload and the reason, so nothing a channel sent is
 * ever lost. A re-delivery of the same order updates its row (count, last seen, latest reason).
 */
export async function parkOrder(
  db: Database,
  input: { channelId: string; externalId: string | null; raw: unknown; reason: string },
  now: Date,
): Promise<void> {
  const values = {
    id: newId('prk'),
    channelId: input.channelId,
    externalId: input.externalId,
    reason: input.reason,
    raw: (input.raw ?? null) as object,
    firstSeenAt: now,
    lastSeenAt: now,
  };
  if (input.externalId === null) {
    await db.insert(parkedOrders).values(values);
    return;
  }
  await db
    .insert(parkedOrders)
    .values(values)
    .onConflictDoUpdate({
      target: [parkedOrders.channelId, parkedOrders.externalId],
      targetWhere: sql`${parkedOrders.externalId} is not null`,
      set: {
        reason: input.reason,
        raw: values.raw,
        lastSeenAt: now,
        timesSeen: sql`${parkedOrders.timesSeen} + 1`,
        resolvedAt: null,
      },
    });
}
