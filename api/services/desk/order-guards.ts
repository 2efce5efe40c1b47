import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { orders, waveOrders } from '../../../db/schema/index.js';
import { conflict, notFound } from '../../errors.js';

export type OrderRow = typeof orders.$inferSelect;

/** The order, locked until the transaction ends, so two desks acting on it take turns. */
export async function lockOrder(tx: Executor, orderId: string): Promise<OrderRow> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order) throw notFound('order_not_found', `Order ${orderId} does not exist.`);
  return order;
}

/** A picker may be walking to it: the order must leave its wave (short or finish) first. */
export async function assertNotInWave(tx: Executor, orderId: string): Promise<void> {
  const [open] = await tx
    .select({ waveId: waveOrders.waveId })
    .from(waveOrders)
    .where(and(eq(waveOrders.orderId, orderId), eq(waveOrders.isOpen, true)));
  if (open)
    throw conflict('order_in_wave', `Order is on wave ${open.waveId}; finish or short that wave first.`, {
      waveId: open.waveId,
    });
}
