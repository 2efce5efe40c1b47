import type { orders } from '../../../db/schema/index.js';

type Order = typeof orders.$inferSelect;

import type { CarrierShipmentRequest } from '../../carriers/carrier.js';
import { shipFrom } from '../shipping/self-issued-carrier.js';

/** What a carrier is asked to book for an order, one parcel of `weightGrams`. */
export function buildCarrierRequest(
  order: Pick<Order, 'id' | 'externalId' | 'shippingAddress' | 'buyerEmail'>,
  input: {
    channelName: string;
    weightGrams: number;
    serviceCode: string;
    relayPointId: string | null;
    idempotencyKey: string;
    labelFormat: 'pdf' | 'zpl';
  },
): CarrierShipmentRequest {
  return {
    shipFrom,
    shipTo: {
      ...order.shippingAddress,
      countryCode: order.shippingAddress.countryCode.toUpperCase(),
      email: order.buyerEmail ?? null,
    },
    parcels: [{ weightGrams: input.weightGrams }],
    serviceCode: input.serviceCode,
    reference: order.id,
    idempotencyKey: input.idempotencyKey,
    labelFormat: input.labelFormat,
    relayPointId: input.relayPointId,
    display: { channelName: input.channelName, channelOrderId: order.externalId },
  };
}

/** A prefetched label fits the packed parcel when the weights differ by at most 100 g or 10 %. */
export function isWeightWithinTolerance(labelled: number, packed: number): boolean {
  return Math.abs(labelled - packed) <= Math.max(100, Math.round(labelled * 0.1));
}
