import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { channels, events, orderLines, orders, parcels, shipments } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';

/** Everything the order page shows: lines, shipments with their parcels, and the event timeline. */
export async function getOrder(db: Database, orderId: string) {
  const [row] = await db
    .select({ order: orders, channelName: channels.name, channelType: channels.type })
    .from(orders)
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .where(eq(orders.id, orderId));
  if (!row) throw notFound('order_not_found', `Order ${orderId} does not exist.`);
  const lines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.externalLineId));
  const shipmentRows = await db
    .select()
    .from(shipments)
    .where(eq(shipments.orderId, orderId))
    .orderBy(asc(shipments.createdAt));
  const parcelRows = shipmentRows.length
    ? await db
        .select({
          id: parcels.id,
          shipmentId: parcels.shipmentId,
          trackingNumber: parcels.trackingNumber,
          weightGrams: parcels.weightGrams,
          labelFormat: parcels.labelFormat,
        })
        .from(parcels)
        .where(
          inArray(
            parcels.shipmentId,
            shipmentRows.map((s) => s.id),
          ),
        )
    : [];
  const timeline = await db
    .select()
    .from(events)
    .where(eq(events.orderId, orderId))
    .orderBy(asc(events.occurredAt), asc(events.id));
  const o = row.order;
  return {
    id: o.id,
    channel: { id: o.channelId, name: row.channelName, type: row.channelType },
    externalId: o.externalId,
    status: o.status,
    channelState: o.channelState,
    channelStatus: o.channelStatus,
    placedAt: o.placedAt.toISOString(),
    shipBy: o.shipBy?.toISOString() ?? null,
    currency: o.currency,
    totalMinor: o.totalMinor,
    shippingMinor: o.shippingMinor,
    serviceLevel: o.serviceLevel,
    buyer: { name: o.buyerName, email: o.buyerEmail, phone: o.buyerPhone },
    shippingAddress: o.shippingAddress,
    lines: lines.map((l) => ({
      id: l.id,
      externalLineId: l.externalLineId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      status: l.status,
      quantityPicked: l.quantityPicked,
      quantityPacked: l.quantityPacked,
      quantityShipped: l.quantityShipped,
      quantityCancelled: l.quantityCancelled,
      quantityCancelledPicked: l.quantityCancelledPicked,
    })),
    shipments: shipmentRows.map((s) => ({
      id: s.id,
      status: s.status,
      carrierCode: s.carrierCode,
      carrierName: s.carrierName,
      service: s.service,
      channelPushStatus: s.channelPushStatus,
      channelPushError: s.channelPushError,
      shippedAt: s.shippedAt?.toISOString() ?? null,
      parcels: parcelRows
        .filter((p) => p.shipmentId === s.id)
        .map((p) => ({
          id: p.id,
          trackingNumber: p.trackingNumber,
          weightGrams: p.weightGrams,
          labelFormat: p.labelFormat,
          labelUrl: `/api/parcels/${p.id}/label`,
        })),
    })),
    events: timeline.map((e) => ({
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      actorUserId: e.actorUserId,
      deviceId: e.deviceId,
      payload: e.payload,
    })),
  };
}
