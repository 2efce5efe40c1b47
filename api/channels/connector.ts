import type { PulledOrder } from './canonical.js';

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
  /** Lines (and quantities) this parcel carries; the whole order when the channel cannot split. */
  lines: { externalLineId: string; quantity: number }[];
}

export interface StockUpdate {
  sku: string;
  quantity: number;
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
  readShipmentState(externalOrderId: string): Promise<{ trackingNumber: string | null; shipped: boolean }>;
  pushStock(updates: StockUpdate[]): Promise<void>;
  testConnection(): Promise<ConnectionTestResult>;
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
