import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { orders } from '../../../db/schema/index.js';
import { conflict } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { lockOrder } from './order-guards.js';

/** Raises (or, with 0, lowers) an order's priority: the queue and the wave planner take it first. */
export async function expediteOrder(
  db: Database,
  actor: Actor,
  input: { orderId: string; priority: number; reason: string },
  now: Date,
): Promise<{ priority: number }> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (order.status === 'shipped' || order.status === 'cancelled')
      throw conflict('order_closed', `Order is ${order.status}; there is nothing left to hurry.`);
    await tx.update(orders).set({ priority: input.priority, updatedAt: now }).where(eq(orders.id, order.id));
    await recordEvent(
      tx,
      actor,
      {
        type: 'order.expedited',
        orderId: order.id,
        entityType: 'order',
        entityId: order.id,
        payload: { reason: input.reason, from: order.priority, to: input.priority },
      },
      now,
    );
    return { priority: input.priority };
  });
}
