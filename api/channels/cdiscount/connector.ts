import type { RetryReporter } from '../call-log.js';
import type { PulledOrder } from '../canonical.js';
import {
  type CancelReason,
  type ChannelConnector,
  ChannelError,
  type LineCancellation,
  type PullPage,
} from '../connector.js';
import type { FetchLike } from '../http.js';
import type { InPlaceRetry } from '../rate-limit.js';
import { cancelCdiscountLines, defaultCancelReasons } from './cancel.js';
import { createCdiscountClient } from './client.js';
import { mapCdiscountOrder, SHIPPED_STATES } from './mapper.js';
import { pushCdiscountStock } from './stock.js';
import { CdiscountOrder, CdiscountOrderPage, type CdiscountParcel, peekOrder } from './wire.js';

export interface CdiscountConnectorOptions {
  apiBase?: string;
  authBase?: string;
  clientId: string;
  clientSecret: string;
  sellerId: string;
  /** Octopia sales channel of this seller's offers; Cdiscount France is `CDISFR`. */
  salesChannelId?: string;
  fetch?: FetchLike;
  /** Orders per page; Octopia caps `pageSize` at 100. */
  pageSize?: number;
  timeoutMs?: number;
  throttle?: (operation: string) => Promise<void>;
  onRetry?: RetryReporter;
  retry?: InPlaceRetry;
  cancelReasons?: Partial<Record<CancelReason, string>>;
  /** The pull's upper bound; injectable for tests. */
  now?: () => Date;
}

export interface CdiscountConnector extends ChannelConnector {
  readonly type: 'cdiscount';
  cancelLines(externalOrderId: string, lines: LineCancellation[]): Promise<void>;
}

/** One pull is the window [cursor, start of the pull] sorted by `updatedAt`, paged by its last `updatedAt`. */
interface PageToken {
  pageIndex: number;
  since: string | null;
  until: string;
  maxSeen: string | null;
  /** Orders at exactly `since` that an earlier page of this pull already returned. */
  seenAtSince?: string[];
}

const encodeToken = (token: PageToken) => Buffer.from(JSON.stringify(token)).toString('base64url');

function decodeToken(text: string): PageToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
    if (Number.isInteger(token.pageIndex) && token.pageIndex >= 1 && typeof token.until === 'string')
      return token;
  } catch {
    // Reported below.
  }
  throw new ChannelError(
    'cdiscount page token is not one this connector issued',
    'cdiscount_bad_page_token',
    false,
  );
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export function createCdiscountConnector(options: CdiscountConnectorOptions): CdiscountConnector {
  const client = createCdiscountClient({
    apiBase: options.apiBase ?? 'https://api.octopia-io.net/seller/v2',
    authBase: options.authBase ?? 'https://auth.octopia-io.net',
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    sellerId: options.sellerId,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    throttle: options.throttle,
    onRetry: options.onRetry,
    retry: options.retry,
  });
  const pageSize = Math.min(Math.max(options.pageSize ?? 100, 1), 100);
  const salesChannelId = options.salesChannelId ?? 'CDISFR';
  const reasons = { ...defaultCancelReasons, ...options.cancelReasons };
  const now = options.now ?? (() => new Date());
  const orderPath = (id: string) => `/orders/${encodeURIComponent(id)}`;

  async function getOrder(id: string): Promise<CdiscountOrder> {
    const raw = await client.get<unknown>('getOrder', orderPath(id));
    const parsed = CdiscountOrder.safeParse(raw);
    if (!parsed.success) {
      throw new ChannelError(
        `cdiscount order ${id} came back in a shape we cannot read`,
        'cdiscount_bad_response',
        true,
      );
    }
    return parsed.data;
  }

  return {
    type: 'cdiscount',

    async pullOrders({ cursor, pageToken }): Promise<PullPage> {
      const token: PageToken = pageToken
        ? decodeToken(pageToken)
        : { pageIndex: 1, since: cursor, until: now().toISOString(), maxSeen: cursor };
      const body = await client.get<unknown>('getOrders', '/orders', {
        updatedAtMin: token.since,
        updatedAtMax: token.until,
        sort: 'updatedAt',
        pageIndex: token.pageIndex,
        pageSize,
      });
      const page = CdiscountOrderPage.safeParse(body);
      if (!page.success) {
        throw new ChannelError(
          'cdiscount GET /orders answered a body without items',
          'cdiscount_bad_response',
          true,
        );
      }
      let maxSeen = token.maxSeen;
      const atBoundary = new Set(token.seenAtSince ?? []);
      const orders: PulledOrder[] = [];
      for (const raw of page.data.items) {
        const peek = peekOrder(raw);
        maxSeen = later(maxSeen, peek.updatedAt);
        // Already handed over by the page before (same instant as this page's start).
        if (peek.updatedAt === token.since && peek.orderId !== null && atBoundary.has(peek.orderId)) continue;
        orders.push(mapCdiscountOrder(raw));
      }
      const seenAtMax = page.data.items
        .map((raw) => peekOrder(raw))
        .filter((p) => p.updatedAt === maxSeen && p.orderId !== null)
        .map((p) => p.orderId as string);
      // No total is documented: a full page means there may be another one.
      const hasMore = page.data.items.length === pageSize;
      // The next page starts at the last `updatedAt` seen (keyset), not at the next page index: an order
      // updated while we page (our own acceptance, say) leaves the window, and every later order would
      // shift one place left and be skipped by offset paging. Orders sharing the boundary instant are
      // read twice, which ingest de-duplicates. Only a full page of one single instant pages by index.
      const next: PageToken =
        maxSeen !== null && maxSeen !== token.since
          ? { pageIndex: 1, since: maxSeen, until: token.until, maxSeen, seenAtSince: seenAtMax }
          : { ...token, pageIndex: token.pageIndex + 1, maxSeen };
      return {
        orders,
        hasMore,
        nextCursor: maxSeen,
        pageToken: hasMore ? encodeToken(next) : null,
      };
    },

    async acceptLines(externalOrderId, decisions) {
      const order = await getOrder(externalOrderId);
      // Acceptance is once per order: an order that moved on (an earlier attempt went through) is done.
      if (order.status !== 'WaitingAcceptance') return;
      const refused = decisions.filter((d) => !d.accepted).map((d) => d.externalLineId);
      const isRefusal = refused.length === order.lines.length;
      await client.send('postApprovalStatus', 'POST', `${orderPath(externalOrderId)}/approval-status`, {
        approval_status: isRefusal ? 'Refused' : 'Accepted',
      });
      if (isRefusal || refused.length === 0) return;
      // Octopia approves whole orders: lines we cannot serve are cancelled right after acceptance.
      const accepted = await getOrder(externalOrderId);
      const lines = accepted.lines.filter((l) => refused.includes(l.lineId));
      await cancelCdiscountLines(
        client,
        accepted,
        lines.map((l) => ({ externalLineId: l.lineId, quantity: l.quantity, reason: 'out_of_stock' })),
        reasons,
      );
    },

    async confirmShipment(confirmation) {
      const id = confirmation.externalOrderId;
      const order = await getOrder(id);
      // The parcel is the shipment: if its number is there, an earlier attempt (maybe one that timed out)
      // declared it, and declaring it again would make a second shipment.
      if ((order.shipments ?? []).some((p) => p.parcelNumber === confirmation.trackingNumber)) return;
      const inParcels = new Set((order.shipments ?? []).flatMap((p) => p.orderLineIds));
      const lineIds =
        confirmation.lines.length > 0
          ? [...new Set(confirmation.lines.map((l) => l.externalLineId))]
          : order.lines
              .filter((l) => l.status !== 'Cancelled' && !inParcels.has(l.lineId))
              .map((l) => l.lineId);
      if (lineIds.length === 0) {
        throw new ChannelError(
          `cdiscount order ${id} has no line left to ship`,
          'cdiscount_nothing_to_ship',
          false,
        );
      }
      const parcel: CdiscountParcel = {
        parcelNumber: confirmation.trackingNumber,
        carrierName: confirmation.carrierName,
        orderLineIds: lineIds,
        ...(confirmation.carrierUrl ? { trackingUrl: confirmation.carrierUrl } : {}),
      };
      await client.send('postShipments', 'POST', `${orderPath(id)}/shipments`, [parcel]);
    },

    async readShipmentState(externalOrderId) {
      const order = await getOrder(externalOrderId);
      const parcels = order.shipments ?? [];
      const shippedLines = new Set(parcels.flatMap((p) => p.orderLineIds));
      return {
        shipped: SHIPPED_STATES.has(order.status),
        trackingNumber: parcels.at(-1)?.parcelNumber ?? null,
        trackingNumbers: parcels.map((p) => p.parcelNumber),
        lines: order.lines.map((l) => ({
          externalLineId: l.lineId,
          quantityShipped: shippedLines.has(l.lineId) ? l.quantity : 0,
        })),
      };
    },

    async cancelLines(externalOrderId, lines) {
      await cancelCdiscountLines(client, await getOrder(externalOrderId), lines, reasons);
    },

    async pushStock(updates) {
      if (updates.length === 0) return;
      await pushCdiscountStock(client, salesChannelId, updates);
    },

    async testConnection() {
      try {
        const seller = await client.get<{ shopName?: unknown; sellerId?: unknown }>('getSeller', '/sellers');
        return {
          ok: true,
          message: `Connected to Octopia seller "${String(seller?.shopName ?? options.sellerId)}"`,
        };
      } catch (err) {
        if (!(err instanceof ChannelError)) throw err;
        if (err.code === 'channel_unauthorized')
          return { ok: false, message: 'Octopia rejected the client credentials or the seller id' };
        return { ok: false, message: err.message };
      }
    },
  };
}
