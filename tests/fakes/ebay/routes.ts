import { Hono } from 'hono';
import { decimal } from '../amazon/order-factory.js';
import { type EbayFakeOrder, ebayDate } from './order-factory.js';

/**
 * Sell Fulfillment and Sell Inventory operations over the fake's state. createShippingFulfillment is
 * deliberately not idempotent, as at eBay: every call makes a new fulfillment.
 */
export interface EbayState {
  orders: Map<string, EbayFakeOrder>;
  fulfillments: Map<
    string,
    {
      fulfillmentId: string;
      shipmentTrackingNumber: string;
      shippingCarrierCode: string;
      shippedDate: string;
      lineItems: { lineItemId: string; quantity: number }[];
    }[]
  >;
  inventory: Map<string, number>;
  /** Published offers' price and quantity as bulkUpdatePriceQuantity last set them, by offer id. */
  offers: Map<
    string,
    { sku: string; price: { value: string; currency: string } | null; quantity: number | null }
  >;
}

export const ebayError = (errorId: number, message: string) => ({
  errors: [{ errorId, domain: 'API_FULFILLMENT', category: 'REQUEST', message }],
});

/** ReasonForRefundEnum, from eBay's type reference (the OAS file only names it). */
const REFUND_REASONS = new Set([
  'BUYER_CANCEL',
  'SELLER_CANCEL',
  'ITEM_NOT_RECEIVED',
  'BUYER_RETURN',
  'ITEM_NOT_AS_DESCRIBED',
  'OTHER_ADJUSTMENT',
  'SHIPPING_DISCOUNT',
]);
const cents = (v: { value: string }) => Math.round(Number(v.value.replace('.', '')));

function refreshStatuses(order: EbayFakeOrder, fulfilled: Map<string, number>, now: Date) {
  let open = 0;
  let done = 0;
  for (const line of order.lineItems) {
    const refunded = (line.refunds ?? []).reduce((s, r) => s + cents(r.amount), 0);
    const cancelled = refunded >= cents(line.lineItemCost) && (fulfilled.get(line.lineItemId) ?? 0) === 0;
    const shipped = (fulfilled.get(line.lineItemId) ?? 0) >= line.quantity;
    line.lineItemFulfillmentStatus = shipped
      ? 'FULFILLED'
      : (fulfilled.get(line.lineItemId) ?? 0) > 0
        ? 'IN_PROGRESS'
        : 'NOT_STARTED';
    if (cancelled) continue;
    if (shipped) done++;
    else open++;
  }
  order.orderFulfillmentStatus =
    open === 0 && done > 0
      ? 'FULFILLED'
      : done > 0 || [...fulfilled.values()].some((q) => q > 0)
        ? 'IN_PROGRESS'
        : 'NOT_STARTED';
  order.lastModifiedDate = ebayDate(now);
}

export function fulfilledQuantities(state: EbayState, orderId: string): Map<string, number> {
  const by = new Map<string, number>();
  for (const f of state.fulfillments.get(orderId) ?? [])
    for (const l of f.lineItems) by.set(l.lineItemId, (by.get(l.lineItemId) ?? 0) + l.quantity);
  return by;
}

export function createEbayApi(ctx: { state: EbayState; now: () => Date; newId: (p: string) => string }) {
  const app = new Hono();
  const F = '/sell/fulfillment/v1';

  app.get(`${F}/order`, (c) => {
    const q = c.req.query();
    const limit = Math.min(Number(q.limit ?? 50), 200);
    const offset = Number(q.offset ?? 0);
    const match = /lastmodifieddate:\[([^\]]*?)\.\.([^\]]*)\]/.exec(q.filter ?? '');
    if (q.filter && !match) return c.json(ebayError(30700, `Invalid filter: ${q.filter}`), 400);
    const from = match?.[1] ? Date.parse(match[1]) : null;
    const to = match?.[2] ? Date.parse(match[2]) : null;
    if (Number.isNaN(from) || Number.isNaN(to))
      return c.json(ebayError(30700, 'Invalid date in filter'), 400);
    const all = [...ctx.state.orders.values()]
      .filter((o) => from === null || Date.parse(o.lastModifiedDate) >= from)
      .filter((o) => to === null || Date.parse(o.lastModifiedDate) <= to)
      .sort(
        (a, b) =>
          Date.parse(a.creationDate) - Date.parse(b.creationDate) || a.orderId.localeCompare(b.orderId),
      );
    const orders = all.slice(offset, offset + limit);
    return c.json({ href: c.req.url, total: all.length, limit, offset, orders }, 200);
  });

  const find = (id: string) => ctx.state.orders.get(id);

  app.get(`${F}/order/:orderId`, (c) => {
    const order = find(c.req.param('orderId'));
    return order ? c.json(order, 200) : c.json(ebayError(32100, 'Order not found'), 404);
  });

  app.get(`${F}/order/:orderId/shipping_fulfillment`, (c) => {
    const list = ctx.state.fulfillments.get(c.req.param('orderId')) ?? [];
    return c.json({ fulfillments: list, total: list.length }, 200);
  });

  app.post(`${F}/order/:orderId/shipping_fulfillment`, async (c) => {
    const order = find(c.req.param('orderId'));
    if (!order) return c.json(ebayError(32100, 'Order not found'), 404);
    if (order.orderPaymentStatus === 'PENDING') return c.json(ebayError(32800, 'The order is not paid'), 409);
    const body = (await c.req.json()) as {
      lineItems?: { lineItemId: string; quantity?: number }[];
      shippingCarrierCode?: string;
      trackingNumber?: string;
      shippedDate?: string;
    };
    if (!body.trackingNumber || !body.shippingCarrierCode)
      return c.json(ebayError(32400, 'trackingNumber and shippingCarrierCode are required'), 400);
    const lines = body.lineItems ?? [];
    if (
      lines.length === 0 ||
      lines.some((l) => !order.lineItems.some((i) => i.lineItemId === l.lineItemId))
    ) {
      return c.json(ebayError(32400, 'lineItems must name line items of this order'), 400);
    }
    const fulfillmentId = body.trackingNumber;
    const list = ctx.state.fulfillments.get(order.orderId) ?? [];
    // eBay names a fulfillment after its tracking number; a resend still records a second one.
    list.push({
      fulfillmentId: list.some((f) => f.fulfillmentId === fulfillmentId)
        ? `${fulfillmentId}-${list.length}`
        : fulfillmentId,
      shipmentTrackingNumber: body.trackingNumber,
      shippingCarrierCode: body.shippingCarrierCode,
      shippedDate: body.shippedDate ?? ebayDate(ctx.now()),
      lineItems: lines.map((l) => ({
        lineItemId: l.lineItemId,
        quantity: l.quantity ?? order.lineItems.find((i) => i.lineItemId === l.lineItemId)?.quantity ?? 1,
      })),
    });
    ctx.state.fulfillments.set(order.orderId, list);
    refreshStatuses(order, fulfilledQuantities(ctx.state, order.orderId), ctx.now());
    c.header('location', `${c.req.url}/${fulfillmentId}`);
    return c.json({}, 201);
  });

  app.post(`${F}/order/:orderId/issue_refund`, async (c) => {
    const order = find(c.req.param('orderId'));
    if (!order) return c.json(ebayError(32100, 'Order not found'), 404);
    const body = (await c.req.json()) as {
      reasonForRefund?: string;
      refundItems?: { lineItemId: string; refundAmount: { value: string; currency: string } }[];
    };
    if (!body.reasonForRefund || !REFUND_REASONS.has(body.reasonForRefund))
      return c.json(ebayError(32400, `reasonForRefund ${body.reasonForRefund} is not valid`), 400);
    for (const item of body.refundItems ?? []) {
      const line = order.lineItems.find((l) => l.lineItemId === item.lineItemId);
      const already = (line?.refunds ?? []).reduce((s, r) => s + cents(r.amount), 0);
      if (!line || cents(item.refundAmount) + already > cents(line.lineItemCost))
        return c.json(ebayError(32400, `refund for ${item.lineItemId} exceeds what was paid`), 400);
    }
    const refundId = ctx.newId('5');
    for (const item of body.refundItems ?? []) {
      const line = order.lineItems.find((l) => l.lineItemId === item.lineItemId)!;
      line.refunds = [
        ...(line.refunds ?? []),
        {
          refundId,
          amount: { value: item.refundAmount.value, currency: item.refundAmount.currency },
          refundDate: ebayDate(ctx.now()),
        },
      ];
    }
    const fully = order.lineItems.every(
      (l) => (l.refunds ?? []).reduce((s, r) => s + cents(r.amount), 0) >= cents(l.lineItemCost),
    );
    order.orderPaymentStatus = fully ? 'FULLY_REFUNDED' : 'PARTIALLY_REFUNDED';
    refreshStatuses(order, fulfilledQuantities(ctx.state, order.orderId), ctx.now());
    return c.json({ refundId, refundStatus: 'PENDING' }, 200);
  });

  app.post('/sell/inventory/v1/bulk_update_price_quantity', async (c) => {
    const body = (await c.req.json()) as {
      requests?: {
        sku?: string;
        shipToLocationAvailability?: { quantity?: number };
        offers?: {
          offerId?: string;
          availableQuantity?: number;
          price?: { value?: string; currency?: string };
        }[];
      }[];
    };
    const requests = body.requests ?? [];
    if (requests.length > 25) return c.json(ebayError(25709, 'At most 25 SKUs per call'), 400);
    const inventoryError = (errorId: number, message: string) => ({
      errorId,
      domain: 'API_INVENTORY',
      category: 'REQUEST',
      message,
    });
    // One response per offer updated, or per SKU when only its ship-to-home quantity is (the spec's
    // PriceQuantityResponse); a refused one carries its errors and changes nothing.
    const responses = requests.flatMap((r) => {
      const sku = r.sku ?? '';
      const offers = r.offers ?? [];
      if (!r.sku || !ctx.state.inventory.has(r.sku)) {
        const notFound = { statusCode: 404, errors: [inventoryError(25702, 'SKU not found')] };
        return offers.length === 0
          ? [{ sku, ...notFound }]
          : offers.map((o) => ({ sku, offerId: o.offerId ?? '', ...notFound }));
      }
      const badPrice = offers.find((o) => o.price && !/^\d+(\.\d{1,2})?$/.test(o.price.value ?? ''));
      const quantity = r.shipToLocationAvailability?.quantity;
      const badQuantity =
        (quantity !== undefined && quantity < 0) || offers.some((o) => (o.availableQuantity ?? 0) < 0);
      if (badPrice || badQuantity) {
        const refused = {
          statusCode: 400,
          errors: [
            inventoryError(
              25709,
              badPrice
                ? `Invalid value for price. ${badPrice.price?.value} is not an amount above 0`
                : 'Invalid value for quantity',
            ),
          ],
        };
        return offers.length === 0
          ? [{ sku, ...refused }]
          : offers.map((o) => ({ sku, offerId: o.offerId ?? '', ...refused }));
      }
      if (typeof quantity === 'number') ctx.state.inventory.set(sku, quantity);
      if (offers.length === 0) return [{ sku, statusCode: 200 }];
      return offers.map((o) => {
        const offerId = o.offerId ?? '';
        const known = ctx.state.offers.get(offerId);
        ctx.state.offers.set(offerId, {
          sku,
          price: o.price
            ? { value: o.price.value ?? '', currency: o.price.currency ?? '' }
            : (known?.price ?? null),
          quantity: o.availableQuantity ?? known?.quantity ?? null,
        });
        return { sku, offerId, statusCode: 200 };
      });
    });
    return c.json({ responses }, responses.every((r) => r.statusCode === 200) ? 200 : 207);
  });

  return app;
}

export { decimal };
