import { call, client } from './api.js';

/**
 * The shape of GET /api/orders/{id}. The route publishes only `{ id }` plus any other keys, so the typed
 * client cannot carry this; it mirrors api/services/orders/get-order.ts until the route declares it.
 */
export interface OrderDetail {
  id: string;
  channel: { id: string; name: string; type: string };
  externalId: string;
  status: string;
  channelState: string;
  channelStatus: string;
  placedAt: string;
  shipBy: string | null;
  currency: string;
  totalMinor: number;
  shippingMinor: number;
  serviceLevel: string | null;
  buyer: { name: string; email: string | null; phone: string | null };
  shippingAddress: {
    name: string;
    company: string | null;
    line1: string;
    line2: string | null;
    postalCode: string;
    city: string;
    countryCode: string;
    phone: string | null;
  } | null;
  lines: OrderLine[];
  shipments: Shipment[];
  events: OrderEvent[];
}

export interface OrderLine {
  id: string;
  externalLineId: string;
  sku: string;
  title: string;
  quantity: number;
  unitPriceMinor: number;
  status: string;
  quantityPicked: number;
  quantityPacked: number;
  quantityShipped: number;
}

export interface Shipment {
  id: string;
  status: string;
  carrierCode: string;
  carrierName: string;
  service: string;
  channelPushStatus: string;
  channelPushError: string | null;
  shippedAt: string | null;
  parcels: Parcel[];
}

export interface Parcel {
  id: string;
  trackingNumber: string;
  weightGrams: number;
  labelFormat: string;
  labelUrl: string;
}

export interface OrderEvent {
  id: string;
  type: string;
  occurredAt: string;
  actorUserId: string | null;
  deviceId: string | null;
  payload: unknown;
}

export async function loadOrder(id: string): Promise<OrderDetail> {
  const body = await call(client.api.orders[':id'].$get({ param: { id } }));
  return body as unknown as OrderDetail;
}
