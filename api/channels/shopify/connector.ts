import type { RetryReporter } from '../call-log.js';
import type { PulledOrder } from '../canonical.js';
import { type ChannelConnector, ChannelError, type PullPage } from '../connector.js';
import type { FetchLike } from '../http.js';
import type { InPlaceRetry } from '../rate-limit.js';
import { cancelShopifyLines, type LineCancellation } from './cancel.js';
import { assertNoUserErrors, createShopifyClient, type UserError } from './client.js';
import {
  FULFILLMENT_CREATE,
  MAX_ORDERS_PER_PAGE,
  MORE_LINE_ITEMS,
  ORDER_FULFILMENT_STATE,
  ORDER_FULFILMENTS,
  PULL_ORDERS,
  SHOP,
} from './documents.js';
import {
  allocateParcel,
  type FulfilmentState,
  fulfillmentWithTracking,
  latestFulfillment,
  type OrderFulfilments,
} from './fulfil.js';
import { mapShopifyOrder } from './mapper.js';
import { pushShopifyStock, resolveLocation } from './stock.js';
import { verifyShopifyWebhook } from './webhook.js';
import { type OrdersPage, peekOrder } from './wire.js';

export interface ShopifyConnectorOptions {
  /** `https://<shop>.myshopify.com`. */
  baseUrl: string;
  accessToken: string;
  /** The app's client secret: it signs webhooks. */
  apiSecret?: string | null;
  /** Location whose `available` quantity `pushStock` sets; the first active one when absent. */
  locationId?: string | null;
  /** Ask Shopify to e-mail the buyer on each fulfilment (default false: the marketplace flow decides). */
  notifyCustomer?: boolean;
  fetch?: FetchLike;
  /** Orders per page, at most 8 so the query's requested cost stays under Shopify's 1,000 points. */
  pageSize?: number;
  timeoutMs?: number;
  throttle?: (operation: string) => Promise<void>;
  /**
   * Longest time one call waits for the cost bucket, over all its THROTTLED answers, before it reports
   * one instead (default `retry.maxInlineWaitMs`, else 20 s).
   */
  maxThrottleWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: RetryReporter;
  retry?: InPlaceRetry;
}

/** The port plus what only some channels can do (candidates for optional methods of the port). */
export interface ShopifyConnector extends ChannelConnector {
  readonly type: 'shopify';
  /** Removes units of lines through an order edit (restocked at Shopify). */
  cancelLines(externalOrderId: string, lines: LineCancellation[]): Promise<void>;
  /** Every tracking number already on the order, oldest first. */
  readTrackingNumbers(externalOrderId: string): Promise<string[]>;
  verifyWebhook(rawBody: string | Uint8Array, hmacHeader: string | null | undefined): boolean;
}

interface PageToken {
  after: string;
  since: string | null;
}

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(text: string): PageToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
    if (typeof token.after === 'string') return token;
  } catch {
    // Reported below.
  }
  throw new ChannelError(
    'shopify page token is not one this connector issued',
    'shopify_bad_page_token',
    false,
  );
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export function createShopifyConnector(options: ShopifyConnectorOptions): ShopifyConnector {
  const client = createShopifyClient(options);
  const pageSize = Math.min(Math.max(options.pageSize ?? MAX_ORDERS_PER_PAGE, 1), MAX_ORDERS_PER_PAGE);
  let locationId: string | null = options.locationId ?? null;

  /** Everything a parcel is allocated from (about 560 points of query cost). */
  const readState = (id: string) => readOrder<FulfilmentState>(id, ORDER_FULFILMENT_STATE);
  /** The fulfilments alone (about 45 points): enough to read a shipment back. */
  const readFulfilments = (id: string) => readOrder<OrderFulfilments>(id, ORDER_FULFILMENTS);

  async function readOrder<T>(externalOrderId: string, document: string): Promise<T> {
    const data = await client.query<{ order: T | null }>('order', document, { id: externalOrderId });
    if (!data.order) {
      throw new ChannelError(
        `shopify order ${externalOrderId} was not found`,
        'shopify_order_not_found',
        false,
      );
    }
    return data.order;
  }

  type LinePage = { pageInfo?: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] };

  /** Appends the lines past the first page to the raw order, so the mapper sees all of them. */
  async function completeLines(raw: unknown): Promise<unknown> {
    const order = raw as { id?: unknown; lineItems?: LinePage };
    let page = order?.lineItems;
    if (typeof order?.id !== 'string' || !page?.pageInfo?.hasNextPage) return raw;
    const nodes = [...page.nodes];
    while (page?.pageInfo?.hasNextPage && page.pageInfo.endCursor) {
      const data: { order: { lineItems: LinePage } | null } = await client.query('order', MORE_LINE_ITEMS, {
        id: order.id,
        after: page.pageInfo.endCursor,
      });
      page = data.order?.lineItems;
      nodes.push(...(page?.nodes ?? []));
    }
    return { ...order, lineItems: { nodes } };
  }

  return {
    type: 'shopify',

    async pullOrders({ cursor, pageToken }): Promise<PullPage> {
      const token = pageToken ? decodeToken(pageToken) : null;
      const since = token ? token.since : cursor;
      // Inclusive bound: orders updated at the cursor instant come back once more; ingest is idempotent.
      // `updated_at:>='1970…'` keeps the query the same shape on the very first pull.
      const query = `updated_at:>='${since ?? '1970-01-01T00:00:00Z'}'`;
      const data = await client.query<OrdersPage>('orders', PULL_ORDERS, {
        first: pageSize,
        after: token?.after ?? null,
        query,
      });
      let maxSeen = since;
      const orders: PulledOrder[] = [];
      for (const raw of data.orders.nodes) {
        maxSeen = later(maxSeen, peekOrder(raw).updatedAt);
        orders.push(mapShopifyOrder(await completeLines(raw)));
      }
      // Sorted by UPDATED_AT, so every order before the greatest date of this page has been seen: the
      // cursor may move with each page.
      const { hasNextPage, endCursor } = data.orders.pageInfo;
      const hasMore = hasNextPage && endCursor !== null && orders.length > 0;
      return {
        orders,
        hasMore,
        nextCursor: maxSeen,
        pageToken: hasMore && endCursor ? encodeToken({ after: endCursor, since }) : null,
      };
    },

    async acceptLines() {
      // Shopify orders need no acceptance; nothing to send.
    },

    async confirmShipment(confirmation) {
      const state = await readState(confirmation.externalOrderId);
      // One fulfilment per parcel: if this tracking number is already on a fulfilment, an earlier attempt
      // went through (perhaps one that timed out) and writing again would ship the units twice.
      if (fulfillmentWithTracking(state, confirmation.trackingNumber)) return;
      const lineItemsByFulfillmentOrder = allocateParcel(state, confirmation.lines);
      const trackingInfo: Record<string, string> = {
        company: confirmation.carrierName,
        number: confirmation.trackingNumber,
      };
      if (confirmation.carrierUrl) trackingInfo.url = confirmation.carrierUrl;
      const data = await client.mutate<{ fulfillmentCreate: { userErrors: UserError[] } | null }>(
        'fulfillmentCreate',
        FULFILLMENT_CREATE,
        {
          fulfillment: {
            lineItemsByFulfillmentOrder,
            trackingInfo,
            notifyCustomer: options.notifyCustomer ?? false,
          },
        },
      );
      assertNoUserErrors('fulfillmentCreate', data.fulfillmentCreate);
    },

    async readShipmentState(externalOrderId) {
      // Parcels ship one fulfilment each, so "shipped with this tracking number" means the latest
      // fulfilment carries it: that is what an ambiguous write of this parcel would have left behind.
      const state = await readFulfilments(externalOrderId);
      const latest = latestFulfillment(state);
      return {
        shipped: latest !== undefined,
        trackingNumber: latest?.trackingInfo.find((t) => t.number)?.number ?? null,
      };
    },

    async readTrackingNumbers(externalOrderId) {
      const state = await readFulfilments(externalOrderId);
      return state.fulfillments
        .filter((f) => f.status === 'SUCCESS')
        .flatMap((f) => f.trackingInfo.flatMap((t) => (t.number ? [t.number] : [])));
    },

    async pushStock(updates) {
      if (updates.length === 0) return;
      locationId ??= await resolveLocation(client);
      await pushShopifyStock(client, locationId, updates);
    },

    cancelLines: (externalOrderId, lines) => cancelShopifyLines(client, externalOrderId, lines),

    verifyWebhook: (rawBody, hmacHeader) =>
      verifyShopifyWebhook(rawBody, hmacHeader, options.apiSecret ?? ''),

    async testConnection() {
      try {
        const data = await client.query<{ shop: { name: string; myshopifyDomain: string } }>('shop', SHOP);
        return {
          ok: true,
          message: `Connected to Shopify shop "${data.shop.name}" (${data.shop.myshopifyDomain})`,
        };
      } catch (err) {
        if (!(err instanceof ChannelError)) throw err;
        if (err.code === 'channel_unauthorized')
          return { ok: false, message: 'Shopify rejected the access token' };
        return { ok: false, message: err.message };
      }
    },
  };
}

/** Narrows a connector from the registry to a Shopify one (the webhook route needs `verifyWebhook`). */
export function isShopifyConnector(connector: ChannelConnector): connector is ShopifyConnector {
  return connector.type === 'shopify' && 'verifyWebhook' in connector;
}
