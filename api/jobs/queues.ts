/** Every background job of the system, with its queue policy. One place to read them all. */
export const queues = {
  /** One queued + one running pull per channel (stately + singletonKey = channel id). */
  pullChannel: 'channel.pull',
  acceptOrder: 'channel.accept-order',
  pushShipment: 'shipment.push',
  pushShipmentDead: 'shipment.push.dead',
  /** Cron fan-out: makes sure every enabled channel has a pull queued, even after a crash. */
  tick: 'channels.tick',
  /** One waiting + one running stock push per (channel, SKU): stately + singletonKey `${channelId}:${sku}`. */
  pushStock: 'stock.push',
  /** Books tomorrow's carrier labels ahead: `{}` sweeps eligible orders, `{ orderId }` books one (singletonKey). */
  prefetchLabel: 'carrier.prefetch-label',
} as const;

export type QueueName = (typeof queues)[keyof typeof queues];

export interface PushStockJob {
  channelId: string;
  productId: string;
}
export interface PullChannelJob {
  channelId: string;
}
export interface AcceptOrderJob {
  orderId: string;
}
export interface PushShipmentJob {
  shipmentId: string;
}
export interface PrefetchLabelJob {
  /** Absent for the scheduled sweep. */
  orderId?: string;
}
