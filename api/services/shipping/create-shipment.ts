import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { orderCarrierChoices } from '../../../db/schema/index.js';
import { createSelfIssuedAdapter } from '../../carriers/self-issued/self-issued-adapter.js';
import { AppError } from '../../errors.js';
import type { CarrierDeps } from '../carriers/load-carrier.js';
import type { Actor } from '../events/record-event.js';
import { applyShippingRulesToUndecided } from '../shipping-rules/apply-shipping-rules.js';
import { createCarrierShipment } from './create-carrier-shipment.js';
import { loadPackedOrder } from './load-packed-order.js';
import { recordShipment } from './record-shipment.js';
import { selfIssuedCarrier, shipFrom } from './self-issued-carrier.js';

export interface CreatedShipment {
  shipmentId: string;
  parcelId: string;
  trackingNumber: string;
  carrierCode: string;
}

/**
 * A packed order gets one parcel, a tracking number and its label. Orders with a chosen carrier go to
 * that carrier (or take the label booked ahead for them); the others get a self-issued number, all in
 * one transaction so a number is used only if the shipment is committed.
 */
export async function createShipment(
  db: Database,
  actor: Actor,
  input: { orderId: string; weightGrams?: number | undefined },
  now: Date,
  carriers?: CarrierDeps,
): Promise<CreatedShipment> {
  // An order packed before the rules' sweep reached it gets its carrier from the rules now.
  await applyShippingRulesToUndecided(db, now, [input.orderId]);
  const [choice] = await db
    .select()
    .from(orderCarrierChoices)
    .where(eq(orderCarrierChoices.orderId, input.orderId));
  if (choice) {
    if (!carriers)
      throw new AppError(
        'carrier_unavailable',
        503,
        'This order ships with a carrier account, and no carrier access is configured here.',
      );
    return createCarrierShipment(db, carriers, actor, { ...input, choice }, now);
  }
  return db.transaction(async (tx) => {
    const packed = await loadPackedOrder(tx, input.orderId, input.weightGrams, true);
    const { order } = packed;
    const adapter = createSelfIssuedAdapter(tx, selfIssuedCarrier, () => now);
    const booked = await adapter.createShipment({
      shipFrom,
      shipTo: { ...order.shippingAddress, countryCode: order.shippingAddress.countryCode.toUpperCase() },
      parcels: [{ weightGrams: packed.weightGrams }],
      serviceCode: selfIssuedCarrier.service,
      reference: order.id,
      labelFormat: 'pdf',
      display: { channelName: packed.channelName, channelOrderId: order.externalId },
    });
    const [parcel] = booked.parcels;
    if (!parcel)
      throw new AppError('carrier_bad_response', 502, 'The self-issued carrier returned no parcel.');
    return recordShipment(tx, actor, now, {
      packed,
      carrier: {
        code: selfIssuedCarrier.code,
        name: selfIssuedCarrier.name,
        service: selfIssuedCarrier.service,
        trackingUrl: selfIssuedCarrier.trackingUrl,
        carrierShipmentId: booked.carrierShipmentId,
        carrierAccountId: null,
      },
      parcel,
      via: 'self_issued',
    });
  });
}
