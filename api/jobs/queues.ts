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
  /** Pushes a refund to its channel, once: singletonKey = refund id (a desk retry adds its own suffix). */
  pushRefund: 'refund.push',
  pushRefundDead: 'refund.push.dead',
  /** Carrier tracking: `{}` fans out one job per carrier account that tracks, `{ carrierAccountId }` reads it. */
  pollTracking: 'tracking.poll',
  /** Runs the shipping rules on open orders no one decided yet (scheduled each minute; singleton). */
  applyShippingRules: 'shipping-rules.apply',
  /** Compares every KPI with its threshold (scheduled every 5 minutes; singleton). */
  evaluateAlerts: 'dashboard.evaluate-alerts',
  /** Sends one alert to the webhook, retried with back-off: singletonKey `${alertId}:${level}`. */
  deliverAlert: 'dashboard.deliver-alert',
  /** Prices and writes one channel's offer feed: `{ channelId, trigger }`, stately + singletonKey = channel id. */
  generateFeed: 'catalog.generate-feed',
  /** Cron fan-out: queues a scheduled feed run for each channel whose interval has passed. */
  feedTick: 'catalog.feed-tick',
  /**
   * Channel returns: `{}` fans out one job per enabled channel whose connector reads returns,
   * `{ channelId }` reads that channel's (stately + singletonKey = channel id).
   */
  pullReturns: 'returns.pull-channel',
  /** Sends a feed run and reads its import back: `{ runId, poll? }`, stately + singletonKey = run id. */
  deliverFeed: 'catalog.deliver-feed',
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
export interface PushRefundJob {
  refundId: string;
}
export interface PollTrackingJob {
  /** Absent for the scheduled fan-out. */
  carrierAccountId?: string;
}
export interface DeliverAlertJob {
  alertId: string;
  level: string;
}
export interface PullReturnsJob {
  /** Absent for the scheduled fan-out. */
  channelId?: string;
}
