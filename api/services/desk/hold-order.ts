import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { orders } from '../../../db/schema/index.js';
import { conflict } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { assertNotInWave, lockOrder } from './order-guards.js';

const holdable = new Set(['pending', 'ready', 'picked', 'packed']);

/**
 * Stops an order where it is: it leaves the pick queue and cannot be labelled or handed over until
 * released. Its stock stays reserved, so releasing it needs no new allocation.
 */
export async function holdOrder(
  db: Database,
  actor: Actor,
  input: { orderId: string; reason: string },
  now: Date,
): Promise<{ status: 'on_hold'; heldFromStatus: string }> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (order.status === 'on_hold')
      throw conflict('order_already_on_hold', `Order is already on hold: ${order.holdReason ?? ''}`.trim());
    if (!holdable.has(order.status))
      throw conflict(
        'order_not_holdable',
        `Order is ${order.status}; only orders not yet shipped can be held.`,
      );
    await assertNotInWave(tx, order.id);
    await tx
      .update(orders)
      .set({ status: 'on_hold', heldFromStatus: order.status, holdReason: input.reason, updatedAt: now })
      .where(eq(orders.id, order.id));
    await recordEvent(
      tx,
      actor,
      {
        type: 'order.held',
        orderId: order.id,
        entityType: 'order',
        entityId: order.id,
        payload: { reason: input.reason, from: order.status },
      },
      now,
    );
    return { status: 'on_hold' as const, heldFromStatus: order.status };
  });
}
