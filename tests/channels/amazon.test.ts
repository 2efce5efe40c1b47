import { afterEach, describe, expect, it } from 'vitest';
import { packageReferenceId } from '../../api/channels/amazon/connector.js';
import { ChannelError } from '../../api/channels/connector.js';
import { pullAll, setupAmazon } from '../fakes/amazon/harness.js';
import type { AmazonFake } from '../fakes/amazon/simulator.js';

let current: AmazonFake | null = null;
function setup(...args: Parameters<typeof setupAmazon>) {
  const s = setupAmazon(...args);
  current = s.fake;
  return s;
}

// Every test: nothing we sent broke the spec, and nothing the fake answered did either.
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
  carrierCode: 'Colissimo',
  carrierName: 'Colissimo',
  carrierUrl: null,
  trackingNumber,
  lines,
});

describe('Amazon connector against the fake', () => {
  it('pulls over NextToken pages with addresses through a Restricted Data Token, paging items too', async () => {
    // The fake's clock runs ahead of ours; the cursor never passes the pull's start, so start later.
    const { fake, connector } = setup(
      { itemsPageSize: 1 },
      { pageSize: 2, now: () => Date.now() + 3_600_000 },
    );
    const a = fake.createOrder({
      lines: [
        { sku: 'SEC-220', quantity: 2 },
        { sku: 'GAN-M', quantity: 1 },
      ],
    });
    const pending = fake.createOrder({ status: 'Pending', lines: [{ sku: 'GAN-L' }] });
    fake.createOrder({ fulfillmentChannel: 'AFN' });
    const c = fake.createOrder({ lines: [{ sku: 'TER-40', quantity: 1 }] });

    const { pages, orders, nextCursor } = await pullAll(connector, null);
    expect(pages.map((p) => [p.orders.length, p.hasMore])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(pages[0]?.nextCursor).toBeNull();
    expect(nextCursor).toBe(c.order.LastUpdateDate);
    expect(orders.map((o) => o.externalId)).toEqual([
      a.order.AmazonOrderId,
      pending.order.AmazonOrderId,
      c.order.AmazonOrderId,
    ]);
    const first = orders[0];
    if (!first?.ok) throw new Error('first order did not map');
    expect(first.order).toMatchObject({
      status: 'to_ship',
      channelStatus: 'Unshipped',
      shipBy: a.order.LatestShipDate,
      currency: 'EUR',
      totalMinor: Number(a.order.OrderTotal.Amount.replace('.', '')),
      shippingAddress: { name: a.order.ShippingAddress.Name, countryCode: 'FR' },
    });
    expect(first.order.lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor])).toEqual([
      ['SEC-220', 2, 1890],
      ['GAN-M', 1, 990],
    ]);
    expect(orders[1]).toMatchObject({
      ok: true,
      order: { status: 'awaiting_payment', channelStatus: 'Pending' },
    });
    // One RDT for getOrders, and items fetched one per page (itemsPageSize 1).
    expect(fake.received.filter((r) => r.operationId === 'createRestrictedDataToken')).toHaveLength(1);
    const itemCalls = fake.received.filter(
      (r) => r.operationId === 'getOrderItems' && r.path.includes(a.order.AmazonOrderId),
    );
    expect(itemCalls.map((r) => r.query.NextToken === undefined)).toEqual([true, false]);
    expect(fake.received.filter((r) => r.operationId === 'lwaToken')).toHaveLength(1);
  });

  it('re-delivers orders at the cursor and brings changed ones back (Pending → Unshipped)', async () => {
    const { fake, connector } = setup();
    const pending = fake.createOrder({ status: 'Pending' });
    const first = await pullAll(connector, null);
    fake.updateOrder(pending.order.AmazonOrderId, (o) => {
      o.order.OrderStatus = 'Unshipped';
    });
    const second = await pullAll(connector, first.nextCursor);
    expect(second.orders).toHaveLength(1);
    expect(second.orders[0]).toMatchObject({ ok: true, order: { status: 'to_ship' } });
    expect(fake.received.filter((r) => r.operationId === 'getOrders').at(-1)?.query.LastUpdatedAfter).toBe(
      first.nextCursor,
    );
  });

  it('ships one order in two parcels, cancels a line of another, pushes stock', async () => {
    const { fake, connector } = setup();
    const two = fake.createOrder({
      lines: [
        { sku: 'SEC-220', quantity: 2 },
        { sku: 'GAN-M', quantity: 1 },
      ],
    });
    const other = fake.createOrder({
      lines: [
        { sku: 'POT-30T', quantity: 1 },
        { sku: 'GAN-L', quantity: 3 },
      ],
    });
    const { orders } = await pullAll(connector, null);
    expect(orders.every((o) => o.ok)).toBe(true);
    const [sec, gan] = two.items;
    if (!sec || !gan) throw new Error('items missing');
    const id = two.order.AmazonOrderId;

    await connector.confirmShipment(ship(id, '6A111', [{ externalLineId: sec.OrderItemId, quantity: 1 }]));
    expect(fake.state.orders.get(id)?.order.OrderStatus).toBe('PartiallyShipped');
    await connector.confirmShipment(
      ship(id, '6A222', [
        { externalLineId: sec.OrderItemId, quantity: 1 },
        { externalLineId: gan.OrderItemId, quantity: 1 },
      ]),
    );
    const shipped = fake.state.orders.get(id);
    expect(shipped?.order.OrderStatus).toBe('Shipped');
    expect([...(shipped?.packages.values() ?? [])].map((p) => p.trackingNumber)).toEqual(['6A111', '6A222']);
    expect([...(shipped?.packages.keys() ?? [])]).toEqual([
      packageReferenceId('6A111'),
      packageReferenceId('6A222'),
    ]);
    expect(await connector.readShipmentState(id)).toEqual({
      shipped: true,
      trackingNumber: null,
      lines: [
        { externalLineId: sec.OrderItemId, quantityShipped: 2 },
        { externalLineId: gan.OrderItemId, quantityShipped: 1 },
      ],
    });

    const [, gloves] = other.items;
    if (!gloves) throw new Error('items missing');
    await connector.cancelLines?.(other.order.AmazonOrderId, [
      { externalLineId: gloves.OrderItemId, quantity: 3, reason: 'out_of_stock' },
    ]);
    expect(fake.state.feeds).toMatchObject([
      { feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA', processingStatus: 'DONE' },
    ]);
    const after = fake.state.orders.get(other.order.AmazonOrderId);
    expect(after?.order.OrderStatus).toBe('Unshipped');
    expect(after?.items.map((i) => i.QuantityOrdered)).toEqual([1, 0]);
    const repull = await pullAll(connector, null);
    const otherPulled = repull.orders.find((o) => o.externalId === other.order.AmazonOrderId);
    expect(otherPulled?.ok && otherPulled.order.lines.map((l) => l.sku)).toEqual(['POT-30T']);

    await connector.pushStock([
      { sku: 'SEC-220', quantity: 117 },
      { sku: 'GAN-L', quantity: 0 },
    ]);
    expect(fake.state.listings.get('SEC-220')).toBe(117);
    expect(fake.state.listings.get('GAN-L')).toBe(0);
  });

  it('refuses a partial quantity cancel (Amazon cancels whole items) without sending anything', async () => {
    const { fake, connector } = setup();
    const order = fake.createOrder({
      lines: [
        { sku: 'GAN-L', quantity: 3 },
        { sku: 'GAN-M', quantity: 1 },
      ],
    });
    const item = order.items[0];
    const err = await rejection(
      connector.cancelLines!(order.order.AmazonOrderId, [
        { externalLineId: item!.OrderItemId, quantity: 1, reason: 'out_of_stock' },
      ]),
    );
    expect(err).toMatchObject({ code: 'amazon_partial_cancel_unsupported', retryable: false });
    expect(fake.state.feeds).toEqual([]);
  });

  it('a confirmShipment that times out after applying is ambiguous; the retry creates no second package', async () => {
    const { fake, connector } = setup({}, { timeoutMs: 150 });
    const order = fake.createOrder({ lines: [{ sku: 'SEC-220', quantity: 2 }] });
    const line = { externalLineId: order.items[0]!.OrderItemId, quantity: 1 };
    fake.delayNext('confirmShipment', 400);
    const err = await rejection(connector.confirmShipment(ship(order.order.AmazonOrderId, 'TRK-1', [line])));
    expect(err).toMatchObject({ code: 'channel_timeout', ambiguous: true, retryable: true });
    const state = await connector.readShipmentState(order.order.AmazonOrderId);
    expect(state.lines).toEqual([{ externalLineId: line.externalLineId, quantityShipped: 1 }]);
    await connector.confirmShipment(ship(order.order.AmazonOrderId, 'TRK-1', [line]));
    const stored = fake.state.orders.get(order.order.AmazonOrderId);
    expect(stored?.packages.size).toBe(1);
    expect(stored?.items[0]?.QuantityShipped).toBe(1);
    expect(stored?.order.OrderStatus).toBe('PartiallyShipped');
  });

  it('classifies 500 on a write as ambiguous and 503 as a plain retry', async () => {
    const { fake, connector } = setup();
    const order = fake.createOrder({ lines: [{ sku: 'SEC-220', quantity: 1 }] });
    const lines = [{ externalLineId: order.items[0]!.OrderItemId, quantity: 1 }];
    fake.failNext('confirmShipment', { status: 500 });
    expect(
      await rejection(connector.confirmShipment(ship(order.order.AmazonOrderId, 'T-5', lines))),
    ).toMatchObject({
      retryable: true,
      ambiguous: true,
    });
    fake.failNext('confirmShipment', { status: 503 });
    expect(
      await rejection(connector.confirmShipment(ship(order.order.AmazonOrderId, 'T-5', lines))),
    ).toMatchObject({
      retryable: true,
      ambiguous: false,
    });
  });
});

describe('Amazon tokens and rate limits', () => {
  it('caches the LWA token until it expires, and recovers when Amazon rejects it as expired', async () => {
    let now = Date.parse('2026-05-04T08:00:00Z');
    let connectorLag = 0;
    const { fake, connector } = setup(
      { clock: () => new Date(now), autoAdvance: false, tokenTtlSeconds: 3600 },
      { now: () => now - connectorLag },
    );
    fake.createOrder();
    await connector.testConnection();
    await connector.testConnection();
    expect(fake.received.filter((r) => r.operationId === 'lwaToken')).toHaveLength(1);
    now += 3600_000; // past expiry on both clocks: a fresh token
    await connector.testConnection();
    expect(fake.received.filter((r) => r.operationId === 'lwaToken')).toHaveLength(2);
    now += 3600_000;
    connectorLag = 3600_000; // our clock thinks the token is still good; Amazon does not
    expect(await connector.testConnection()).toMatchObject({ ok: true });
    const statuses = fake.received.filter((r) => r.operationId === 'getOrders').map((r) => r.status);
    expect(statuses.slice(-2)).toEqual([403, 200]);
    expect(fake.received.filter((r) => r.operationId === 'lwaToken')).toHaveLength(3);
  });

  it('answers wrong credentials with a clear failed connection test', async () => {
    const { connector } = setup({}, { refreshToken: 'Atzr|revoked' });
    const result = await connector.testConnection();
    expect(result.ok).toBe(false);
    expect(result.message).toContain('invalid_grant');
    expect(result.message).not.toContain('revoked');
  });

  it('retries a 429 after its Retry-After, feeds 429s and x-amzn-RateLimit-Limit to the limiter', async () => {
    const signals: unknown[] = [];
    const taken: string[] = [];
    const { fake, connector } = setup(
      { rateLimitHeader: { getOrderItems: '0.5' } },
      {
        throttle: async (op) => {
          taken.push(op);
        },
        onRateSignal: async (op, s) => {
          signals.push([op, s]);
        },
      },
    );
    fake.createOrder();
    fake.failNext('getOrderItems', { status: 429, retryAfterSeconds: 0 });
    const { orders } = await pullAll(connector, null);
    expect(orders).toHaveLength(1);
    expect(fake.received.filter((r) => r.operationId === 'getOrderItems').map((r) => r.status)).toEqual([
      429, 200,
    ]);
    expect(signals).toContainEqual(['getOrderItems', { retryAfterMs: 0 }]);
    expect(signals).toContainEqual(['getOrderItems', { ratePerSecond: 0.5 }]);
    expect(taken).toEqual(['createRestrictedDataToken', 'getOrders', 'getOrderItems', 'getOrderItems']);

    fake.failNext('getOrders', { status: 429, retryAfterSeconds: 120 });
    const err = await rejection(connector.pullOrders({ cursor: null, pageToken: null }));
    expect(err).toMatchObject({ code: 'channel_rate_limited', retryable: true, ambiguous: false });
    expect(signals).toContainEqual(['getOrders', { retryAfterMs: 120_000 }]);
  });
});
