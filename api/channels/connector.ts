import type { PulledOrder } from './canonical.js';
import type { FeedFileToSend, FeedImportState, FeedUploadResult } from './feed-delivery.js';

/** One page of a pull. `nextCursor` is persisted only after the page has been ingested. */
export interface PullPage {
  orders: PulledOrder[];
  /** Cursor to resume from next time (a channel may re-deliver orders at the boundary: ingest is idempotent). */
  nextCursor: string | null;
  /** True when the channel has more pages for this pull. */
  hasMore: boolean;
  /** Opaque continuation within the same pull (offset, NextToken…). */
  pageToken: string | null;
}

export interface LineDecision {
  externalLineId: string;
  accepted: boolean;
}

export interface ShipmentConfirmation {
  externalOrderId: string;
  carrierCode: string;
  carrierName: string;
  carrierUrl: string | null;
  trackingNumber: string;
  /** Every parcel's number when the shipment has several (the first one is `trackingNumber`). */
  trackingNumbers?: string[];
  /** Lines (and quantities) this parcel carries; the whole order when the channel cannot split. */
  lines: { externalLineId: string; quantity: number }[];
  /** When the parcel left (ISO-8601); channels that ask for a ship date get "now" when absent. */
  shippedAt?: string;
}

/** Why the seller cancels; each connector maps it to the channel's own reason codes. */
export type CancelReason = 'out_of_stock' | 'buyer_request' | 'address_undeliverable' | 'other';

export interface LineCancellation {
  externalLineId: string;
  quantity: number;
  reason: CancelReason;
}

export interface RefundRequest {
  externalOrderId: string;
  reason: CancelReason | 'return';
  /**
   * Amounts per line in minor units of the order's currency; `shippingMinor` is the line's shipping
   * refunded with it (channels that take shipping per line), `quantity` the units it is for (informative).
   */
  lines: { externalLineId: string; amountMinor: number; shippingMinor?: number; quantity?: number }[];
  currency: string;
  comment?: string | null;
}

/** One refund as the channel reports it, per line. */
export interface ChannelRefund {
  refundId: string;
  externalLineId: string;
  amountMinor: number;
  shippingMinor: number;
}

export interface ShipmentState {
  trackingNumber: string | null;
  shipped: boolean;
  /** Every tracking number the channel holds for the order (one per parcel), when it says. */
  trackingNumbers?: string[];
  /** Units shipped per line, when the channel says: partial shipments are read back from this. */
  lines?: { externalLineId: string; quantityShipped: number }[];
}

export interface StockUpdate {
  sku: string;
  quantity: number;
}

/** Where a return stands at the channel, in our words (each connector maps its own states). */
export type ReturnNoticeState =
  | 'requested'
  | 'accepted'
  | 'received'
  | 'not_received'
  | 'closed'
  | 'refused'
  | 'cancelled';

/** A return the channel holds for an order (the buyer asked for it, or the channel opened it). */
export interface ReturnNotice {
  externalReturnId: string;
  externalOrderId: string;
  state: ReturnNoticeState;
  /** The channel's own state code, kept for the desk. */
  channelState: string;
  /** The channel's reason code for the whole return (or its first line's when it gives none). */
  reason: string | null;
  /** Units announced per line; what actually comes back is what the bench scans. */
  lines: { externalLineId: string; quantity: number; reason: string | null }[];
  /** The tracking number of the parcel coming back, when the channel issued the return label. */
  trackingNumber: string | null;
  /** ISO-8601, as the channel gives them. */
  createdAt: string;
  updatedAt: string;
}

/** A return notice as read: mapped, or kept raw with the reason it could not be. */
export type PulledReturnNotice =
  | { ok: true; notice: ReturnNotice; raw: unknown }
  | { ok: false; externalReturnId: string | null; raw: unknown; reason: string };

/** One page of return notices, with the same cursor and continuation contract as `PullPage`. */
export interface ReturnNoticePage {
  notices: PulledReturnNotice[];
  nextCursor: string | null;
  hasMore: boolean;
  pageToken: string | null;
}

export interface ConnectionTestResult {
  ok: boolean;
  message: string;
}

/**
 * The capability port every channel implements. A connector is stateless apart from its client's
 * token cache; the cursor lives in the database.
 */
export interface ChannelConnector {
  readonly type: string;
  /** Fetch one page of orders changed since `cursor` (null: from the channel's beginning of time for us). */
  pullOrders(input: { cursor: string | null; pageToken: string | null }): Promise<PullPage>;
  acceptLines(externalOrderId: string, decisions: LineDecision[]): Promise<void>;
  confirmShipment(confirmation: ShipmentConfirmation): Promise<void>;
  /**
   * Read the channel back: has this order already been marked shipped with this tracking number?
   * Used after an ambiguous write (timeout) before any retry.
   */
  readShipmentState(externalOrderId: string): Promise<ShipmentState>;
  pushStock(updates: StockUpdate[]): Promise<void>;
  testConnection(): Promise<ConnectionTestResult>;
  /** Cancels units of lines that will not ship (channels without line cancellation leave it out). */
  cancelLines?(externalOrderId: string, lines: LineCancellation[]): Promise<void>;
  /** Refunds money to the buyer; resolves with the channel's refund id when it gives one. */
  refund?(request: RefundRequest): Promise<{ refundId: string | null; status: string }>;
  /**
   * Reads back the refunds the channel holds for an order, so an ambiguous refund is never sent twice
   * (channels without the read leave it out, and their refunds are retried only when known not sent).
   */
  readRefunds?(externalOrderId: string): Promise<ChannelRefund[]>;
  /**
   * Reads the returns changed since `cursor` (null: the connector's own look-back), one page at a time;
   * channels whose API gives no return signal leave it out.
   */
  listReturns?(input: { cursor: string | null; pageToken: string | null }): Promise<ReturnNoticePage>;
  /** Sends a stored offer feed (`feed-delivery.ts`); channels that take none leave it out. */
  sendFeed?(file: FeedFileToSend): Promise<FeedUploadResult>;
  /** Where an import `sendFeed` started stands, with its error report once it is over. */
  readFeedImport?(importId: string): Promise<FeedImportState>;
}

/** Thrown by connectors. `retryable` separates a 5xx/429/timeout from a 4xx that will never succeed. */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
    /** The write may or may not have reached the channel: read back before retrying. */
    readonly ambiguous = false,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}
