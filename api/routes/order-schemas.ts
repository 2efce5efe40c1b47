import { z } from '@hono/zod-openapi';
import { orderStatuses } from '../../db/schema/index.js';

const Address = z.object({
  name: z.string(),
  company: z.string().nullable(),
  line1: z.string(),
  line2: z.string().nullable(),
  postalCode: z.string(),
  city: z.string(),
  countryCode: z.string(),
  phone: z.string().nullable(),
});

const OrderLine = z.object({
  id: z.string(),
  externalLineId: z.string(),
  sku: z.string(),
  title: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  status: z.string(),
  quantityPicked: z.number().int(),
  quantityPacked: z.number().int(),
  quantityShipped: z.number().int(),
  quantityCancelled: z.number().int(),
  quantityCancelledPicked: z.number().int(),
});

const Parcel = z.object({
  id: z.string(),
  trackingNumber: z.string(),
  weightGrams: z.number().int(),
  labelFormat: z.string(),
  labelUrl: z.string(),
});

const Shipment = z.object({
  id: z.string(),
  status: z.string(),
  carrierCode: z.string(),
  carrierName: z.string(),
  service: z.string(),
  channelPushStatus: z.string(),
  channelPushError: z.string().nullable(),
  shippedAt: z.string().nullable(),
  parcels: z.array(Parcel),
});

const OrderEvent = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  deviceId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});

/** GET /api/orders/{id}: the order page and the customer-service timeline read exactly this. */
export const OrderDetail = z
  .object({
    id: z.string(),
    channel: z.object({ id: z.string(), name: z.string(), type: z.string() }),
    externalId: z.string(),
    status: z.enum(orderStatuses),
    channelState: z.string(),
    channelStatus: z.string(),
    placedAt: z.string(),
    shipBy: z.string().nullable(),
    currency: z.string(),
    totalMinor: z.number().int(),
    shippingMinor: z.number().int(),
    serviceLevel: z.string().nullable(),
    buyer: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
    shippingAddress: Address,
    lines: z.array(OrderLine),
    shipments: z.array(Shipment),
    events: z.array(OrderEvent),
  })
  .openapi('OrderDetail');
