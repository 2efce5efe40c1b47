import type { RetryReporter } from '../call-log.js';
import type { PulledOrder } from '../canonical.js';
import { type ChannelConnector, ChannelError, type PullPage } from '../connector.js';
import type { FetchLike } from '../http.js';
import type { InPlaceRetry, RateSignalHook, Throttle } from '../rate-limit.js';
import { createAmazonClient } from './client.js';
import { buildCancellationXml, submitFeed } from './feeds.js';
import { MARKETPLACE_CURRENCY, mapAmazonOrder, SHIPPED_STATUSES } from './mapper.js';
import {
  decodeToken,
  earlier,
  encodeToken,
  later,
  listItems,
  ordersPath,
  packageReferenceId,
} from './orders-api.js';
import { GetOrderResponse, GetOrdersResponse, peekOrder } from './wire.js';

export interface AmazonConnectorOptions {
  endpoint: string;
  lwaEndpoint?: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  sellerId: string;
  marketplaceId: string;
  /** Listings Items needs a product type on a patch; "PRODUCT" fits an offer-only change. */
  productType?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  throttle?: Throttle;
  onRateSignal?: RateSignalHook;
  onRetry?: RetryReporter;
  retry?: InPlaceRetry;
  /** getOrders MaxResultsPerPage (1–100). */
  pageSize?: number;
  /** First pull (no cursor): orders updated in the last N days. */
  initialLookbackDays?: number;
  now?: () => number;
}

export { packageReferenceId };

export function createAmazonConnector(options: AmazonConnectorOptions): ChannelConnector {
  const now = options.now ?? Date.now;
  const client = createAmazonClient({
    ...options,
    lwaEndpoint: options.lwaEndpoint ?? 'https://api.amazon.com',
  });
  const pageSize = Math.min(Math.max(options.pageSize ?? 100, 1), 100);
  const currency = MARKETPLACE_CURRENCY[options.marketplaceId] ?? 'EUR';
  // Addresses and buyer names are PII: getOrders returns them only to a Restricted Data Token.
  const ordersResource = {
    method: 'GET' as const,
    path: '/orders/v0/orders',
    dataElements: ['buyerInfo', 'shippingAddress'],
  };

  return {
    type: 'amazon',

    async pullOrders({ cursor, pageToken }): Promise<PullPage> {
      const token = pageToken ? decodeToken(pageToken) : null;
      const startedAt = new Date(now()).toISOString();
      const since =
        token?.since ??
        cursor ??
        new Date(now() - (options.initialLookbackDays ?? 30) * 86_400_000).toISOString();
      // With NextToken Amazon keeps the first call's filters; MarketplaceIds is required on every call.
      const query = token
        ? { MarketplaceIds: options.marketplaceId, NextToken: token.nextToken }
        : {
            MarketplaceIds: options.marketplaceId,
            LastUpdatedAfter: since,
            FulfillmentChannels: 'MFN',
            MaxResultsPerPage: pageSize,
          };
      const body = GetOrdersResponse.safeParse(
        await client.call({
          operation: 'getOrders',
          method: 'GET',
          path: '/orders/v0/orders',
          query,
          restricted: ordersResource,
        }),
      );
      if (!body.success)
        throw new ChannelError(
          'amazon getOrders answered without payload.Orders',
          'amazon_bad_response',
          true,
        );
      let maxSeen = token?.maxSeen ?? null;
      const orders: PulledOrder[] = [];
      for (const raw of body.data.payload.Orders) {
        const peek = peekOrder(raw);
        maxSeen = later(maxSeen, peek.lastUpdated);
        const items = peek.orderId ? await listItems(client, peek.orderId) : [];
        const mapped = mapAmazonOrder(raw, items, currency);
        // A Pending order may come without a full address yet; it comes back once payment clears
        // (its LastUpdateDate moves), so it is left out rather than parked.
        if (!mapped.ok && peek.status === 'Pending' && mapped.reason.startsWith('ShippingAddress')) continue;
        orders.push(mapped);
      }
      const nextToken = body.data.payload.NextToken;
      // Amazon does not promise update-date order across pages: the cursor moves with the last page only,
      // and never past the pull's start: an order read on an early page and changed since (shipped by
      // us meanwhile, say) carries a newer date than any page showed, and the next pull must see it.
      const until = token?.until ?? startedAt;
      const reached = maxSeen === null ? (cursor ?? null) : later(since, earlier(maxSeen, until));
      return {
        orders,
        hasMore: Boolean(nextToken),
        nextCursor: nextToken ? (cursor ?? null) : reached,
        pageToken: nextToken ? encodeToken({ nextToken, since, maxSeen, until }) : null,
      };
    },

    async acceptLines() {
      // Amazon has no acceptance step: a paid order is Unshipped and ready.
    },

    async confirmShipment(confirmation) {
      if (confirmation.lines.length === 0) {
        throw new ChannelError(
          'amazon confirmShipment needs the order items of the package',
          'amazon_no_lines',
          false,
        );
      }
      await client.call({
        operation: 'confirmShipment',
        method: 'POST',
        path: `${ordersPath(confirmation.externalOrderId)}/shipmentConfirmation`,
        json: {
          marketplaceId: options.marketplaceId,
          packageDetail: {
            packageReferenceId: packageReferenceId(confirmation.trackingNumber),
            carrierCode: confirmation.carrierCode,
            carrierName: confirmation.carrierName,
            trackingNumber: confirmation.trackingNumber,
            shipDate: confirmation.shippedAt ?? new Date(now()).toISOString(),
            orderItems: confirmation.lines.map((l) => ({
              orderItemId: l.externalLineId,
              quantity: l.quantity,
            })),
          },
        },
      });
    },

    async readShipmentState(externalOrderId) {
      const body = GetOrderResponse.safeParse(
        await client.call({ operation: 'getOrder', method: 'GET', path: ordersPath(externalOrderId) }),
      );
      const status = body.success ? peekOrder(body.data.payload).status : null;
      if (!status)
        throw new ChannelError(
          `amazon getOrder ${externalOrderId} answered without an order`,
          'amazon_bad_response',
          true,
        );
      const items = (await listItems(client, externalOrderId)) as {
        OrderItemId: string;
        QuantityShipped?: number;
      }[];
      // Orders v0 never returns tracking numbers: per-item shipped quantities are what can be read back.
      return {
        shipped: SHIPPED_STATUSES.has(status),
        trackingNumber: null,
        lines: items.map((i) => ({ externalLineId: i.OrderItemId, quantityShipped: i.QuantityShipped ?? 0 })),
      };
    },

    async cancelLines(externalOrderId, lines) {
      if (lines.length === 0) return;
      const items = (await listItems(client, externalOrderId)) as {
        OrderItemId: string;
        QuantityOrdered: number;
      }[];
      for (const line of lines) {
        const item = items.find((i) => i.OrderItemId === line.externalLineId);
        if (!item)
          throw new ChannelError(
            `amazon order ${externalOrderId} has no item ${line.externalLineId}`,
            'amazon_unknown_item',
            false,
          );
        if (line.quantity !== item.QuantityOrdered) {
          throw new ChannelError(
            `amazon cancels whole items only: item ${line.externalLineId} has ${item.QuantityOrdered} unit(s), asked to cancel ${line.quantity}`,
            'amazon_partial_cancel_unsupported',
            false,
          );
        }
      }
      const content = buildCancellationXml(
        options.sellerId,
        externalOrderId,
        lines.map((l) => ({ orderItemId: l.externalLineId, reason: l.reason })),
      );
      await submitFeed(client, {
        feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
        marketplaceId: options.marketplaceId,
        content,
      });
    },

    async pushStock(updates) {
      for (const update of updates) {
        const answer = await client.call<{ status?: string; issues?: { message?: string }[] }>({
          operation: 'patchListingsItem',
          method: 'PATCH',
          path: `/listings/2021-08-01/items/${encodeURIComponent(options.sellerId)}/${encodeURIComponent(update.sku)}`,
          query: { marketplaceIds: options.marketplaceId },
          json: {
            productType: options.productType ?? 'PRODUCT',
            patches: [
              {
                op: 'replace',
                path: '/attributes/fulfillment_availability',
                value: [
                  {
                    fulfillment_channel_code: 'DEFAULT',
                    quantity: update.quantity,
                    marketplace_id: options.marketplaceId,
                  },
                ],
              },
            ],
          },
        });
        // Listings Items answers 200 with status INVALID when it refuses the patch.
        if (answer?.status === 'INVALID') {
          const why = answer.issues?.map((i) => i.message).join('; ') ?? 'no reason given';
          throw new ChannelError(
            `amazon refused the stock of ${update.sku}: ${why}`,
            'amazon_listing_invalid',
            false,
          );
        }
      }
    },

    async testConnection() {
      try {
        await client.call({
          operation: 'getOrders',
          method: 'GET',
          path: '/orders/v0/orders',
          query: {
            MarketplaceIds: options.marketplaceId,
            CreatedAfter: new Date(now() - 86_400_000).toISOString(),
            MaxResultsPerPage: 1,
          },
        });
        return {
          ok: true,
          message: `Connected to Amazon seller ${options.sellerId} (${options.marketplaceId})`,
        };
      } catch (err) {
        if (!(err instanceof ChannelError)) throw err;
        if (err.code === 'channel_unauthorized')
          return { ok: false, message: 'Amazon rejected the credentials' };
        return { ok: false, message: err.message };
      }
    },
  };
}
