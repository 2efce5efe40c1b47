import type { RetryReporter } from '../call-log.js';
import type { PulledOrder } from '../canonical.js';
import { type CancelReason, type ChannelConnector, ChannelError, type PullPage } from '../connector.js';
import type { FetchLike } from '../http.js';
import { currencyExponent } from '../money.js';
import type { InPlaceRetry, RateSignalHook, Throttle } from '../rate-limit.js';
import { sendEbayBulkFeed } from './bulk-price-quantity.js';
import { createEbayClient, type EbayClient } from './client.js';
import { amountMinor, mapEbayOrder } from './mapper.js';
import { EbayFulfillments, EbayLineItem, EbayOrder, EbayOrderPage, peekOrder } from './wire.js';

export interface EbayConnectorOptions {
  apiBase: string;
  identityBase?: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  throttle?: Throttle;
  onRateSignal?: RateSignalHook;
  onRetry?: RetryReporter;
  retry?: InPlaceRetry;
  /** getOrders limit (1–200). */
  pageSize?: number;
  initialLookbackDays?: number;
  now?: () => number;
}

const FULFILLMENT = '/sell/fulfillment/v1';
const orderPath = (id: string) => `${FULFILLMENT}/order/${encodeURIComponent(id)}`;

/**
 * One pull is `lastmodifieddate:[since..]`, paged by offset. getOrders documents no sort and no keyset
 * parameter, so offsets it is; the window is left open at the top on purpose: an order modified while we
 * page stays in the result set, and in creation-date order (the fake's; eBay documents none) it keeps
 * its place, so the later pages do not shift. What no page shows is the change itself, made after the
 * order was read: so the cursor never passes the instant the pull started (`until`), and the next pull
 * reads every order changed since, whatever the greatest date this pull saw.
 */
interface PageToken {
  offset: number;
  since: string;
  maxSeen: string | null;
  /** When the pull started (absent from tokens issued before it was kept). */
  until?: string;
}
const encodeToken = (t: PageToken) => Buffer.from(JSON.stringify(t)).toString('base64url');
function decodeToken(text: string): PageToken {
  try {
    const t = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
    if (Number.isInteger(t.offset) && typeof t.since === 'string') return t;
  } catch {
    // Reported below.
  }
  throw new ChannelError('ebay page token is not one this connector issued', 'ebay_bad_page_token', false);
}
const later = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : Date.parse(b) > Date.parse(a) ? b : a;
const earlier = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : Date.parse(b) < Date.parse(a) ? b : a;

/** ReasonForRefundEnum (eBay's type reference): the buyer's or the seller's cancellation. */
const REFUND_REASON: Record<CancelReason | 'return', string> = {
  buyer_request: 'BUYER_CANCEL',
  out_of_stock: 'SELLER_CANCEL',
  address_undeliverable: 'SELLER_CANCEL',
  other: 'SELLER_CANCEL',
  return: 'BUYER_RETURN',
};

/** Minor units → the decimal string eBay expects, with the currency's own number of decimals. */
function decimal(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  if (exp === 0) return String(minor);
  const digits = String(minor).padStart(exp + 1, '0');
  return `${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

async function getOrder(client: EbayClient, id: string): Promise<EbayOrder> {
  const { body } = await client.call<unknown>({ operation: 'getOrder', method: 'GET', path: orderPath(id) });
  const parsed = EbayOrder.safeParse(body);
  if (!parsed.success)
    throw new ChannelError(`ebay getOrder ${id} answered without an order`, 'ebay_bad_response', true);
  return parsed.data;
}

async function listFulfillments(client: EbayClient, id: string) {
  const { body } = await client.call<unknown>({
    operation: 'getShippingFulfillments',
    method: 'GET',
    path: `${orderPath(id)}/shipping_fulfillment`,
  });
  return EbayFulfillments.safeParse(body).data?.fulfillments ?? [];
}

export function createEbayConnector(options: EbayConnectorOptions): ChannelConnector {
  const now = options.now ?? Date.now;
  const client = createEbayClient(options);
  const pageSize = Math.min(Math.max(options.pageSize ?? 100, 1), 200);

  async function issueRefund(
    orderId: string,
    reason: string,
    items: { lineItemId: string; minor: number }[],
    currency: string,
    comment?: string | null,
  ) {
    const { body } = await client.call<{ refundId?: string; refundStatus?: string }>({
      operation: 'issueRefund',
      method: 'POST',
      path: `${orderPath(orderId)}/issue_refund`,
      json: {
        reasonForRefund: reason,
        ...(comment ? { comment } : {}),
        refundItems: items.map((i) => ({
          lineItemId: i.lineItemId,
          refundAmount: { value: decimal(i.minor, currency), currency },
        })),
      },
    });
    return { refundId: body?.refundId ?? null, status: body?.refundStatus ?? 'PENDING' };
  }

  return {
    type: 'ebay',

    async pullOrders({ cursor, pageToken }): Promise<PullPage> {
      const token: PageToken = pageToken
        ? decodeToken(pageToken)
        : {
            offset: 0,
            since: cursor ?? new Date(now() - (options.initialLookbackDays ?? 30) * 86_400_000).toISOString(),
            maxSeen: null,
            until: new Date(now()).toISOString(),
          };
      const { body } = await client.call<unknown>({
        operation: 'getOrders',
        method: 'GET',
        path: `${FULFILLMENT}/order`,
        query: { filter: `lastmodifieddate:[${token.since}..]`, limit: pageSize, offset: token.offset },
      });
      const page = EbayOrderPage.safeParse(body);
      if (!page.success)
        throw new ChannelError('ebay getOrders answered without orders', 'ebay_bad_response', true);
      const raws = page.data.orders ?? [];
      let maxSeen = token.maxSeen;
      const orders: PulledOrder[] = raws.map((raw) => {
        maxSeen = later(maxSeen, peekOrder(raw).lastModified);
        return mapEbayOrder(raw);
      });
      const nextOffset = token.offset + raws.length;
      const hasMore = raws.length > 0 && nextOffset < (page.data.total ?? 0);
      // eBay does not promise modification-date order across pages: move the cursor on the last page only,
      // and not past the pull's start (an order read early may have changed since, see PageToken).
      const reached = later(token.since, earlier(maxSeen, token.until ?? null));
      return {
        orders,
        hasMore,
        nextCursor: hasMore ? (cursor ?? null) : maxSeen === null ? (cursor ?? null) : reached,
        pageToken: hasMore ? encodeToken({ ...token, offset: nextOffset, maxSeen }) : null,
      };
    },

    async acceptLines() {
      // eBay has no acceptance step.
    },

    async confirmShipment(confirmation) {
      // createShippingFulfillment is not idempotent at eBay: a resend makes a second fulfillment. So the
      // order's fulfillments are read first, and a parcel whose tracking number is there is not resent.
      const existing = await listFulfillments(client, confirmation.externalOrderId);
      if (existing.some((f) => f.shipmentTrackingNumber === confirmation.trackingNumber)) return;
      await client.call({
        operation: 'createShippingFulfillment',
        method: 'POST',
        path: `${orderPath(confirmation.externalOrderId)}/shipping_fulfillment`,
        json: {
          lineItems: confirmation.lines.map((l) => ({ lineItemId: l.externalLineId, quantity: l.quantity })),
          shippedDate: confirmation.shippedAt ?? new Date(now()).toISOString(),
          shippingCarrierCode: confirmation.carrierCode,
          trackingNumber: confirmation.trackingNumber,
        },
      });
    },

    async readShipmentState(externalOrderId) {
      const order = await getOrder(client, externalOrderId);
      const fulfillments = await listFulfillments(client, externalOrderId);
      const shippedBy = new Map<string, number>();
      for (const f of fulfillments) {
        for (const l of f.lineItems ?? [])
          shippedBy.set(l.lineItemId, (shippedBy.get(l.lineItemId) ?? 0) + (l.quantity ?? 0));
      }
      const trackingNumbers = fulfillments
        .map((f) => f.shipmentTrackingNumber)
        .filter((t): t is string => Boolean(t));
      return {
        shipped: order.orderFulfillmentStatus === 'FULFILLED',
        trackingNumber: trackingNumbers.at(-1) ?? null,
        trackingNumbers,
        lines: order.lineItems.flatMap((raw) => {
          const item = EbayLineItem.safeParse(raw).data;
          return item
            ? [{ externalLineId: item.lineItemId, quantityShipped: shippedBy.get(item.lineItemId) ?? 0 }]
            : [];
        }),
      };
    },

    async cancelLines(externalOrderId, lines) {
      if (lines.length === 0) return;
      // The Fulfillment API cancels a line by refunding it (reason BUYER_CANCEL or SELLER_CANCEL); the
      // amount is the cancelled share of the line's cost. eBay wants one reason per refund call.
      const order = await getOrder(client, externalOrderId);
      const currency = order.pricingSummary?.total?.currency ?? 'EUR';
      const byReason = new Map<string, { lineItemId: string; minor: number }[]>();
      for (const line of lines) {
        const item = order.lineItems
          .map((r) => EbayLineItem.safeParse(r).data)
          .find((i) => i?.lineItemId === line.externalLineId);
        if (!item)
          throw new ChannelError(
            `ebay order ${externalOrderId} has no line ${line.externalLineId}`,
            'ebay_unknown_line',
            false,
          );
        if (line.quantity < 1 || line.quantity > item.quantity) {
          throw new ChannelError(
            `ebay line ${line.externalLineId} has ${item.quantity} unit(s), asked to cancel ${line.quantity}`,
            'ebay_bad_quantity',
            false,
          );
        }
        const cost = amountMinor(item.lineItemCost, currency, 'lineItemCost');
        const reason = REFUND_REASON[line.reason];
        byReason.set(reason, [
          ...(byReason.get(reason) ?? []),
          { lineItemId: item.lineItemId, minor: Math.floor((cost * line.quantity) / item.quantity) },
        ]);
      }
      for (const [reason, items] of byReason) await issueRefund(externalOrderId, reason, items, currency);
    },

    async refund(request) {
      const items = request.lines.map((l) => ({ lineItemId: l.externalLineId, minor: l.amountMinor }));
      if (items.some((i) => !Number.isSafeInteger(i.minor) || i.minor <= 0)) {
        throw new ChannelError('ebay refunds need positive amounts in minor units', 'ebay_bad_amount', false);
      }
      return issueRefund(
        request.externalOrderId,
        REFUND_REASON[request.reason],
        items,
        request.currency,
        request.comment,
      );
    },

    async pushStock(updates) {
      // bulkUpdatePriceQuantity takes at most 25 SKUs per call.
      for (let i = 0; i < updates.length; i += 25) {
        const chunk = updates.slice(i, i + 25);
        const { body } = await client.call<{
          responses?: { sku?: string; statusCode?: number; errors?: { message?: string }[] }[];
        }>({
          operation: 'bulkUpdatePriceQuantity',
          method: 'POST',
          path: '/sell/inventory/v1/bulk_update_price_quantity',
          json: {
            requests: chunk.map((u) => ({
              sku: u.sku,
              shipToLocationAvailability: { quantity: u.quantity },
            })),
          },
        });
        // 200 or 207 (multi-status): each SKU carries its own status.
        const refused = (body?.responses ?? []).filter((r) => (r.statusCode ?? 200) >= 400);
        if (refused.length > 0) {
          const why = refused.map((r) => `${r.sku}: ${r.errors?.[0]?.message ?? r.statusCode}`).join('; ');
          throw new ChannelError(`ebay refused the stock of ${why}`, 'ebay_stock_refused', false);
        }
      }
    },

    sendFeed: (file) => sendEbayBulkFeed(client, file),

    async testConnection() {
      try {
        await client.call({
          operation: 'getOrders',
          method: 'GET',
          path: `${FULFILLMENT}/order`,
          query: { limit: 1 },
        });
        return { ok: true, message: 'Connected to eBay' };
      } catch (err) {
        if (!(err instanceof ChannelError)) throw err;
        return { ok: false, message: err.message };
      }
    },
  };
}
