import { describe, expect, it } from 'vitest';
import type { RetryNotice } from '../../api/channels/call-log.js';
import { rejection, setup } from '../fakes/shopify/harness.js';

describe('Shopify errors', () => {
  it('waits out a THROTTLED answer using the cost extension, then succeeds', async () => {
    const waits: number[] = [];
    const { fake, connector } = setup({
      maxThrottleWaitMs: 600_000,
      sleep: async (ms) => {
        waits.push(ms);
        fake.setBucket({ currentlyAvailable: 1000 });
      },
    });
    fake.createOrder();
    // Empty and refilling at 10 points a second: the pull's several hundred points take over 10 s.
    fake.setBucket({ currentlyAvailable: 0, restoreRate: 10 });
    const page = await connector.pullOrders({ cursor: null, pageToken: null });
    expect(page.orders).toHaveLength(1);
    expect(fake.calls.map((c) => c.throttled)).toEqual([true, false]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(10_000);
    expect(waits[0]).toBeLessThanOrEqual(100_000);
  });

  it('reading and confirming a shipment wait out THROTTLED answers in place, and each wait is logged', async () => {
    const notices: RetryNotice[] = [];
    const { fake, connector } = setup({
      // The in-place bound every connector gets: the full fulfilment state (560 points) needs 11.2 s here.
      retry: { readRetries: 0, maxInlineWaitMs: 30_000 },
      onRetry: (n) => notices.push(n),
      sleep: async () => fake.setBucket({ currentlyAvailable: 1000 }),
    });
    const order = fake.createOrder({ lines: [{ sku: 'GAN-M', quantity: 1 }] });
    // Other workers have just spent the bucket, which refills at 50 points a second.
    fake.setBucket({ currentlyAvailable: 0, restoreRate: 50 });
    expect(await connector.readShipmentState(order.id)).toEqual({ shipped: false, trackingNumber: null });
    fake.setBucket({ currentlyAvailable: 0, restoreRate: 50 });
    await connector.confirmShipment({
      externalOrderId: order.id,
      carrierCode: 'COLISSIMO',
      carrierName: 'Colissimo',
      carrierUrl: null,
      trackingNumber: '6A30000000001',
      lines: [],
    });
    expect(await connector.readTrackingNumbers(order.id)).toEqual(['6A30000000001']);
    const waits = { operation: 'shopify.order', reason: 'channel_rate_limited', status: null, attempt: 1 };
    // The read-back asks for the fulfilments alone (43 points), the shipment for what is left to fulfil.
    expect(notices).toEqual([
      { ...waits, waitMs: 860 },
      { ...waits, waitMs: 11_200 },
    ]);
    expect(fake.calls.filter((c) => c.throttled).map((c) => c.rootFields[0])).toEqual(['order', 'order']);
  });

  it('reports THROTTLED as a retryable rate limit once the waits are used up', async () => {
    const { fake, connector } = setup({ sleep: async () => {} });
    fake.setBucket({ currentlyAvailable: 0, restoreRate: 0.0001, maximumAvailable: 1 });
    const err = await rejection(connector.pullOrders({ cursor: null, pageToken: null }));
    expect(err).toMatchObject({ code: 'channel_rate_limited', retryable: true, ambiguous: false });
  });

  it('429 with Retry-After is retryable; 500 on a mutation is ambiguous, on a query it is not', async () => {
    const { fake, connector } = setup();
    const order = fake.createOrder();
    fake.failNext('orders', { status: 429, retryAfter: 2 });
    expect(await rejection(connector.pullOrders({ cursor: null, pageToken: null }))).toMatchObject({
      status: 429,
      retryable: true,
    });
    fake.failNext('orders', { status: 500 });
    expect(await rejection(connector.pullOrders({ cursor: null, pageToken: null }))).toMatchObject({
      status: 500,
      ambiguous: false,
    });
    fake.failNext('fulfillmentCreate', { status: 500 });
    const err = await rejection(
      connector.confirmShipment({
        externalOrderId: order.id,
        carrierCode: 'GLS',
        carrierName: 'GLS',
        carrierUrl: null,
        trackingNumber: 'GLS1',
        lines: [],
      }),
    );
    expect(err).toMatchObject({ status: 500, retryable: true, ambiguous: true });
  });

  it('turns userErrors into a non-retryable error and changes nothing', async () => {
    const { fake, connector } = setup();
    const order = fake.createOrder();
    const err = await rejection(
      connector.confirmShipment({
        externalOrderId: order.id,
        carrierCode: 'X',
        carrierName: 'X',
        carrierUrl: 'not a url',
        trackingNumber: 'T1',
        lines: [],
      }),
    );
    expect(err).toMatchObject({ code: 'shopify_user_error', retryable: false });
    expect(err.message).toContain('Url is invalid');
    expect(fake.state.orders.get(order.id)?.fulfillments).toEqual([]);
  });

  it('refuses a parcel with more units than are left, before writing', async () => {
    const { fake, connector } = setup();
    const order = fake.createOrder({ lines: [{ sku: 'GAN-M', quantity: 1 }] });
    const err = await rejection(
      connector.confirmShipment({
        externalOrderId: order.id,
        carrierCode: 'X',
        carrierName: 'X',
        carrierUrl: null,
        trackingNumber: 'T2',
        lines: [{ externalLineId: order.lineItems[0]!.id, quantity: 2 }],
      }),
    );
    expect(err).toMatchObject({ code: 'shopify_nothing_to_fulfil', retryable: false });
    expect(fake.calls.some((c) => c.rootFields[0] === 'fulfillmentCreate')).toBe(false);
  });

  it('tests the connection; a wrong token is reported without the token', async () => {
    expect(await setup().connector.testConnection()).toEqual({
      ok: true,
      message: 'Connected to Shopify shop "Jardin Demo" (jardin-demo.myshopify.com)',
    });
    expect(await setup({ accessToken: 'shpat_bad_9f8e' }).connector.testConnection()).toEqual({
      ok: false,
      message: 'Shopify rejected the access token',
    });
    const err = await rejection(
      setup({ accessToken: 'shpat_bad_9f8e' }).connector.readShipmentState('gid://shopify/Order/1'),
    );
    expect(err).toMatchObject({ status: 401, retryable: false });
    expect(err.message).not.toContain('shpat_bad_9f8e');
  });
});
