import { and, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import {
  binStock,
  orderLines,
  orders,
  productStockSettings,
  products,
  purchaseOrderLines,
  purchaseOrders,
  stockMovements,
  suppliers,
} from '../../../db/schema/index.js';

export interface ReorderAlert {
  productId: string;
  sku: string;
  name: string;
  supplierId: string | null;
  available: number;
  incoming: number;
  soldLast30Days: number;
  dailyRate: number;
  leadTimeDays: number;
  minStock: number;
  /** Days the available stock lasts at the recent rate; null when nothing sold. */
  daysOfCover: number | null;
  suggestedQuantity: number;
}

const defaultLeadTimeDays = 7;
/** A suggested order covers the lead time plus this many days of sales. */
const coverDays = 30;

/**
 * Products that will fall under their minimum before a new delivery could arrive: the last 30 days of
 * sales (channel orders and shop sales) give a daily rate, the lead time how long we must last, and
 * goods already on order count as coming.
 */
export async function listReorderAlerts(db: Executor, now: Date): Promise<ReorderAlert[]> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const items = await db
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      supplierId: productStockSettings.supplierId,
      minStock: productStockSettings.minStock,
      leadTimeDays: sql<
        number | null
      >`coalesce(${productStockSettings.leadTimeDays}, ${suppliers.leadTimeDays})`,
    })
    .from(products)
    .leftJoin(productStockSettings, eq(productStockSettings.productId, products.id))
    .leftJoin(suppliers, eq(suppliers.id, productStockSettings.supplierId));
  if (items.length === 0) return [];
  const ids = items.map((i) => i.id);
  const sumBy = async (rows: Promise<{ productId: string; n: number }[]>) =>
    new Map((await rows).map((r) => [r.productId, Number(r.n)]));
  const available = await sumBy(
    db
      .select({
        productId: binStock.productId,
        n: sql<number>`sum(${binStock.onHand} - ${binStock.reserved})::int`,
      })
      .from(binStock)
      .where(inArray(binStock.productId, ids))
      .groupBy(binStock.productId),
  );
  const incoming = await sumBy(
    db
      .select({
        productId: purchaseOrderLines.productId,
        n: sql<number>`sum(${purchaseOrderLines.quantityOrdered} - ${purchaseOrderLines.quantityReceived})::int`,
      })
      .from(purchaseOrderLines)
      .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
      .where(
        and(
          inArray(purchaseOrders.status, ['ordered', 'receiving']),
          inArray(purchaseOrderLines.productId, ids),
        ),
      )
      .groupBy(purchaseOrderLines.productId),
  );
  const channelSales = await sumBy(
    db
      .select({ productId: orderLines.productId, n: sql<number>`sum(${orderLines.quantity})::int` })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(
        and(
          gte(orders.placedAt, since),
          ne(orderLines.status, 'cancelled'),
          ne(orderLines.status, 'refused'),
        ),
      )
      .groupBy(orderLines.productId),
  );
  const shopSales = await sumBy(
    db
      .select({ productId: stockMovements.productId, n: sql<number>`sum(-${stockMovements.delta})::int` })
      .from(stockMovements)
      .where(and(eq(stockMovements.reason, 'shop_sale'), gte(stockMovements.createdAt, since)))
      .groupBy(stockMovements.productId),
  );
  const alerts: ReorderAlert[] = [];
  for (const item of items) {
    const sold = (channelSales.get(item.id) ?? 0) + (shopSales.get(item.id) ?? 0);
    const dailyRate = sold / 30;
    const leadTimeDays = Number(item.leadTimeDays ?? defaultLeadTimeDays);
    const minStock = item.minStock ?? 0;
    const free = available.get(item.id) ?? 0;
    const coming = incoming.get(item.id) ?? 0;
    const needDuringLead = Math.ceil(dailyRate * leadTimeDays);
    if (free + coming - needDuringLead >= minStock) continue;
    if (sold === 0 && minStock === 0) continue;
    alerts.push({
      productId: item.id,
      sku: item.sku,
      name: item.name,
      supplierId: item.supplierId ?? null,
      available: free,
      incoming: coming,
      soldLast30Days: sold,
      dailyRate: Math.round(dailyRate * 100) / 100,
      leadTimeDays,
      minStock,
      daysOfCover: dailyRate > 0 ? Math.round((free / dailyRate) * 10) / 10 : null,
      suggestedQuantity: Math.max(
        1,
        Math.ceil(dailyRate * (leadTimeDays + coverDays)) + minStock - free - coming,
      ),
    });
  }
  return alerts.sort((a, b) => (a.daysOfCover ?? Infinity) - (b.daysOfCover ?? Infinity));
}
