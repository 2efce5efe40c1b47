import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { orderLines, orders, reservations } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';

/**
 * Moves picked units onto the reservation, the order line and the order, with the same conditional
 * updates as single-order picking, so a wave and a single-order scan can never pick one unit twice.
 */
export async function applyPickedUnits(
  tx: Executor,
  task: { reservationId: string; orderLineId: string; orderId: string },
  units: number,
  now: Date,
): Promise<void> {
  const [reservation] = await tx
    .update(reservations)
    .set({ quantityPicked: sql`${reservations.quantityPicked} + ${units}` })
    .where(
      and(
        eq(reservations.id, task.reservationId),
        eq(reservations.status, 'active'),
        sql`${reservations.quantityPicked} + ${units} <= ${reservations.quantity}`,
      ),
    )
    .returning({ id: reservations.id });
  if (!reservation) {
    throw new AppError(
      'pick_conflict',
      409,
      'These units were picked or released by someone else meanwhile; reload the wave.',
    );
  }
  const [line] = await tx
    .update(orderLines)
    .set({
      quantityPicked: sql`${orderLines.quantityPicked} + ${units}`,
      status: sql`case when ${orderLines.quantityPicked} + ${units} = ${orderLines.quantity} then 'picked' else ${orderLines.status} end`,
    })
    .where(eq(orderLines.id, task.orderLineId))
    .returning({ quantityPicked: orderLines.quantityPicked, quantity: orderLines.quantity });
  if (!line) throw new AppError('pick_conflict', 409, 'The order line is gone; reload the wave.');
  await refreshOrderPickStatus(tx, task.orderId, now);
}

/** `picked` once no live line lacks units, else `picking`; one statement, as it runs on every scan. */
export async function refreshOrderPickStatus(tx: Executor, orderId: string, now: Date): Promise<void> {
  const lacking = tx
    .select({ id: orderLines.id })
    .from(orderLines)
    .where(
      and(
        eq(orderLines.orderId, orderId),
        ne(orderLines.status, 'cancelled'),
        sql`${orderLines.quantityPicked} < ${orderLines.quantity}`,
      ),
    );
  await tx
    .update(orders)
    .set({ status: sql`case when exists (${lacking}) then 'picking' else 'picked' end`, updatedAt: now })
    .where(and(eq(orders.id, orderId), sql`${orders.status} in ('ready', 'picking')`));
}
