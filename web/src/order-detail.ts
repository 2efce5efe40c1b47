import type { InferResponseType } from 'hono/client';
import { call, client } from './api.js';

const getOrder = client.api.orders[':id'].$get;

/** The shape of GET /api/orders/{id}, as the API declares it (api/routes/order-schemas.ts). */
export type OrderDetail = InferResponseType<typeof getOrder, 200>;
export type OrderLine = OrderDetail['lines'][number];
export type Shipment = OrderDetail['shipments'][number];
export type Parcel = Shipment['parcels'][number];
export type OrderEvent = OrderDetail['events'][number];

export async function loadOrder(id: string): Promise<OrderDetail> {
  return call(getOrder({ param: { id } }));
}
