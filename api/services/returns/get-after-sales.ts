import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import {
  orderLines,
  orders,
  parcels,
  parcelTracking,
  refundLines,
  refunds,
  returnLines,
  returns,
  shipments,
} from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';

/**
 * The customer-service side of an order in one answer: where each parcel is (with its tracking link),
 * what came back in what state, and what was refunded, why, and whether the channel has it.
 */
export async function getAfterSales(db: Database, orderId: string) {
  const [order] = await db
    .select({ id: orders.id, currency: orders.currency })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) throw notFound('order_not_found', `Order ${orderId} does not exist.`);
  const parcelRows = await db
    .select({
      parcelId: parcels.id,
      trackingNumber: parcels.trackingNumber,
      trackingUrl: shipments.trackingUrl,
      carrierName: shipments.carrierName,
      shippedAt: shipments.shippedAt,
      status: parcelTracking.status,
      deliveredAt: parcelTracking.deliveredAt,
      exceptionAt: parcelTracking.exceptionAt,
    })
    .from(parcels)
    .innerJoin(shipments, eq(shipments.id, parcels.shipmentId))
    .leftJoin(parcelTracking, eq(parcelTracking.parcelId, parcels.id))
    .where(eq(shipments.orderId, orderId))
    .orderBy(asc(parcels.createdAt));
  const returnRows = await db
    .select()
    .from(returns)
    .where(eq(returns.orderId, orderId))
    .orderBy(asc(returns.createdAt));
  const items = returnRows.length
    ? await db
        .select({ item: returnLines, sku: orderLines.sku })
        .from(returnLines)
        .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
        .where(
          inArray(
            returnLines.returnId,
            returnRows.map((r) => r.id),
          ),
        )
    : [];
  const refundRows = await db
    .select()
    .from(refunds)
    .where(eq(refunds.orderId, orderId))
    .orderBy(asc(refunds.createdAt));
  const refundLineRows = refundRows.length
    ? await db
        .select({ line: refundLines, sku: orderLines.sku })
        .from(refundLines)
        .innerJoin(orderLines, eq(orderLines.id, refundLines.orderLineId))
        .where(
          inArray(
            refundLines.refundId,
            refundRows.map((r) => r.id),
          ),
        )
    : [];
  return {
    orderId,
    currency: order.currency,
    parcels: parcelRows.map((p) => ({
      parcelId: p.parcelId,
      trackingNumber: p.trackingNumber,
      trackingUrl: p.trackingUrl,
      carrierName: p.carrierName,
      shippedAt: p.shippedAt?.toISOString() ?? null,
      status: p.status ?? null,
      deliveredAt: p.deliveredAt?.toISOString() ?? null,
      exceptionAt: p.exceptionAt?.toISOString() ?? null,
    })),
    returns: returnRows.map((r) => ({
      id: r.id,
      status: r.status,
      source: r.source,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      items: items
        .filter((i) => i.item.returnId === r.id)
        .map((i) => ({
          sku: i.sku,
          quantity: i.item.quantity,
          condition: i.item.condition,
          decision: i.item.decision,
        })),
    })),
    refunds: refundRows.map((r) => ({
      id: r.id,
      reason: r.reason,
      note: r.note,
      itemsMinor: r.itemsMinor,
      shippingMinor: r.shippingMinor,
      totalMinor: r.itemsMinor + r.shippingMinor,
      isShippingIncluded: r.isShippingIncluded,
      pushStatus: r.pushStatus,
      pushError: r.pushError,
      channelRefundId: r.channelRefundId,
      createdAt: r.createdAt.toISOString(),
      lines: refundLineRows
        .filter((l) => l.line.refundId === r.id)
        .map((l) => ({
          sku: l.sku,
          quantity: l.line.quantity,
          amountMinor: l.line.amountMinor,
          shippingMinor: l.line.shippingMinor,
        })),
    })),
  };
}
