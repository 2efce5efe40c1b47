import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { channels, orders, parcels, shipments } from '../../../db/schema/index.js';
import { conflict, notFound } from '../../errors.js';

export type PrintParcel = Awaited<ReturnType<typeof loadPrintParcels>>[number];

/**
 * The parcels to print, in the order asked, each with what re-rendering its label needs. A voided
 * label, or an order on hold, is not printed: a label on a box that must not leave is a mistake waiting.
 */
export async function loadPrintParcels(tx: Executor, parcelIds: readonly string[]) {
  const rows = await tx
    .select({
      parcel: parcels,
      shipment: {
        id: shipments.id,
        status: shipments.status,
        carrierCode: shipments.carrierCode,
        carrierName: shipments.carrierName,
        service: shipments.service,
      },
      order: {
        id: orders.id,
        externalId: orders.externalId,
        status: orders.status,
        shippingAddress: orders.shippingAddress,
      },
      channelName: channels.name,
    })
    .from(parcels)
    .innerJoin(shipments, eq(shipments.id, parcels.shipmentId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .where(inArray(parcels.id, [...parcelIds]));
  const siblings = await tx
    .select({ id: parcels.id, shipmentId: parcels.shipmentId })
    .from(parcels)
    .where(
      inArray(
        parcels.shipmentId,
        rows.map((r) => r.shipment.id),
      ),
    )
    .orderBy(asc(parcels.createdAt), asc(parcels.id));
  return parcelIds.map((id) => {
    const row = rows.find((r) => r.parcel.id === id);
    if (!row) throw notFound('parcel_not_found', `Parcel ${id} does not exist.`);
    const tracking = row.parcel.trackingNumber;
    if (row.shipment.status === 'cancelled')
      throw conflict('label_voided', `The label ${tracking} was voided; pack the order again for a new one.`);
    if (row.order.status === 'on_hold')
      throw conflict(
        'order_on_hold',
        `Order ${row.order.externalId} is on hold; release it before printing.`,
      );
    const ofShipment = siblings.filter((s) => s.shipmentId === row.shipment.id);
    return { ...row, index: ofShipment.findIndex((s) => s.id === id), count: ofShipment.length };
  });
}
