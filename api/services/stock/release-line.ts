import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { binStock, reservations } from '../../../db/schema/index.js';

/** Gives back what an order line still holds (cancel at the channel, refusal). */
export async function releaseLine(tx: Executor, orderLineId: string): Promise<void> {
  const active = await tx
    .update(reservations)
    .set({ status: 'released' })
    .where(and(eq(reservations.orderLineId, orderLineId), eq(reservations.status, 'active')))
    .returning();
  for (const r of active) {
    await tx
      .update(binStock)
      .set({ reserved: sql`${binStock.reserved} - ${r.quantity}` })
      .where(and(eq(binStock.binId, r.binId), eq(binStock.productId, r.productId)));
  }
}
