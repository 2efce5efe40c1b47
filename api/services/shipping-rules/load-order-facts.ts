import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { orderLines, orders, products } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import type { OrderFacts } from './match-rules.js';

/** An order as the shipping rules see it: weight from the catalogue, value from the lines. */
export async function loadOrderFacts(db: Executor, orderId: string): Promise<OrderFacts> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw notFound('order_not_found', `Order ${orderId} does not exist.`);
  const lines = await db
    .select({
      sku: orderLines.sku,
      quantity: orderLines.quantity,
      unitPriceMinor: orderLines.unitPriceMinor,
      weightGrams: products.weightGrams,
    })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(and(eq(orderLines.orderId, orderId), ne(orderLines.status, 'cancelled')));
  return {
    channelId: order.channelId,
    serviceLevel: order.serviceLevel,
    countryCode: order.shippingAddress.countryCode.toUpperCase(),
    postalCode: order.shippingAddress.postalCode,
    hasRelayPoint: order.relayPointId !== null,
    weightGrams: lines.reduce((g, l) => g + l.weightGrams * l.quantity, 0),
    valueMinor: lines.reduce((v, l) => v + l.unitPriceMinor * l.quantity, 0),
    skus: [...new Set(lines.map((l) => l.sku))],
  };
}
