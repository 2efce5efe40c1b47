import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { binStock, cycleCountLines, cycleCounts, reservations } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { scheduleStockPush } from '../allocation/schedule-stock-push.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { applyMovement } from '../stock/apply-movement.js';
import { reallocateLine } from '../stock/reallocate-line.js';

export interface CountDifference {
  productId: string;
  expected: number;
  counted: number;
  difference: number;
}

/**
 * Closes a count: for each product in scope, what was counted replaces what the system believed, as a
 * `count` movement. Units already picked from the bin sit in a tote, not on the shelf, so the counter
 * cannot see them: they are added back to what was counted. When the shelf holds less than the orders
 * reserved there, those orders are moved to other bins (or backordered) first.
 */
export async function completeCycleCount(
  deps: { db: Database; jobs: JobQueue },
  actor: Actor,
  countId: string,
  now: Date,
): Promise<{ differences: CountDifference[] }> {
  return deps.db.transaction(async (tx) => {
    const [count] = await tx
      .update(cycleCounts)
      .set({ status: 'completed', completedAt: now, completedBy: actor.userId ?? null })
      .where(and(eq(cycleCounts.id, countId), eq(cycleCounts.status, 'open')))
      .returning();
    if (!count) {
      const [current] = await tx.select().from(cycleCounts).where(eq(cycleCounts.id, countId));
      if (!current) throw notFound('count_not_found', `Cycle count ${countId} does not exist.`);
      throw new AppError('count_not_open', 409, `This count is already ${current.status}.`);
    }
    const lines = await tx.select().from(cycleCountLines).where(eq(cycleCountLines.countId, countId));
    const counted = new Map(lines.map((l) => [l.productId, l.counted]));
    const inBin = await tx
      .select({ productId: binStock.productId })
      .from(binStock)
      .where(eq(binStock.binId, count.binId));
    const scope = count.productId
      ? [count.productId]
      : [...new Set([...inBin.map((r) => r.productId), ...counted.keys()])];
    const differences: CountDifference[] = [];
    for (const productId of scope) {
      const difference = await settleProduct(
        tx,
        actor,
        count.binId,
        productId,
        counted.get(productId) ?? 0,
        countId,
        now,
      );
      differences.push(difference);
      await tx
        .insert(cycleCountLines)
        .values({
          id: newId('cnl'),
          countId,
          productId,
          counted: difference.counted,
          expected: difference.expected,
        })
        .onConflictDoUpdate({
          target: [cycleCountLines.countId, cycleCountLines.productId],
          set: { expected: difference.expected },
        });
    }
    await scheduleStockPush(tx, deps.jobs, scope);
    await recordEvent(
      tx,
      actor,
      {
        type: 'count.completed',
        entityType: 'cycle_count',
        entityId: countId,
        payload: { binId: count.binId, differences: differences.filter((d) => d.difference !== 0) },
      },
      now,
    );
    return { differences };
  });
}

async function settleProduct(
  tx: Executor,
  actor: Actor,
  binId: string,
  productId: string,
  counted: number,
  countId: string,
  now: Date,
): Promise<CountDifference> {
  const where = and(eq(binStock.binId, binId), eq(binStock.productId, productId));
  const [row] = await tx.select().from(binStock).where(where).for('update');
  const [inTotes] = await tx
    .select({ n: sql<number>`coalesce(sum(${reservations.quantityPicked}), 0)::int` })
    .from(reservations)
    .where(
      and(
        eq(reservations.binId, binId),
        eq(reservations.productId, productId),
        eq(reservations.status, 'active'),
      ),
    );
  const picked = Number(inTotes?.n ?? 0);
  const onShelf = (row?.onHand ?? 0) - picked;
  const difference = counted - onShelf;
  if (difference < 0 && row && row.reserved - picked > counted) {
    // Orders hold more here than the shelf has: move them elsewhere, newest first, until it fits.
    const holders = await tx
      .select({ orderLineId: reservations.orderLineId })
      .from(reservations)
      .where(
        and(
          eq(reservations.binId, binId),
          eq(reservations.productId, productId),
          eq(reservations.status, 'active'),
        ),
      )
      .orderBy(desc(reservations.createdAt));
    for (const holder of holders) {
      const [current] = await tx.select({ reserved: binStock.reserved }).from(binStock).where(where);
      if ((current?.reserved ?? 0) - picked <= counted) break;
      await reallocateLine(tx, holder.orderLineId, { excludeBinId: binId });
    }
  }
  await applyMovement(
    tx,
    actor,
    { productId, binId, delta: difference, reason: 'count', reference: countId },
    now,
  );
  return { productId, expected: onShelf, counted, difference };
}
