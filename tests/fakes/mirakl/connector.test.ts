import { describe, expect, it } from 'vitest';
import type { RetryNotice, RetryReporter } from '../../../api/channels/call-log.js';
import type { PulledOrder } from '../../../api/channels/canonical.js';
import { type ChannelConnector, ChannelError, type PullPage } from '../../../api/channels/connector.js';
import type { FetchLike } from '../../../api/channels/http.js';
import { createMiraklConnector } from '../../../api/channels/mirakl/connector.js';
import { createMiraklSimulator, type MiraklSimulator } from './simulator.js';
import { validateRequestBody } from './spec.js';

const KEY = 'test-key';

function setup(
  opts: {
    clock?: () => Date;
    autoAdvance?: boolean;
    apiKey?: string;
    timeoutMs?: number;
    pageSize?: number;
    /** When a pull starts; by default an hour ahead, so the simulator's auto-advancing clock stays before it. */
    now?: () => Date;
    onRetry?: RetryReporter;
    /** Stands between the connector and the simulator (to replay a request, say). */
    network?: (send: FetchLike) => FetchLike;
  } = {},
) {
  const sim = createMiraklSimulator({
    apiKey: KEY,
    seed: 3,
    autoAdvance: opts.autoAdvance ?? true,
    clock: opts.clock,
  });
  // The Hono app stands in for the network: same Request/Response objects, no socket.
  const direct: FetchLike = async (input, init) => sim.app.request(input, init);
  const connector = createMiraklConnector({
    baseUrl: 'https://mirakl.test/',
    apiKey: opts.apiKey ?? KEY,
    shopId: 2001,
    // These tests classify single failures: no retry in place (covered in api/channels/rate-limit.test.ts).
    retry: { readRetries: 0, maxInlineWaitMs: 0 },
    fetch: opts.network ? opts.network(direct) : direct,
    timeoutMs: opts.timeoutMs,
    pageSize: opts.pageSize,
    now: opts.now ?? (() => new Date(Date.now() + 3_600_000)),
    onRetry: opts.onRetry,
  });
  return { sim, connector };
}

async function pullAll(connector: ChannelConnector, cursor: string | null) {
  const pages: PullPage[] = [];
  let pageToken: string | null = null;
  do {
    const page: PullPage = await connector.pullOrders({ cursor, pageToken });
    pages.push(page);
    pageToken = page.pageToken;
  } while (pageToken);
  return { pages, orders: pages.flatMap((p) => p.orders), nextCursor: pages.at(-1)?.nextCursor ?? null };
}

const ids = (orders: PulledOrder[]) => orders.map((o) => o.externalId);

async function rejection(promise: Promise<unknown>): Promise<ChannelError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChannelError);
  return err as ChannelError;
}

function acceptAll(sim: MiraklSimulator, connector: ChannelConnector, orderId: string) {
  const order = sim.state.orders.get(orderId);
  if (!order) throw new Error(`no order ${orderId}`);
  return connector.acceptLines(
    orderId,
    order.order_lines.map((l) => ({ externalLineId: l.order_line_id, accepted: true })),
  );
}

describe('Mirakl connector against the simulator', () => {
  it('pulls 250 orders over 3 pages; the cursor moves only with the last page', async () => {
    const { sim, connector } = setup();
    const created = Array.from({ length: 250 }, () => sim.createOrder());
    const { pages, orders, nextCursor } = await pullAll(connector, null);
    expect(pages.map((p) => p.orders.length)).toEqual([100, 100, 50]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    expect(pages[0]?.nextCursor).toBeNull();
    expect(nextCursor).toBe(created.at(-1)?.last_updated_date);
    expect(orders.every((o) => o.ok)).toBe(true);
    expect(new Set(ids(orders)).size).toBe(250);
    const calls = sim.received.filter((c) => c.operationId === 'OR11');
    expect(calls.map((c) => c.query.offset)).toEqual(['0', '100', '200']);
    expect(calls[0]?.query).toMatchObject({
      max: '100',
      paginate: 'true',
      sort: 'dateCreated',
      shop_id: '2001',
    });
    expect(calls[0]?.query.start_update_date).toBeUndefined();
  });

  it('re-delivers orders at the cursor boundary (start_update_date is inclusive)', async () => {
    let now = new Date('2026-03-02T09:00:00Z');
    const { sim, connector } = setup({ clock: () => now, autoAdvance: false });
    const a = sim.createOrder();
    const b = sim.createOrder();
    const first = await pullAll(connector, null);
    expect(first.nextCursor).toBe('2026-03-02T09:00:00Z');
    now = new Date('2026-03-02T09:05:00Z');
    const c = sim.createOrder();
    const second = await pullAll(connector, first.nextCursor);
    expect(ids(second.orders)).toEqual([a.order_id, b.order_id, c.order_id]);
    expect(sim.received.at(-1)?.query.start_update_date).toBe('2026-03-02T09:00:00Z');
    expect(second.nextCursor).toBe('2026-03-02T09:05:00Z');
    const third = await pullAll(connector, second.nextCursor);
    expect(ids(third.orders)).toEqual([c.order_id]);
  });

  it('an order accepted while the pull pages through is read again by the next pull', async () => {
    let now = new Date('2026-03-02T09:00:00Z');
    const at = (minutes: number) => new Date(Date.parse('2026-03-02T09:00:00Z') + minutes * 60_000);
    const { sim, connector } = setup({ clock: () => now, autoAdvance: false, now: () => now, pageSize: 1 });
    const a = sim.createOrder();
    const b = sim.createOrder();
    now = at(1);
    const first = await connector.pullOrders({ cursor: null, pageToken: null });
    expect(ids(first.orders)).toEqual([a.order_id]);
    // Between the pages: we accept the order just read, then the next one.
    now = at(2);
    await acceptAll(sim, connector, a.order_id);
    now = at(3);
    await acceptAll(sim, connector, b.order_id);
    const second = await connector.pullOrders({ cursor: null, pageToken: first.pageToken });
    expect(ids(second.orders)).toEqual([b.order_id]);
    // b's acceptance is the greatest date seen; a cursor there would never show a accepted.
    expect(second.nextCursor).toBe('2026-03-02T09:01:00Z');
    const next = await pullAll(connector, second.nextCursor);
    expect(next.orders.find((o) => o.externalId === a.order_id)).toMatchObject({
      ok: true,
      order: { status: 'to_ship' },
    });
  });

  it('parks malformed orders with a reason while the rest of the page maps', async () => {
    const { sim, connector } = setup();
    sim.createOrder();
    const noSku = sim.buildOrder();
    delete noSku.order_lines[0]?.offer_sku;
    sim.addRawOrder(noSku);
    const negative = sim.buildOrder();
    if (negative.order_lines[0]) negative.order_lines[0].quantity = -1;
    sim.addRawOrder(negative);
    sim.addRawOrder(sim.buildOrder({ patch: { total_price: 'douze euros' } }));
    // An unknown SKU is valid Mirakl: the connector maps it and ingest decides what to do with it.
    const unknownSku = sim.buildOrder();
    if (unknownSku.order_lines[0]) unknownSku.order_lines[0].offer_sku = 'NOT-IN-CATALOGUE';
    sim.addRawOrder(unknownSku);
    sim.createOrder();

    const { orders } = await pullAll(connector, null);
    expect(orders.map((o) => o.ok)).toEqual([true, false, false, false, true, true]);
    const reasons = orders.flatMap((o) => (o.ok ? [] : [o.reason]));
    expect(reasons[0]).toBe('order_lines[0].offer_sku is missing');
    expect(reasons[1]).toBe('order_lines[0].quantity must be a positive integer (got -1)');
    expect(reasons[2]).toContain('total_price');
    expect(orders[1]).toMatchObject({ externalId: noSku.order_id, raw: expect.any(Object) });
  });

  it('sends OR21, OR23 and OR24 bodies the official spec accepts, then reads the shipment back', async () => {
    const { sim, connector } = setup();
    const order = sim.createOrder();
    await acceptAll(sim, connector, order.order_id);
    expect(sim.state.orders.get(order.order_id)?.order_state).toBe('SHIPPING');
    await connector.confirmShipment({
      externalOrderId: order.order_id,
      carrierCode: 'COLISSIMO',
      carrierName: 'Colissimo',
      carrierUrl: null,
      trackingNumber: '6A12345678901',
      lines: [],
    });
    const writes = sim.received.filter((c) => ['OR21', 'OR23', 'OR24'].includes(c.operationId));
    expect(writes.map((c) => [c.operationId, c.status])).toEqual([
      ['OR21', 204],
      ['OR23', 204],
      ['OR24', 204],
    ]);
    for (const call of writes)
      expect(validateRequestBody(call.operationId, call.body), call.operationId).toEqual([]);
    expect(await connector.readShipmentState(order.order_id)).toMatchObject({
      shipped: true,
      trackingNumber: '6A12345678901',
    });
    const pulled = await pullAll(connector, null);
    expect(pulled.orders[0]).toMatchObject({ ok: true, order: { status: 'shipped' } });
  });

  it('pushes stock as the STO01 CSV file the spec documents', async () => {
    const { sim, connector } = setup();
    await connector.pushStock([
      { sku: 'SEC-220', quantity: 118 },
      { sku: 'GAN-M', quantity: 0 },
    ]);
    const call = sim.received.find((c) => c.operationId === 'STO01');
    expect(call?.status).toBe(201);
    expect(validateRequestBody('STO01', call?.body)).toEqual([]);
    expect(sim.state.stock.get('SEC-220')).toBe(118);
    expect(sim.state.stock.get('GAN-M')).toBe(0);
  });

  it('tests the connection with A01', async () => {
    expect(await setup().connector.testConnection()).toMatchObject({ ok: true });
    expect(await setup({ apiKey: 'wrong' }).connector.testConnection()).toEqual({
      ok: false,
      message: 'Mirakl rejected the API key',
    });
  });
});

describe('Mirakl connector error classification', () => {
  it('a wrong key is a non-retryable ChannelError', async () => {
    const { connector } = setup({ apiKey: 'wrong' });
    const err = await rejection(connector.pullOrders({ cursor: null, pageToken: null }));
    expect(err).toMatchObject({ status: 401, retryable: false, ambiguous: false });
    expect(err.message).not.toContain('wrong');
  });

  it('503 is retryable, and the next call succeeds', async () => {
    const { sim, connector } = setup();
    sim.createOrder();
    sim.failNext('OR11', { status: 503 });
    const err = await rejection(connector.pullOrders({ cursor: null, pageToken: null }));
    expect(err).toMatchObject({ status: 503, retryable: true });
    expect((await connector.pullOrders({ cursor: null, pageToken: null })).orders).toHaveLength(1);
  });

  it('a timeout on OR24 is ambiguous; reading back shows the ship went through', async () => {
    const { sim, connector } = setup({ timeoutMs: 250 });
    const order = sim.createOrder();
    await acceptAll(sim, connector, order.order_id);
    sim.delayNext('OR24', 700);
    const err = await rejection(
      connector.confirmShipment({
        externalOrderId: order.order_id,
        carrierCode: 'DPD',
        carrierName: 'DPD',
        carrierUrl: 'https://tracking.example/dpd',
        trackingNumber: '0987',
        lines: [],
      }),
    );
    expect(err).toMatchObject({ code: 'channel_timeout', retryable: true, ambiguous: true });
    expect(await connector.readShipmentState(order.order_id)).toMatchObject({
      shipped: false,
      trackingNumber: '0987',
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await connector.readShipmentState(order.order_id)).toMatchObject({
      shipped: true,
      trackingNumber: '0987',
    });
  });

  it('an acceptance that timed out after it was applied is read back, and the retry sends nothing', async () => {
    const { sim, connector } = setup({ timeoutMs: 250 });
    const order = sim.createOrder();
    sim.delayNext('OR21', 700);
    const err = await rejection(acceptAll(sim, connector, order.order_id));
    expect(err).toMatchObject({ code: 'channel_timeout', ambiguous: true });
    // The simulator applies the acceptance once its delay is over.
    for (let i = 0; i < 100 && sim.state.orders.get(order.order_id)?.order_state !== 'SHIPPING'; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sim.state.orders.get(order.order_id)?.order_state).toBe('SHIPPING');
    await acceptAll(sim, connector, order.order_id);
    expect(sim.received.filter((c) => c.operationId === 'OR21')).toHaveLength(1);
  });

  it('an acceptance refused because an earlier one landed meanwhile is done once read back', async () => {
    const notices: RetryNotice[] = [];
    let replayed = false;
    const { sim, connector } = setup({
      onRetry: (n) => notices.push(n),
      // The earlier attempt, still on its way when we read the order, arrives just before this one.
      network: (send) => async (input, init) => {
        if (!replayed && init.method === 'PUT' && new URL(input).pathname.endsWith('/accept')) {
          replayed = true;
          await send(input, init);
        }
        return send(input, init);
      },
    });
    const order = sim.createOrder();
    await acceptAll(sim, connector, order.order_id);
    expect(sim.received.filter((c) => c.operationId === 'OR21').map((c) => c.status)).toEqual([204, 400]);
    expect(sim.state.orders.get(order.order_id)?.order_state).toBe('SHIPPING');
    expect(notices).toEqual([
      {
        operation: `PUT /api/orders/${order.order_id}/accept`,
        reason: 'channel_rejected',
        status: 400,
        waitMs: 0,
        attempt: 1,
      },
    ]);
  });

  it('an acceptance refused while the order still waits is reported', async () => {
    const { sim, connector } = setup();
    const order = sim.createOrder();
    const err = await rejection(
      connector.acceptLines(order.order_id, [{ externalLineId: 'NOT-A-LINE', accepted: true }]),
    );
    expect(err).toMatchObject({ status: 400, retryable: false });
    expect(sim.state.orders.get(order.order_id)?.order_state).toBe('WAITING_ACCEPTANCE');
  });

  it('an unknown order read back is a non-retryable error', async () => {
    const err = await rejection(setup().connector.readShipmentState('NOPE-A'));
    expect(err).toMatchObject({ code: 'mirakl_order_not_found', retryable: false });
  });
});
