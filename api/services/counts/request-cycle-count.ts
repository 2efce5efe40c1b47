import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { cycleCounts } from '../../../db/schema/index.js';
import { recordEvent, systemActor } from '../events/record-event.js';

export interface CycleCountRequest {
  binId: string;
  /** null: count everything in the bin. */
  productId: string | null;
  reason: string;
  orderLineId?: string | null;
}

/**
 * Opens a count of a bin (or of one product in it) and returns its id. A second request for the same
 * bin and product while one is open returns the open one: ten short picks at one shelf are one count.
 */
export async function requestCycleCount(tx: Executor, input: CycleCountRequest, now: Date): Promise<string> {
  const id = newId('cnt');
  const inserted = await tx
    .insert(cycleCounts)
    .values({
      id,
      binId: input.binId,
      productId: input.productId,
      reason: input.reason,
      orderLineId: input.orderLineId ?? null,
      requestedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: cycleCounts.id });
  if (inserted.length > 0) {
    await recordEvent(
      tx,
      systemActor,
      {
        type: 'count.requested',
        entityType: 'cycle_count',
        entityId: id,
        payload: { binId: input.binId, productId: input.productId, reason: input.reason },
      },
      now,
    );
    return id;
  }
  const [open] = await tx
    .select({ id: cycleCounts.id })
    .from(cycleCounts)
    .where(
      and(
        eq(cycleCounts.binId, input.binId),
        input.productId === null ? isNull(cycleCounts.productId) : eq(cycleCounts.productId, input.productId),
        eq(cycleCounts.status, 'open'),
      ),
    )
    .limit(1);
  if (!open) throw new Error(`cycle count for bin ${input.binId} conflicted but none is open`);
  return open.id;
}
