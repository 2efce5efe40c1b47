import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { type OrderStatus, orders } from '../../../db/schema/index.js';
import { conflict } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { lockOrder } from './order-guards.js';

/**
 * Puts a held order back where it was. One held while the channel still had to confirm payment goes
 * straight to `ready` if the channel confirmed meanwhile (the update could not move it while held).
 */
export async function releaseOrder(
  db: Database,
  actor: Actor,
  input: { orderId: string; reason: string },
  now: Date,
): Promise<{ status: OrderStatus }> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (order.status !== 'on_hold')
      throw conflict('order_not_on_hold', `Order is ${order.status}, not on hold.`);
    let status: OrderStatus = order.heldFromStatus ?? 'ready';
    if (status === 'pending' && order.channelState === 'to_ship') status = 'ready';
    await tx
      .update(orders)
      .set({ status, heldFromStatus: null, holdReason: null, updatedAt: now })
      .where(eq(orders.id, order.id));
    await recordEvent(
      tx,
      actor,
      {
        type: 'order.released',
        orderId: order.id,
        entityType: 'order',
        entityId: order.id,
        payload: { reason: input.reason, to: status, heldFor: order.holdReason },
      },
      now,
    );
    return { status };
  });
}
