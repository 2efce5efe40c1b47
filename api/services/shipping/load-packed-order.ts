import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { channels, orderLines, orders, products, shipments } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';

/**
 * A packed order without an open shipment, its packed lines and the parcel weight (given, or the sum of
 * the products' weights). With `lock`, the order row stays locked until the transaction ends.
 */
export async function loadPackedOrder(
  tx: Executor,
  orderId: string,
  weightGrams: number | undefined,
  lock: boolean,
) {
  const query = tx
    .select({ order: orders, channelName: channels.name })
    .from(orders)
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .where(eq(orders.id, orderId));
  const [row] = lock ? await query.for('update', { of: orders }) : await query;
  if (!row) throw notFound('order_not_found', `Order ${orderId} does not exist.`);
  const { order } = row;
  if (order.status !== 'packed') {
    throw new AppError(
      'order_not_packed',
      409,
      `Order is ${order.status}; scan every item at packing first.`,
    );
  }
  const [open] = await tx
    .select({ id: shipments.id })
    .from(shipments)
    .where(and(eq(shipments.orderId, order.id), ne(shipments.status, 'cancelled')));
  if (open)
    throw new AppError('shipment_exists', 409, `Order already has shipment ${open.id}.`, {
      shipmentId: open.id,
    });
  const lines = await tx
    .select({ line: orderLines, weight: products.weightGrams })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(and(eq(orderLines.orderId, order.id), inArray(orderLines.status, ['packed'])));
  const weight =
    weightGrams ??
    Math.max(
      1,
      lines.reduce((g, l) => g + l.weight * l.line.quantityPacked, 0),
    );
  return { order, channelName: row.channelName, lines, weightGrams: weight };
}
