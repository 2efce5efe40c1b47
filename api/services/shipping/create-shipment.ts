import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import {
  channels,
  orderLines,
  orders,
  parcelLines,
  parcels,
  products,
  shipments,
} from '../../../db/schema/index.js';
import { renderShippingLabelPdf } from '../../../labels/index.js';
import { AppError, notFound } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { allocateTrackingNumber } from './allocate-tracking-number.js';
import { selfIssuedCarrier, shipFrom } from './self-issued-carrier.js';

export interface CreatedShipment {
  shipmentId: string;
  parcelId: string;
  trackingNumber: string;
  carrierCode: string;
}

/** A packed order gets one parcel, a tracking number and its 4x6 label, in one transaction. */
export async function createShipment(
  db: Database,
  actor: Actor,
  input: { orderId: string; weightGrams?: number | undefined },
  now: Date,
): Promise<CreatedShipment> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ order: orders, channelName: channels.name })
      .from(orders)
      .innerJoin(channels, eq(channels.id, orders.channelId))
      .where(eq(orders.id, input.orderId))
      .for('update', { of: orders });
    if (!row) throw notFound('order_not_found', `Order ${input.orderId} does not exist.`);
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
    const weightGrams =
      input.weightGrams ??
      Math.max(
        1,
        lines.reduce((g, l) => g + l.weight * l.line.quantityPacked, 0),
      );
    const trackingNumber = await allocateTrackingNumber(tx, selfIssuedCarrier.range);
    const pdf = await renderShippingLabelPdf({
      size: '4x6',
      carrier: {
        code: selfIssuedCarrier.code,
        name: selfIssuedCarrier.name,
        service: selfIssuedCarrier.service,
      },
      trackingNumber,
      barcode: { symbology: 'code128', value: trackingNumber },
      shipFrom,
      shipTo: { ...order.shippingAddress, countryCode: order.shippingAddress.countryCode.toUpperCase() },
      reference: order.id,
      channelName: row.channelName,
      channelOrderId: order.externalId,
      weightGrams,
      parcel: { index: 1, count: 1 },
      createdAt: now.toISOString(),
    });
    const shipmentId = newId('shp');
    const parcelId = newId('pcl');
    await tx.insert(shipments).values({
      id: shipmentId,
      orderId: order.id,
      status: 'labelled',
      carrierCode: selfIssuedCarrier.code,
      carrierName: selfIssuedCarrier.name,
      service: selfIssuedCarrier.service,
      trackingUrl: selfIssuedCarrier.trackingUrl,
      createdBy: actor.userId ?? null,
      createdAt: now,
    });
    await tx.insert(parcels).values({
      id: parcelId,
      shipmentId,
      trackingNumber,
      weightGrams,
      labelFormat: 'pdf',
      label: pdf,
      createdAt: now,
    });
    await tx
      .insert(parcelLines)
      .values(lines.map((l) => ({ parcelId, orderLineId: l.line.id, quantity: l.line.quantityPacked })));
    await recordEvent(
      tx,
      actor,
      {
        type: 'shipment.labelled',
        orderId: order.id,
        entityType: 'shipment',
        entityId: shipmentId,
        payload: { trackingNumber, weightGrams },
      },
      now,
    );
    return { shipmentId, parcelId, trackingNumber, carrierCode: selfIssuedCarrier.code };
  });
}
