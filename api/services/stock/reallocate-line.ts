import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { binStock, orderLines, reservations } from '../../../db/schema/index.js';
import { reserveLine } from './reserve-line.js';

export interface ReallocationResult {
  /** Units given back in the short bin (reserved but not picked there). */
  released: number;
  /** Of those, units now reserved in other bins. */
  reallocated: number;
  /** Units the line still lacks after trying every other bin. */
  backordered: number;
}

/**
 * A picker found a bin short. What the line still held there unpicked is given back, other bins are
 * tried in pick order (never the short one: its count is wrong until someone counts it), and what
 * cannot be found anywhere leaves the line backordered. Picked units stay reserved where they were
 * picked. Call inside the transaction that records the short pick.
 */
export async function reallocateLine(
  tx: Executor,
  orderLineId: string,
  options: { excludeBinId: string },
): Promise<ReallocationResult> {
  const held = await tx
    .select()
    .from(reservations)
    .where(
      and(
        eq(reservations.orderLineId, orderLineId),
        eq(reservations.binId, options.excludeBinId),
        eq(reservations.status, 'active'),
      ),
    )
    .for('update');
  let released = 0;
  let productId: string | null = null;
  for (const r of held) {
    const unpicked = r.quantity - r.quantityPicked;
    if (unpicked <= 0) continue;
    productId = r.productId;
    await tx
      .update(reservations)
      .set(
        r.quantityPicked === 0 ? { status: 'released' } : { quantity: sql`${reservations.quantityPicked}` },
      )
      .where(eq(reservations.id, r.id));
    await tx
      .update(binStock)
      .set({ reserved: sql`${binStock.reserved} - ${unpicked}` })
      .where(and(eq(binStock.binId, r.binId), eq(binStock.productId, r.productId)));
    released += unpicked;
  }
  if (released === 0 || productId === null) return { released: 0, reallocated: 0, backordered: 0 };
  const reallocated = await reserveLine(
    tx,
    { id: orderLineId, productId, quantity: released },
    { excludeBinId: options.excludeBinId },
  );
  const backordered = released - reallocated;
  if (backordered > 0) {
    await tx.update(orderLines).set({ status: 'backordered' }).where(eq(orderLines.id, orderLineId));
  }
  return { released, reallocated, backordered };
}
