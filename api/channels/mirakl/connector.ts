import type { RetryReporter } from '../call-log.js';
import type { PulledOrder } from '../canonical.js';
import { type ChannelConnector, ChannelError, type PullPage, type StockUpdate } from '../connector.js';
import type { FetchLike } from '../http.js';
import type { InPlaceRetry } from '../rate-limit.js';
import { createMiraklClient } from './client.js';
import { mapMiraklOrder, SHIPPED_STATES } from './mapper.js';
import { miraklOfferImports } from './offer-imports.js';
import { readMiraklRefunds, refundMiraklLines } from './refund.js';
import { listMiraklReturns } from './returns.js';
import { buildStockCsv } from './stock-csv.js';
import { MiraklOrderPage, peekOrder } from './wire.js';

export interface MiraklConnectorOptions {
  baseUrl: string;
  apiKey: string;
  shopId?: number | string | null;
  fetch?: FetchLike;
  /** OR11 page size; Mirakl caps `max` at 100. */
  pageSize?: number;
  timeoutMs?: number;
  onRetry?: RetryReporter;
  retry?: InPlaceRetry;
  /** When a pull starts; injectable for tests. */
  now?: () => Date;
  /** How far back the first read of returns (RT11) goes; 30 days by default. */
  returnsLookbackDays?: number;
}

/**
 * Continuation of one pull. OR11 can only sort by creation date, so a later page may hold orders updated
 * before the greatest `last_updated_date` of an earlier page: the cursor may only move once the last page
 * is in. Until then every page reports the cursor the pull started from.
 *
 * Offsets are safe here: the window has no upper bound, so an order updated while we page (our own
 * acceptance) stays in it, and its creation date, the sort key, does not change, so no later order
 * shifts. But the update itself comes after the order was read: the cursor never passes the instant
 * the pull started (`until`), or a later page's greater date would hide that update for good.
 */
interface PageToken {
  offset: number;
  since: string | null;
  maxSeen: string | null;
  /** When the pull started, to the second (absent from tokens issued before it was kept). */
  until?: string;
}

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(text: string): PageToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
    if (Number.isInteger(token.offset) && token.offset >= 0) return token;
  } catch {
    // Reported below.
  }
  throw new ChannelError(
    'mirakl page token is not one this connector issued',
    'mirakl_bad_page_token',
    false,
  );
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) < Date.parse(a) ? b : a;
}

/** Whether an order has gone through acceptance (STAGING is the fraud check before it). */
function isPastAcceptance(raw: unknown): boolean {
  const { state } = peekOrder(raw);
  return state !== null && state !== 'WAITING_ACCEPTANCE' && state !== 'STAGING';
}

/** Lines of an OR11 order that are past acceptance (accepted or refused already, or gone further). */
function decidedLineIds(raw: unknown): Set<string> {
  const lines = (raw as { order_lines?: unknown }).order_lines;
  if (!Array.isArray(lines)) return new Set();
  return new Set(
    lines.flatMap((line: { order_line_id?: unknown; order_line_state?: unknown }) =>
      typeof line?.order_line_id === 'string' &&
      typeof line.order_line_state === 'string' &&
      line.order_line_state !== 'WAITING_ACCEPTANCE'
        ? [line.order_line_id]
        : [],
    ),
  );
}

export function createMiraklConnector(options: MiraklConnectorOptions): ChannelConnector {
  const client = createMiraklClient(options);
  const pageSize = Math.min(Math.max(options.pageSize ?? 100, 1), 100);
  const now = options.now ?? (() => new Date());
  const orderPath = (id: string) => `/api/orders/${encodeURIComponent(id)}`;

  async function listOrders(
    query: Record<string, string | number | boolean | null>,
  ): Promise<MiraklOrderPage> {
    const body = await client.get<unknown>('/api/orders', query);
    const page = MiraklOrderPage.safeParse(body);
    if (!page.success) {
      throw new ChannelError(
        'mirakl OR11 answered a body without orders/total_count',
        'mirakl_bad_response',
        true,
      );
    }
    return page.data;
  }

  /** OR11 for one order, as Mirakl holds it now. */
  async function readOrder(externalOrderId: string): Promise<unknown> {
    const page = await listOrders({ order_ids: externalOrderId, paginate: true, offset: 0, max: 1 });
    const raw = page.orders.find((o) => peekOrder(o).orderId === externalOrderId);
    if (!raw) {
      throw new ChannelError(
        `mirakl order ${externalOrderId} was not found`,
        'mirakl_order_not_found',
        false,
      );
    }
    return raw;
  }

  return {
    type: 'mirakl',

    async pullOrders({ cursor, pageToken }): Promise<PullPage> {
      const token: PageToken = pageToken
        ? decodeToken(pageToken)
        : {
            offset: 0,
            since: cursor,
            maxSeen: null,
            // Mirakl dates are to the second: rounding down keeps the bound at or before the start.
            until: now()
              .toISOString()
              .replace(/\.\d{3}Z$/, 'Z'),
          };
      // OR11: start_update_date is inclusive (Mirakl even subtracts a safety delta), so boundary orders
      // come back on the next pull; ingest is idempotent on (channel, order_id).
      const page = await listOrders({
        start_update_date: token.since,
        sort: 'dateCreated',
        paginate: true,
        offset: token.offset,
        max: pageSize,
      });
      let maxSeen = token.maxSeen;
      const orders: PulledOrder[] = page.orders.map((raw) => {
        maxSeen = later(maxSeen, peekOrder(raw).lastUpdated);
        return mapMiraklOrder(raw);
      });
      const nextOffset = token.offset + page.orders.length;
      const hasMore = page.orders.length > 0 && nextOffset < page.total_count;
      const reached =
        maxSeen === null ? token.since : later(token.since, earlier(maxSeen, token.until ?? null));
      return {
        orders,
        hasMore,
        nextCursor: hasMore ? token.since : reached,
        pageToken: hasMore ? encodeToken({ ...token, offset: nextOffset, maxSeen }) : null,
      };
    },

    async acceptLines(externalOrderId, decisions) {
      // Read first: an acceptance applied by an earlier attempt whose answer was lost (a timeout) must not
      // be sent again; Mirakl refuses it (400 ORDER_INVALID_STATE) and the job would fail for nothing.
      const raw = await readOrder(externalOrderId);
      if (isPastAcceptance(raw)) return;
      const decided = decidedLineIds(raw);
      const pending = decisions.filter((d) => !decided.has(d.externalLineId));
      if (pending.length === 0) return;
      const path = `${orderPath(externalOrderId)}/accept`;
      try {
        await client.put(path, {
          order_lines: pending.map((d) => ({ accepted: d.accepted, id: d.externalLineId })),
        });
      } catch (err) {
        // An earlier attempt still on its way may land between our read and our write: Mirakl then
        // refuses this one. If the order has moved on, the acceptance is done; the refusal is logged
        // like an in-place retry, since the read-back that follows it is what settles the call.
        if (!(err instanceof ChannelError) || err.status !== 400) throw err;
        if (!isPastAcceptance(await readOrder(externalOrderId))) throw err;
        options.onRetry?.({
          operation: `PUT ${path}`,
          reason: err.code,
          status: err.status,
          waitMs: 0,
          attempt: 1,
        });
      }
    },

    async confirmShipment(confirmation) {
      // OR23 then OR24. Mirakl ships the whole order here; `lines` matters only to channels that split.
      // OR23 is a plain overwrite, so repeating it after an ambiguous failure is harmless.
      const tracking: Record<string, string> = {
        carrier_code: confirmation.carrierCode,
        carrier_name: confirmation.carrierName,
        // OR23 has one tracking_number: the parcels of a multi-parcel shipment go in it comma-separated.
        tracking_number: (confirmation.trackingNumbers ?? [confirmation.trackingNumber]).join(','),
      };
      if (confirmation.carrierUrl) tracking.carrier_url = confirmation.carrierUrl;
      await client.put(`${orderPath(confirmation.externalOrderId)}/tracking`, tracking);
      await client.put(`${orderPath(confirmation.externalOrderId)}/ship`);
    },

    async readShipmentState(externalOrderId) {
      const raw = await readOrder(externalOrderId);
      const tracking = (raw as { shipping_tracking?: unknown }).shipping_tracking;
      const shipped = SHIPPED_STATES.has(peekOrder(raw).state ?? '');
      return {
        shipped,
        trackingNumber: typeof tracking === 'string' && tracking !== '' ? tracking : null,
        // OR23 (tracking) and OR24 (ship) are two calls: a number without the shipped state means OR24
        // never landed, so the parcel is not at the channel yet and the push must go on.
        // Several parcels' numbers (comma-separated, as confirmShipment writes them) are read back one by one.
        ...(shipped && typeof tracking === 'string' && tracking.includes(',')
          ? {
              trackingNumbers: tracking
                .split(',')
                .map((n) => n.trim())
                .filter((n) => n !== ''),
            }
          : {}),
      };
    },

    async pushStock(updates: StockUpdate[]) {
      if (updates.length === 0) return;
      const form = new FormData();
      form.set('file', new Blob([buildStockCsv(updates)], { type: 'text/csv' }), 'stock.csv');
      await client.postMultipart('/api/offers/stock/imports', form);
    },

    refund: (request) => refundMiraklLines(client, request),

    readRefunds: (externalOrderId) => readMiraklRefunds(client, externalOrderId),

    ...miraklOfferImports(client),

    listReturns: (input) =>
      listMiraklReturns(client, input, {
        pageSize,
        now,
        lookbackDays: options.returnsLookbackDays ?? 30,
      }),

    async testConnection() {
      try {
        const shop = await client.get<{ shop_id?: unknown; shop_name?: unknown }>('/api/account');
        return {
          ok: true,
          message: `Connected to Mirakl shop "${String(shop?.shop_name)}" (${String(shop?.shop_id)})`,
        };
      } catch (err) {
        if (!(err instanceof ChannelError)) throw err;
        if (err.code === 'channel_unauthorized') return { ok: false, message: 'Mirakl rejected the API key' };
        return { ok: false, message: err.message };
      }
    },
  };
}
