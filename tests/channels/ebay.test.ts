import { afterEach, describe, expect, it } from 'vitest';
import { ChannelError } from '../../api/channels/connector.js';
import { pullAll } from '../fakes/amazon/harness.js';
import { setupEbay } from '../fakes/ebay/harness.js';
import type { EbayFake } from '../fakes/ebay/simulator.js';
import { validateEbayRequest, validateEbayResponse } from '../fakes/ebay/spec.js';

let current: EbayFake | null = null;
function setup(...args: Parameters<typeof setupEbay>) {
  const s = setupEbay(...args);
  current = s.fake;
  return s;
}
afterEach(() => {
  if (!current) return;
  expect(current.violations).toEqual([]);
  expect(current.responseViolations).toEqual([]);
  current = null;
});

async function rejection(promise: Promise<unknown>): Promise<ChannelError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChannelError);
  return err as ChannelError;
}

const ship = (
  orderId: string,
  trackingNumber: string,
  lines: { externalLineId: string; quantity: number }[],
) => ({
  externalOrderId: orderId,
  carrierCode: 'COLISSIMO',
  carrierName: 'Colissimo',
  carrierUrl: null,
  trackingNumber,
  lines,
});

describe('the eBay fake validates against the OAS3 files', () => {
  it('rejects what the specs do not allow, in requests and in responses', () => {
    expect(validateEbayRequest('getOrders', { query: { since: 'x' }, headers: {}, body: undefined })).toEqual(
      ['query since is not a parameter of getOrders'],
    );
    expect(
      validateEbayRequest('createShippingFulfillment', {
        query: {},
        headers: { 'content-type': 'application/json' },
        body: { lineItems: [{ lineItemId: '1', quantity: 'two' }], trackingNo: 'x' },
      }),
    ).toEqual(['body must NOT have additional properties', 'body/lineItems/0/quantity must be integer']);
    expect(
      validateEbayRequest('issueRefund', {
        query: {},
        headers: {},
        body: { reasonForRefund: 'SELLER_CANCEL' },
      }),
    ).toEqual(['header Content-Type is required']);
    expect(validateEbayResponse('getOrders', 200, { total: 'many', orders: [] })).toEqual([
      'response/total must be integer',
    ]);
  });
});

describe('eBay connector against the fake', () => {
  it('pulls with filter=lastmodifieddate and limit/offset; money exact, ship-by from the lines', async () => {
    // The pull's start an hour ahead, so the fake's auto-advancing clock stays before it.
    const { fake, connector } = setup({}, { pageSize: 2, now: () => Date.now() + 3_600_000 });
    const a = fake.createOrder({ lines: [{ sku: 'SEC-220', quantity: 2 }, { sku: 'GAN-M' }] });
    fake.createOrder({ paymentStatus: 'PENDING' });
    const c = fake.createOrder();
    const { pages, orders, nextCursor } = await pullAll(connector, null);
    expect(pages.map((p) => [p.orders.length, p.hasMore])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(nextCursor).toBe(c.lastModifiedDate);
    const calls = fake.received.filter((r) => r.operationId === 'getOrders');
    expect(calls.map((r) => r.query.offset)).toEqual(['0', '2']);
    expect(calls[0]?.query.filter).toMatch(/^lastmodifieddate:\[\d{4}-.*Z\.\.\]$/);
    const first = orders[0];
    if (!first?.ok) throw new Error('did not map');
    expect(first.order).toMatchObject({
      externalId: a.orderId,
      status: 'to_ship',
      totalMinor: 1890 * 2 + 990 + 590,
      shippingMinor: 590,
      shipBy:
        a.lineItems[0]?.lineItemFulfillmentInstructions &&
        (a.lineItems[0].lineItemFulfillmentInstructions as { shipByDate: string }).shipByDate,
    });
    expect(first.order.lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor])).toEqual([
      ['SEC-220', 2, 1890],
      ['GAN-M', 1, 990],
    ]);
    expect(orders[1]).toMatchObject({ ok: true, order: { status: 'awaiting_payment' } });
    expect(fake.received.filter((r) => r.operationId === 'identityToken')).toHaveLength(1);
  });

  it('an order shipped while the pull pages through is read again by the next pull', async () => {
    let now = Date.parse('2026-05-04T08:00:00Z');
    const { fake, connector } = setup(
      { clock: () => new Date(now), autoAdvance: false },
      { now: () => now, pageSize: 1 },
    );
    const a = fake.createOrder({ lines: [{ sku: 'SEC-220', quantity: 1 }] });
    const b = fake.createOrder({ lines: [{ sku: 'GAN-M', quantity: 1 }] });
    now += 60_000;
    const first = await connector.pullOrders({ cursor: null, pageToken: null });
    expect(first.orders.map((o) => o.externalId)).toEqual([a.orderId]);
    // Between the pages: we ship the order just read, then the buyer changes the next one.
    now += 60_000;
    await connector.confirmShipment(
      ship(a.orderId, 'TRK-A', [{ externalLineId: a.lineItems[0]!.lineItemId, quantity: 1 }]),
    );
    now += 60_000;
    fake.updateOrder(b.orderId, () => {});
    const second = await connector.pullOrders({ cursor: null, pageToken: first.pageToken });
    expect(second.orders.map((o) => o.externalId)).toEqual([b.orderId]);
    expect(second.hasMore).toBe(false);
    // The greatest date seen is b's change, after a's shipment: a cursor there would never show a shipped.
    expect(second.nextCursor).toBe('2026-05-04T08:01:00.000Z');
    const next = await pullAll(connector, second.nextCursor);
    expect(next.orders.find((o) => o.externalId === a.orderId)).toMatchObject({
      ok: true,
      order: { status: 'shipped' },
    });
  });

  it('ships one order in two parcels, cancels a line of another, pushes stock', async () => {
    const { fake, connector } = setup();
    const two = fake.createOrder({ lines: [{ sku: 'SEC-220', quantity: 2 }, { sku: 'GAN-M' }] });
    const other = fake.createOrder({ lines: [{ sku: 'POT-30T' }, { sku: 'GAN-L', quantity: 3 }] });
    const [sec, gan] = two.lineItems;
    await connector.confirmShipment(
      ship(two.orderId, 'PARCEL-1', [{ externalLineId: sec!.lineItemId, quantity: 1 }]),
    );
    expect(fake.state.orders.get(two.orderId)?.orderFulfillmentStatus).toBe('IN_PROGRESS');
    await connector.confirmShipment(
      ship(two.orderId, 'PARCEL-2', [
        { externalLineId: sec!.lineItemId, quantity: 1 },
        { externalLineId: gan!.lineItemId, quantity: 1 },
      ]),
    );
    expect(fake.state.orders.get(two.orderId)?.orderFulfillmentStatus).toBe('FULFILLED');
    expect(
      fake.state.fulfillments.get(two.orderId)?.map((f) => [f.shipmentTrackingNumber, f.lineItems]),
    ).toEqual([
      ['PARCEL-1', [{ lineItemId: sec!.lineItemId, quantity: 1 }]],
      [
        'PARCEL-2',
        [
          { lineItemId: sec!.lineItemId, quantity: 1 },
          { lineItemId: gan!.lineItemId, quantity: 1 },
        ],
      ],
    ]);
    expect(await connector.readShipmentState(two.orderId)).toEqual({
      shipped: true,
      trackingNumber: 'PARCEL-2',
      trackingNumbers: ['PARCEL-1', 'PARCEL-2'],
      lines: [
        { externalLineId: sec!.lineItemId, quantityShipped: 2 },
        { externalLineId: gan!.lineItemId, quantityShipped: 1 },
      ],
    });

    const gloves = other.lineItems[1]!;
    await connector.cancelLines?.(other.orderId, [
      { externalLineId: gloves.lineItemId, quantity: 3, reason: 'out_of_stock' },
    ]);
    const cancelled = fake.state.orders.get(other.orderId);
    expect(cancelled?.orderPaymentStatus).toBe('PARTIALLY_REFUNDED');
    expect(cancelled?.lineItems[1]?.refunds?.map((r) => r.amount)).toEqual([
      { value: '29.70', currency: 'EUR' },
    ]);
    expect(fake.received.find((r) => r.operationId === 'issueRefund')?.body).toMatchObject({
      reasonForRefund: 'SELLER_CANCEL',
    });
    const repull = await pullAll(connector, null);
    const pulled = repull.orders.find((o) => o.externalId === other.orderId);
    // The refunded line stays on the order, wholly cancelled.
    expect(pulled?.ok && pulled.order.lines.map((l) => [l.sku, l.quantity, l.quantityCancelled])).toEqual([
      ['POT-30T', 1, 0],
      ['GAN-L', 3, 3],
    ]);

    await connector.pushStock(
      Array.from({ length: 30 }, (_, i) => ({ sku: i === 0 ? 'SEC-220' : 'GAN-L', quantity: 40 + i })),
    );
    expect(fake.received.filter((r) => r.operationId === 'bulkUpdatePriceQuantity')).toHaveLength(2);
    expect(fake.state.inventory.get('SEC-220')).toBe(40);
    expect(fake.state.inventory.get('GAN-L')).toBe(69);
    const err = await rejection(connector.pushStock([{ sku: 'NOT-LISTED', quantity: 1 }]));
    expect(err).toMatchObject({ code: 'ebay_stock_refused', retryable: false });
  });

  it('refunds a line with an exact amount', async () => {
    const { fake, connector } = setup();
    const order = fake.createOrder({ lines: [{ sku: 'SEC-220', quantity: 1 }] });
    const result = await connector.refund?.({
      externalOrderId: order.orderId,
      reason: 'return',
      currency: 'EUR',
      lines: [{ externalLineId: order.lineItems[0]!.lineItemId, amountMinor: 1001 }],
    });
    expect(result).toEqual({ refundId: expect.any(String), status: 'PENDING' });
    expect(fake.state.orders.get(order.orderId)?.lineItems[0]?.refunds?.[0]?.amount).toEqual({
      value: '10.01',
      currency: 'EUR',
    });
  });

  it('a fulfillment that timed out after eBay applied it is never created twice on retry', async () => {
    const { fake, connector } = setup({}, { timeoutMs: 150 });
    const order = fake.createOrder({ lines: [{ sku: 'SEC-220', quantity: 1 }] });
    const parcel = ship(order.orderId, 'TRK-9', [
      { externalLineId: order.lineItems[0]!.lineItemId, quantity: 1 },
    ]);
    fake.delayNext('createShippingFulfillment', 400);
    const err = await rejection(connector.confirmShipment(parcel));
    expect(err).toMatchObject({ code: 'channel_timeout', ambiguous: true });
    expect(await connector.readShipmentState(order.orderId)).toMatchObject({
      shipped: true,
      trackingNumbers: ['TRK-9'],
    });
    await connector.confirmShipment(parcel);
    await connector.confirmShipment(parcel);
    expect(fake.state.fulfillments.get(order.orderId)).toHaveLength(1);
    expect(fake.received.filter((r) => r.operationId === 'createShippingFulfillment')).toHaveLength(1);
  });

  it('refreshes an expired token, retries a 429, classifies a 500 on a write as ambiguous', async () => {
    let now = Date.parse('2026-05-04T08:00:00Z');
    const { fake, connector } = setup({ clock: () => new Date(now), autoAdvance: false }, { now: () => now });
    fake.createOrder();
    await pullAll(connector, null);
    now += 7200_000;
    fake.failNext('getOrders', { status: 429 });
    expect((await pullAll(connector, null)).orders).toHaveLength(1);
    expect(fake.received.filter((r) => r.operationId === 'identityToken')).toHaveLength(2);
    expect(fake.received.filter((r) => r.operationId === 'getOrders').map((r) => r.status)).toEqual([
      200, 429, 200,
    ]);
    const order = fake.createOrder();
    fake.failNext('createShippingFulfillment', { status: 500 });
    const err = await rejection(
      connector.confirmShipment(
        ship(order.orderId, 'T1', [{ externalLineId: order.lineItems[0]!.lineItemId, quantity: 1 }]),
      ),
    );
    expect(err).toMatchObject({ retryable: true, ambiguous: true });
  });

  it('a wrong refresh token fails the connection test with a clear message', async () => {
    const { connector } = setup({}, { refreshToken: 'revoked' });
    const result = await connector.testConnection();
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain('invalid_grant');
  });
});
