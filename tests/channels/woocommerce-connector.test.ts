import { describe, expect, it } from 'vitest';
import { ChannelError, type PullPage } from '../../api/channels/connector.js';
import type { FetchLike } from '../../api/channels/http.js';
import {
  createWooCommerceConnector,
  type WooCommerceConnectorOptions,
} from '../../api/channels/woocommerce/connector.js';
import { createWooFake, type WooFake, type WooFakeOptions } from '../fakes/woocommerce/fake.js';
import { validateBody } from '../fakes/woocommerce/spec.js';

const KEY = 'ck_test';
const SECRET = 'cs_test';

function setup(
  options: Partial<WooCommerceConnectorOptions> = {},
  fakeOptions: Partial<WooFakeOptions> = {},
) {
  const fake = createWooFake({ consumerKey: KEY, consumerSecret: SECRET, ...fakeOptions });
  const fetch: FetchLike = async (input, init) =>
    fake.app.request(input.replace('https://boutique.test', ''), init);
  const connector = createWooCommerceConnector({
    baseUrl: 'https://boutique.test/',
    consumerKey: KEY,
    consumerSecret: SECRET,
    fetch,
    // The pull's upper bound: far enough ahead that the fake's auto-advancing clock stays inside it.
    now: () => new Date(Date.now() + 3_600_000),
    // These tests classify single failures: no retry in place (covered in api/channels/rate-limit.test.ts).
    retry: { readRetries: 0, maxInlineWaitMs: 0 },
    ...options,
  });
  return { fake, connector };
}

async function pullAll(connector: ReturnType<typeof setup>['connector'], cursor: string | null) {
  const pages: PullPage[] = [];
  let pageToken: string | null = null;
  do {
    const page: PullPage = await connector.pullOrders({ cursor, pageToken });
    pages.push(page);
    pageToken = page.pageToken;
  } while (pageToken);
  return { pages, orders: pages.flatMap((p) => p.orders), nextCursor: pages.at(-1)?.nextCursor ?? null };
}

function expectEveryCallValid(fake: WooFake) {
  expect(fake.calls.length).toBeGreaterThan(0);
  for (const call of fake.calls) expect(call.validationErrors, `${call.method} ${call.path}`).toEqual([]);
}

async function rejection(promise: Promise<unknown>): Promise<ChannelError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChannelError);
  return err as ChannelError;
}

describe('WooCommerce spec validation', () => {
  it('refuses what the specs do not document (so the checks below mean something)', () => {
    expect(validateBody('createOrderNote', { note: 'x', is_customer_note: true })).toEqual([
      'body must NOT have additional properties (is_customer_note)',
    ]);
    expect(validateBody('batchProducts', { update: [{ id: '7', stock_quantity: 1 }] })).toEqual([
      'body/update/0/id must be integer',
    ]);
  });
});

describe('WooCommerce connector against the fake', () => {
  it('pulls, ships one order in two parcels, cancels a line of another, pushes stock', async () => {
    const { fake, connector } = setup({ pageSize: 2 });
    const two = fake.createOrder({
      lines: [
        { sku: 'ARR-1050', quantity: 1 },
        { sku: 'GAN-M', quantity: 2 },
      ],
    });
    const other = fake.createOrder({
      lines: [
        { sku: 'SEC-220', quantity: 2 },
        { sku: 'POT-30T', quantity: 1 },
      ],
    });
    fake.createOrder({ lines: [{ sku: 'TER-40' }] });

    const first = await pullAll(connector, null);
    expect(first.pages.map((p) => p.orders.length)).toEqual([2, 1]);
    const pulled = first.orders[0];
    if (!pulled?.ok) throw new Error('first order did not map');
    expect(pulled.order).toMatchObject({
      externalId: String(two.id),
      status: 'to_ship',
      totalMinor: 2990 + 2 * 990 + 590,
      shippingMinor: 590,
      shippingAddress: { name: 'Hugo Moreau', countryCode: 'FR', postalCode: '59000' },
      lines: [
        { sku: 'ARR-1050', quantity: 1, unitPriceMinor: 2990 },
        { sku: 'GAN-M', quantity: 2, unitPriceMinor: 990 },
      ],
    });

    const [arrosoir, gants] = two.line_items;
    const ship = (trackingNumber: string, line: { id: number; quantity: number }) =>
      connector.confirmShipment({
        externalOrderId: String(two.id),
        carrierCode: 'COLISSIMO',
        carrierName: 'Colissimo',
        carrierUrl: `https://www.laposte.fr/outils/suivre-vos-envois?code=${trackingNumber}`,
        trackingNumber,
        lines: [{ externalLineId: String(line.id), quantity: line.quantity }],
      });
    await ship('6A20000000001', { id: arrosoir!.id, quantity: 1 });
    expect(fake.state.orders.get(two.id)?.status).toBe('processing');
    await ship('6A20000000002', { id: gants!.id, quantity: 2 });

    const potsBefore = fake.stock('POT-30T');
    await connector.cancelLines(String(other.id), [
      { externalLineId: String(other.line_items[1]!.id), quantity: 1 },
    ]);

    await connector.pushStock([
      { sku: 'ARR-1050', quantity: 39 },
      { sku: 'GAN-M', quantity: 198 },
      { sku: 'SEC-220', quantity: 120 },
    ]);

    // The fake's final state.
    expect(fake.state.orders.get(two.id)?.status).toBe('completed');
    const notes = fake.state.notes.get(two.id) ?? [];
    expect(notes.map((n) => n.customer_note)).toEqual([true, true]);
    expect(notes[0]?.note).toContain('Colissimo, tracking number 6A20000000001');
    expect(notes[1]?.note).toContain('https://www.laposte.fr/outils/suivre-vos-envois?code=6A20000000002');
    expect(await connector.readTrackingNumbers(String(two.id))).toEqual(['6A20000000001', '6A20000000002']);
    const refunds = fake.state.refunds.get(other.id) ?? [];
    expect(refunds.map((r) => [r.amount, r.refunded_payment, r.line_items.map((l) => l.quantity)])).toEqual([
      ['24.90', false, [-1]],
    ]);
    expect(fake.stock('POT-30T')).toBe((potsBefore ?? 0) + 1);
    expect([fake.stock('ARR-1050'), fake.stock('GAN-M'), fake.stock('SEC-220')]).toEqual([39, 198, 120]);
    const writes = fake.calls.filter((c) => c.operationId.startsWith('batch'));
    expect(writes.map((c) => [c.operationId, c.body])).toEqual([
      ['batchProducts', { update: [{ id: expect.any(Number), stock_quantity: 39, manage_stock: true }] }],
      [
        'batchProductVariations',
        { update: [{ id: expect.any(Number), stock_quantity: 198, manage_stock: true }] },
      ],
    ]);

    const second = await pullAll(connector, first.nextCursor);
    const byId = new Map(second.orders.map((o) => [o.externalId, o]));
    expect(byId.get(String(two.id))).toMatchObject({
      ok: true,
      order: { status: 'shipped', channelStatus: 'completed' },
    });
    expect(byId.has(String(other.id))).toBe(true);
    expectEveryCallValid(fake);
  });

  it('a parcel note that timed out after it was written is read back, and the retry adds nothing', async () => {
    const { fake, connector } = setup({ timeoutMs: 300 });
    const order = fake.createOrder({ lines: [{ sku: 'GAN-L', quantity: 1 }] });
    const confirmation = {
      externalOrderId: String(order.id),
      carrierCode: 'DPD',
      carrierName: 'DPD',
      carrierUrl: null,
      trackingNumber: '09980000001',
      lines: [],
    };
    fake.stallNext('createOrderNote', 600, { afterApply: true });
    const err = await rejection(connector.confirmShipment(confirmation));
    expect(err).toMatchObject({ code: 'channel_timeout', ambiguous: true });
    expect(await connector.readShipmentState(String(order.id))).toEqual({
      shipped: true,
      trackingNumber: '09980000001',
    });
    await connector.confirmShipment(confirmation);
    expect(fake.state.notes.get(order.id)).toHaveLength(1);
    expect(fake.state.orders.get(order.id)?.status).toBe('completed');
    expectEveryCallValid(fake);
  });

  it('re-delivers orders changed at the store and at the cursor second', async () => {
    const { fake, connector } = setup();
    const a = fake.createOrder();
    const b = fake.createOrder();
    const first = await pullAll(connector, null);
    expect(first.nextCursor).toBe(`${b.date_modified_gmt}.000Z`);
    fake.touchOrder(a.id, { customer_note: 'Sonner deux fois' });
    const second = await pullAll(connector, first.nextCursor);
    expect(second.orders.map((o) => o.externalId)).toEqual([String(b.id), String(a.id)]);
    expect(fake.calls.at(-1)?.query).toMatchObject({
      orderby: 'modified',
      order: 'asc',
      dates_are_gmt: 'true',
    });
    expectEveryCallValid(fake);
  });

  it('an order shipped while the pull pages through does not push a later one off the pages', async () => {
    const { fake, connector } = setup({ pageSize: 2 });
    const made = Array.from({ length: 5 }, () =>
      fake.createOrder({ lines: [{ sku: 'GAN-M', quantity: 1 }] }),
    );
    const first = await connector.pullOrders({ cursor: null, pageToken: null });
    // Our shipment of the first order completes it: it moves to the end of the modification order, and
    // offset paging would now answer orders 4 and 5 as page 2 and never show order 3.
    await connector.confirmShipment({
      externalOrderId: String(made[0]!.id),
      carrierCode: 'COLISSIMO',
      carrierName: 'Colissimo',
      carrierUrl: null,
      trackingNumber: '6A20000000009',
      lines: [],
    });
    expect(fake.state.orders.get(made[0]!.id)?.status).toBe('completed');
    const seen = first.orders.map((o) => o.externalId);
    let pageToken = first.pageToken;
    while (pageToken) {
      const page = await connector.pullOrders({ cursor: null, pageToken });
      seen.push(...page.orders.map((o) => o.externalId));
      pageToken = page.pageToken;
    }
    for (const order of made) expect(seen).toContain(String(order.id));
    // None twice, but the shipped order, which changed and is rightly handed over again.
    const others = seen.filter((id) => id !== String(made[0]!.id));
    expect(new Set(others).size).toBe(others.length);
    const pulls = fake.calls.filter((c) => c.operationId === 'listAllOrders');
    expect(pulls.slice(1).every((c) => c.query.page === '1' && c.query.exclude !== undefined)).toBe(true);
    expectEveryCallValid(fake);
  });

  it('hands over every order once when many share one modification second', async () => {
    const at = new Date('2026-03-02T09:00:00Z');
    const { fake, connector } = setup({ pageSize: 100 }, { clock: () => at, autoAdvance: false });
    const made = Array.from({ length: 305 }, () => fake.createOrder());
    const { orders } = await pullAll(connector, null);
    const ids = orders.map((o) => o.externalId);
    expect(ids.sort()).toEqual(made.map((o) => String(o.id)).sort());
    const pulls = fake.calls.filter((c) => c.operationId === 'listAllOrders');
    // Keyset pages while the ids excluded stay few; past that, the one second is paged by index.
    expect(pulls.map((c) => [c.query.page, c.query.exclude?.split(',').length ?? 0])).toEqual([
      ['1', 0],
      ['1', 100],
      ['1', 200],
      ['2', 200],
    ]);
    expectEveryCallValid(fake);
  });

  it('parks malformed orders with the field named; unpaid and cancelled orders map to states that do not ship', async () => {
    const { fake, connector } = setup();
    fake.createOrder({ status: 'pending' });
    const noSku = fake.createOrder();
    noSku.line_items[0]!.sku = null;
    fake.createOrder({ patch: { total: 'douze' } });
    fake.createOrder({ status: 'cancelled' });
    const { orders } = await pullAll(connector, null);
    expect(orders.map((o) => (o.ok ? o.order.status : o.reason))).toEqual([
      'awaiting_payment',
      'line_items[0].sku is missing',
      'total is not a valid amount: "douze" is not a decimal amount',
      'cancelled',
    ]);
  });

  it('reports unknown SKUs after pushing the others; an unchanged quantity is not written', async () => {
    const { fake, connector } = setup();
    const err = await rejection(
      connector.pushStock([
        { sku: 'TER-40', quantity: 60 },
        { sku: 'NOPE', quantity: 1 },
      ]),
    );
    expect(err).toMatchObject({ code: 'woocommerce_unknown_sku', retryable: false });
    expect(fake.calls.some((c) => c.operationId === 'batchProducts')).toBe(false);
    expectEveryCallValid(fake);
  });
});

describe('WooCommerce errors', () => {
  it('429 with Retry-After is retryable, 500 on a write is ambiguous, a wrong key is final', async () => {
    const { fake, connector } = setup();
    const order = fake.createOrder();
    fake.failNext('listAllOrders', { status: 429, retryAfter: 5 });
    expect(await rejection(connector.pullOrders({ cursor: null, pageToken: null }))).toMatchObject({
      status: 429,
      retryable: true,
    });
    fake.failNext('createOrderNote', { status: 500 });
    const err = await rejection(
      connector.confirmShipment({
        externalOrderId: String(order.id),
        carrierCode: 'X',
        carrierName: 'X',
        carrierUrl: null,
        trackingNumber: 'T',
        lines: [],
      }),
    );
    expect(err).toMatchObject({ status: 500, retryable: true, ambiguous: true });
    const bad = setup({ consumerSecret: 'cs_wrong_5e1' });
    const denied = await rejection(bad.connector.pullOrders({ cursor: null, pageToken: null }));
    expect(denied).toMatchObject({ status: 401, retryable: false });
    expect(denied.message).not.toContain('cs_wrong_5e1');
    expect(await bad.connector.testConnection()).toEqual({
      ok: false,
      message: 'WooCommerce rejected the consumer key or secret',
    });
    expect(await connector.testConnection()).toEqual({
      ok: true,
      message: 'Connected to the WooCommerce REST API (orders readable)',
    });
  });

  it('refuses a plain-HTTP store before sending the secret', async () => {
    const { fake, connector } = setup({ baseUrl: 'http://boutique.test' });
    expect(await rejection(connector.pullOrders({ cursor: null, pageToken: null }))).toMatchObject({
      code: 'woocommerce_insecure_url',
      retryable: false,
    });
    expect(fake.calls).toEqual([]);
  });

  it('refuses to cancel more units than are left, before writing', async () => {
    const { fake, connector } = setup();
    const order = fake.createOrder({ lines: [{ sku: 'SEC-220', quantity: 1 }] });
    const err = await rejection(
      connector.cancelLines(String(order.id), [
        { externalLineId: String(order.line_items[0]!.id), quantity: 2 },
      ]),
    );
    expect(err).toMatchObject({ code: 'woocommerce_line_quantity', retryable: false });
    expect(fake.calls.some((c) => c.operationId === 'createOrderRefund')).toBe(false);
  });
});
