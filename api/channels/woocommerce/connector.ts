import type { RetryReporter } from '../call-log.js';
import type { PulledOrder } from '../canonical.js';
import { type ChannelConnector, ChannelError, type PullPage } from '../connector.js';
import type { FetchLike } from '../http.js';
import type { InPlaceRetry } from '../rate-limit.js';
import { createWooClient } from './client.js';
import { mapWooOrder } from './mapper.js';
import { isEverythingShipped, parcelNote, readParcels } from './notes.js';
import { type LineCancellation, refundedByLine, refundLines } from './refund.js';
import { pushWooStock } from './stock.js';
import { peekOrder, type WooNote, type WooOrder } from './wire.js';

export interface WooCommerceConnectorOptions {
  /** Site root, HTTPS: `https://shop.example`. */
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  fetch?: FetchLike;
  /** Orders per page (WooCommerce caps `per_page` at 100). */
  pageSize?: number;
  timeoutMs?: number;
  /** Parcel notes are shown to the buyer (WooCommerce e-mails them); default true. */
  notifyCustomer?: boolean;
  throttle?: (operation: string) => Promise<void>;
  onRetry?: RetryReporter;
  retry?: InPlaceRetry;
  /** The pull's upper bound; injectable for tests. */
  now?: () => Date;
}

export interface WooCommerceConnector extends ChannelConnector {
  readonly type: 'woocommerce';
  /** Refunds units of lines (restocked, no gateway refund): WooCommerce's way to cancel part of an order. */
  cancelLines(externalOrderId: string, lines: LineCancellation[]): Promise<void>;
  readTrackingNumbers(externalOrderId: string): Promise<string[]>;
}

/**
 * One pull is the window [since, until] sorted by modification date; `until` is fixed when the pull
 * starts. Pages are keyset pages: each one starts at the last modification second the page before
 * reached, with the orders already handed over at that second excluded (`exclude`), never at an offset.
 * An order modified while we page (our own shipment, say) leaves its place in the sort; with offset
 * paging every later order would move one place left and one of them would never be read, while the
 * cursor moves past it for good.
 */
interface PageToken {
  /** 1, unless more orders than `MAX_EXCLUDED` share one second: then that second is paged by index. */
  page: number;
  since: string | null;
  until: string;
  maxSeen: string | null;
  /** Orders modified at the second `since` that this pull already returned. */
  seen?: number[];
}

/** Ids sent in `exclude` at most, to keep the URL short; beyond it one second is paged by index. */
const MAX_EXCLUDED = 200;

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(text: string): PageToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
    if (Number.isInteger(token.page) && token.page >= 1 && typeof token.until === 'string') return token;
  } catch {
    // Reported below.
  }
  throw new ChannelError(
    'woocommerce page token is not one this connector issued',
    'woocommerce_bad_page_token',
    false,
  );
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** WooCommerce reads `modified_after` as strictly after and dates to the second: step back one second. */
function secondBefore(iso: string): string {
  return new Date(Date.parse(iso) - 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const sameSecond = (a: string | null, b: string | null) =>
  a !== null && b !== null && Date.parse(a) === Date.parse(b);

/** Where the page after `body` starts: at the last second it reached, without the orders it returned. */
function nextPage(token: PageToken, body: unknown[], last: string | null, maxSeen: string | null): PageToken {
  const ids = (at: string | null) =>
    body.flatMap((raw) => {
      const peek = peekOrder(raw);
      return peek.id !== null && (at === null || sameSecond(peek.modified, at)) ? [Number(peek.id)] : [];
    });
  if (last !== null && (token.since === null || Date.parse(last) > Date.parse(token.since)))
    return { page: 1, since: last, until: token.until, maxSeen, seen: ids(last) };
  // The whole page is at the second the page started from: exclude it too, or page by index past it.
  const seen = [...(token.seen ?? []), ...ids(null)];
  if (seen.length <= MAX_EXCLUDED) return { ...token, page: 1, maxSeen, seen };
  return { ...token, page: token.page + 1, maxSeen };
}

export function createWooCommerceConnector(options: WooCommerceConnectorOptions): WooCommerceConnector {
  const client = createWooClient(options);
  const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 100);
  const now = options.now ?? (() => new Date());
  const orderPath = (id: string) => `/orders/${encodeURIComponent(id)}`;

  const getOrder = (id: string) => client.get<WooOrder>('retrieveOrderById', orderPath(id));
  const getNotes = (id: string) =>
    client.get<WooNote[]>('listOrderNotes', `${orderPath(id)}/notes`, { type: 'any' });

  return {
    type: 'woocommerce',

    async pullOrders({ cursor, pageToken }): Promise<PullPage> {
      const token: PageToken = pageToken
        ? decodeToken(pageToken)
        : {
            page: 1,
            since: cursor,
            until: now()
              .toISOString()
              .replace(/\.\d{3}Z$/, 'Z'),
            maxSeen: cursor,
          };
      const seen = token.seen ?? [];
      const { body, totalPages } = await client.getPage<unknown[]>('listAllOrders', '/orders', {
        modified_after: token.since ? secondBefore(token.since) : undefined,
        modified_before: token.until,
        dates_are_gmt: true,
        orderby: 'modified',
        order: 'asc',
        exclude: seen.length > 0 ? seen.join(',') : undefined,
        page: token.page,
        per_page: pageSize,
      });
      if (!Array.isArray(body)) {
        throw new ChannelError(
          'woocommerce GET /orders answered something other than a list',
          'channel_bad_response',
          true,
        );
      }
      let maxSeen = token.maxSeen;
      let last: string | null = null;
      const orders: PulledOrder[] = body.map((raw) => {
        const { modified } = peekOrder(raw);
        maxSeen = later(maxSeen, modified);
        last = later(last, modified);
        return mapWooOrder(raw);
      });
      const hasMore = body.length > 0 && token.page < totalPages;
      return {
        orders,
        hasMore,
        // Sorted by modification inside a fixed window: the cursor may move with every page.
        nextCursor: maxSeen,
        pageToken: hasMore ? encodeToken(nextPage(token, body, last, maxSeen)) : null,
      };
    },

    async acceptLines() {
      // WooCommerce orders need no acceptance.
    },

    async confirmShipment(confirmation) {
      const id = confirmation.externalOrderId;
      const parcels = readParcels(await getNotes(id));
      // The note is the shipment: if it is there, an earlier attempt (maybe one that timed out) wrote it.
      if (!parcels.some((p) => p.trackingNumber === confirmation.trackingNumber)) {
        await client.send('createOrderNote', 'POST', `${orderPath(id)}/notes`, {
          note: parcelNote(confirmation),
          customer_note: options.notifyCustomer ?? true,
        });
        parcels.push({
          noteId: Number.MAX_SAFE_INTEGER,
          trackingNumber: confirmation.trackingNumber,
          lines: confirmation.lines,
        });
      }
      const order = await getOrder(id);
      if (order.status === 'completed') return;
      const refunded = await refundedByLine(client, id);
      const open = order.line_items.map((l) => ({
        externalLineId: String(l.id),
        quantity: l.quantity - (refunded.get(String(l.id)) ?? 0),
      }));
      if (isEverythingShipped(parcels, open)) {
        await client.send('updateOrderById', 'PUT', orderPath(id), { status: 'completed' });
      }
    },

    async readShipmentState(externalOrderId) {
      // As with one fulfilment per parcel elsewhere: the latest parcel note is what an ambiguous write of
      // this parcel would have left.
      const parcels = readParcels(await getNotes(externalOrderId));
      return { shipped: parcels.length > 0, trackingNumber: parcels.at(-1)?.trackingNumber ?? null };
    },

    async readTrackingNumbers(externalOrderId) {
      return readParcels(await getNotes(externalOrderId)).map((p) => p.trackingNumber);
    },

    async cancelLines(externalOrderId, lines) {
      await refundLines(
        client,
        await getOrder(externalOrderId),
        lines,
        await refundedByLine(client, externalOrderId),
      );
    },

    async pushStock(updates) {
      if (updates.length === 0) return;
      await pushWooStock(client, updates);
    },

    async testConnection() {
      try {
        await client.get<unknown[]>('listAllOrders', '/orders', { per_page: 1 });
        return { ok: true, message: 'Connected to the WooCommerce REST API (orders readable)' };
      } catch (err) {
        if (!(err instanceof ChannelError)) throw err;
        if (err.code === 'channel_unauthorized')
          return { ok: false, message: 'WooCommerce rejected the consumer key or secret' };
        return { ok: false, message: err.message };
      }
    },
  };
}
