import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import {
  channels,
  orderLines,
  orders,
  packBoxes,
  packBoxLines,
  parcels,
  productBarcodes,
  shipments,
} from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { loadPackingContext } from './packing-context.js';

/** Everything the packing station shows for one order: lines, boxes with their contents, the label. */
export async function getPackingView(db: Executor, orderId: string) {
  const [row] = await db
    .select({ order: orders, channelName: channels.name })
    .from(orders)
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .where(eq(orders.id, orderId));
  if (!row) throw notFound('order_not_found', `Order ${orderId} does not exist.`);
  const { order } = row;
  const allLines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.externalLineId));
  const lines = allLines.filter((l) => l.status !== 'cancelled');
  // Lines the channel cancelled whole: nothing to pack, but units already picked are in the tote.
  const cancelled = allLines.filter((l) => l.status === 'cancelled');
  const codes = lines.length
    ? await db
        .select({ productId: productBarcodes.productId, code: productBarcodes.code })
        .from(productBarcodes)
        .where(
          inArray(
            productBarcodes.productId,
            lines.map((l) => l.productId),
          ),
        )
    : [];
  const boxes = await db
    .select({ box: packBoxes, trackingNumber: parcels.trackingNumber })
    .from(packBoxes)
    .leftJoin(parcels, eq(parcels.id, packBoxes.parcelId))
    .where(eq(packBoxes.orderId, orderId))
    .orderBy(asc(packBoxes.seq));
  const contents = boxes.length
    ? await db
        .select()
        .from(packBoxLines)
        .where(
          inArray(
            packBoxLines.boxId,
            boxes.map((b) => b.box.id),
          ),
        )
    : [];
  const [shipment] = await db
    .select({ id: shipments.id, status: shipments.status, carrierName: shipments.carrierName })
    .from(shipments)
    .where(and(eq(shipments.orderId, orderId), ne(shipments.status, 'cancelled')));
  const context = await loadPackingContext(db, orderId);
  return {
    order: {
      id: order.id,
      externalId: order.externalId,
      status: order.status,
      channelName: row.channelName,
      serviceLevel: context.serviceLevel,
      shipBy: order.shipBy?.toISOString() ?? null,
      city: order.shippingAddress.city,
      countryCode: order.shippingAddress.countryCode,
    },
    service: { name: context.serviceName, carrierCode: context.carrierCode },
    lines: lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      quantityPicked: l.quantityPicked,
      quantityPacked: l.quantityPacked,
      quantityCancelled: l.quantityCancelled,
      quantityCancelledPicked: l.quantityCancelledPicked,
      barcodes: codes.filter((c) => c.productId === l.productId).map((c) => c.code),
    })),
    cancelledLines: cancelled.map((l) => ({
      id: l.id,
      sku: l.sku,
      title: l.title,
      quantityCancelled: Math.max(l.quantityCancelled, l.quantity),
      quantityCancelledPicked: l.quantityCancelledPicked,
    })),
    boxes: boxes.map(({ box, trackingNumber }) => ({
      id: box.id,
      seq: box.seq,
      status: box.status,
      packagingCode: box.packagingCode,
      weightGrams: box.weightGrams,
      lengthCm: box.lengthCm,
      widthCm: box.widthCm,
      heightCm: box.heightCm,
      parcelId: box.parcelId,
      trackingNumber: trackingNumber ?? null,
      lines: contents
        .filter((c) => c.boxId === box.id)
        .map((c) => ({ orderLineId: c.orderLineId, quantity: c.quantity })),
    })),
    shipment: shipment ?? null,
  };
}

export type PackingView = Awaited<ReturnType<typeof getPackingView>>;
