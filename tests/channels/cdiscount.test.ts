import { describe, expect, it } from 'vitest';
import {
  type CdiscountConnectorOptions,
  createCdiscountConnector,
} from '../../api/channels/cdiscount/connector.js';
import { ChannelError, type PullPage } from '../../api/channels/connector.js';
import type { FetchLike } from '../../api/channels/http.js';
import { type CdiscountFake, createCdiscountFake } from '../fakes/cdiscount/fake.js';
import { validateBody } from '../fakes/cdiscount/schemas.js';

const CREDS = { clientId: 'shipdesk-client', clientSecret: 's3cret-octopia', sellerId: '98979' };

function setup(options: Partial<CdiscountConnectorOptions> = {}) {
  const fake = createCdiscountFake(CREDS);
  const fetch: FetchLike = async (input, init) =>
    fake.app.request(input.replace(/^https:\/\/(api|auth)\.octopia\.test/, ''), init);
  const connector = createCdiscountConnector({
    apiBase: 'https://api.octopia.test/seller/v2',
    authBase: 'https://auth.octopia.test',
    ...CREDS,
    fetch,
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

function expectEveryCallValid(fake: CdiscountFake) {
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

const ship = (orderId: string, trackingNumber: string, lineIds: string[]) => ({
  externalOrderId: orderId,
  carrierCode: 'COLISSIMO',
  carrierName: 'Colissimo',
  carrierUrl: `https://www.laposte.fr/outils/suivre-vos-envois?code=${trackingNumber}`,
  trackingNumber,
  lines: lineIds.map((externalLineId) => ({ externalLineId, quantity: 1 })),
});

describe('Cdiscount request validation', () => {
  it('refuses what the documentation does not describe (so the checks below mean something)', () => {
    expect(
      validateBody('postShipments', [{ parcelNumber: '6A 1', carrierName: 'X', orderLineIds: ['L1'] }]),
    ).toEqual(['body/0/parcelNumber must not contain spaces, &, * or $']);
    expect(validateBody('postApprovalStatus', { approval_status: 'Accepted', lines: [] })[0]).toContain(
      'Unrecognized key',
    );
  });
});

describe('Cdiscount connector against the fake', () => {
  it('pulls, accepts, ships one order in two parcels, cancels a line of another, refuses a third, pushes stock', async () => {
    const { fake, connector } = setup({ pageSize: 2 });
    const two = fake.createOrder({ lines: [{ sku: 'ARR-1050' }, { sku: 'GAN-M', quantity: 2 }] });
    const other = fake.createOrder({ lines: [{ sku: 'SEC-220' }, { sku: 'POT-30T' }] });
    const refused = fake.createOrder({ lines: [{ sku: 'TER-40' }] });

    const first = await pullAll(connector, null);
    // Keyset paging: the second page starts at the last instant seen and skips what was handed over.
    expect(first.pages.map((p) => p.orders.length)).toEqual([2, 1, 0]);
    const pulled = first.orders[0];
    if (!pulled?.ok) throw new Error('first order did not map');
    expect(pulled.order).toMatchObject({
      externalId: two.orderId,
      status: 'awaiting_acceptance',
      currency: 'EUR',
      totalMinor: 2990 + 2 * 990 + 499,
      shippingMinor: 499,
      shippingAddress: { name: 'Camille Lefèvre', postalCode: '33000', countryCode: 'FR' },
      lines: [
        { sku: 'ARR-1050', quantity: 1, unitPriceMinor: 2990, shippingPriceMinor: 499 },
        { sku: 'GAN-M', quantity: 2, unitPriceMinor: 990 },
      ],
    });

    const accept = (o: typeof two, accepted: boolean) =>
      connector.acceptLines(
        o.orderId,
        o.lines.map((l) => ({ externalLineId: l.lineId, accepted })),
      );
    await accept(two, true);
    await accept(other, true);
    await accept(refused, false);
    // Accepting again (a retried job) writes nothing: the order is no longer waiting.
    await accept(two, true);
    expect(fake.calls.filter((c) => c.operationId === 'postApprovalStatus')).toHaveLength(3);

    const [arrosoir, gants] = two.lines;
    await connector.confirmShipment(ship(two.orderId, '6A20000000001', [arrosoir!.lineId]));
    expect(fake.state.orders.get(two.orderId)?.status).toBe('InPreparation');
    await connector.confirmShipment(ship(two.orderId, '6A20000000002', [gants!.lineId]));

    await connector.cancelLines(other.orderId, [
      { externalLineId: other.lines[1]!.lineId, quantity: 1, reason: 'out_of_stock' },
    ]);
    await connector.pushStock([
      { sku: 'ARR-1050', quantity: 39 },
      { sku: 'GAN-M', quantity: 198 },
    ]);

    // The fake's final state.
    const shipped = fake.state.orders.get(two.orderId)!;
    expect(shipped.status).toBe('Shipped');
    expect(shipped.shipments.map((p) => [p.parcelNumber, p.carrierName, p.orderLineIds])).toEqual([
      ['6A20000000001', 'Colissimo', [arrosoir!.lineId]],
      ['6A20000000002', 'Colissimo', [gants!.lineId]],
    ]);
    expect(shipped.shipments[1]?.trackingUrl).toBe(
      'https://www.laposte.fr/outils/suivre-vos-envois?code=6A20000000002',
    );
    const partly = fake.state.orders.get(other.orderId)!;
    expect([partly.status, partly.lines.map((l) => l.status)]).toEqual([
      'InPreparation',
      ['InPreparation', 'Cancelled'],
    ]);
    expect(
      fake.state.cancellations.map((r) => [
        r.orderSellerId,
        r.lines.map((l) => [l.lineId, l.offerId, l.reason]),
      ]),
    ).toEqual([[other.orderId, [[other.lines[1]!.lineId, 'OF-POT-30T', 'ProductUnavailable']]]]);
    expect(fake.state.orders.get(refused.orderId)?.status).toBe('Refused');
    expect([fake.state.stock.get('ARR-1050'), fake.state.stock.get('GAN-M')]).toEqual([39, 198]);
    expect([...fake.state.packages.values()].map((p) => [p.packageType, p.salesChannelId, p.state])).toEqual([
      ['Update', 'CDISFR', 'Integrated'],
    ]);
    expect(await connector.readShipmentState(two.orderId)).toMatchObject({
      shipped: true,
      trackingNumbers: ['6A20000000001', '6A20000000002'],
      lines: [
        { externalLineId: arrosoir!.lineId, quantityShipped: 1 },
        { externalLineId: gants!.lineId, quantityShipped: 2 },
      ],
    });

    const second = await pullAll(connector, first.nextCursor);
    const byId = new Map(second.orders.map((o) => [o.externalId, o]));
    expect(byId.get(two.orderId)).toMatchObject({ ok: true, order: { status: 'shipped' } });
    expect(byId.get(other.orderId)).toMatchObject({ ok: true, order: { status: 'to_ship' } });
    expect(byId.get(refused.orderId)).toMatchObject({ ok: true, order: { status: 'refused' } });
    // One token served every call.
    expect(fake.calls.filter((c) => c.operationId === 'token')).toHaveLength(1);
    expectEveryCallValid(fake);
  });

  it('an order updated while the pull pages through does not push a later one off the pages', async () => {
    const { fake, connector } = setup({ pageSize: 2 });
    const made = Array.from({ length: 5 }, (_, i) =>
      fake.createOrder({ lines: [{ sku: i % 2 ? 'GAN-M' : 'TER-40' }] }),
    );
    const first = await connector.pullOrders({ cursor: null, pageToken: null });
    // Our acceptance of the first order moves it to the end of the window (offset paging would now
    // return orders 4 and 5 as page 2 and never show order 3).
    await connector.acceptLines(
      made[0]!.orderId,
      made[0]!.lines.map((l) => ({ externalLineId: l.lineId, accepted: true })),
    );
    const seen = first.orders.map((o) => o.externalId);
    let pageToken = first.pageToken;
    while (pageToken) {
      const page = await connector.pullOrders({ cursor: null, pageToken });
      seen.push(...page.orders.map((o) => o.externalId));
      pageToken = page.pageToken;
    }
    for (const order of made.slice(1)) expect(seen).toContain(order.orderId);
    // None twice, but the accepted order, which changed and is rightly handed over again.
    const others = seen.filter((id) => id !== made[0]!.orderId);
    expect(new Set(others).size).toBe(others.length);
    expectEveryCallValid(fake);
  });

  it('a parcel declared by a write that timed out is read back, and the retry declares nothing new', async () => {
    const { fake, connector } = setup({ timeoutMs: 300 });
    const order = fake.createOrder({ lines: [{ sku: 'GAN-L' }] });
    await connector.acceptLines(order.orderId, [{ externalLineId: order.lines[0]!.lineId, accepted: true }]);
    const confirmation = ship(order.orderId, '09980000001', []);
    fake.stallNext('postShipments', 600, { afterApply: true });
    const err = await rejection(connector.confirmShipment(confirmation));
    expect(err).toMatchObject({ code: 'channel_timeout', ambiguous: true });
    const state = await connector.readShipmentState(order.orderId);
    expect(state).toMatchObject({
      shipped: true,
      trackingNumber: '09980000001',
      trackingNumbers: ['09980000001'],
    });
    await connector.confirmShipment(confirmation);
    await connector.confirmShipment(confirmation);
    expect(fake.calls.filter((c) => c.operationId === 'postShipments')).toHaveLength(1);
    expect(fake.state.orders.get(order.orderId)?.shipments).toHaveLength(1);
    expectEveryCallValid(fake);
  });

  it('a partial refusal accepts the order and cancels the refused lines', async () => {
    const { fake, connector } = setup();
    const order = fake.createOrder({ lines: [{ sku: 'SEC-220' }, { sku: 'LAM-SOL' }] });
    await connector.acceptLines(order.orderId, [
      { externalLineId: order.lines[0]!.lineId, accepted: true },
      { externalLineId: order.lines[1]!.lineId, accepted: false },
    ]);
    const after = fake.state.orders.get(order.orderId)!;
    expect([after.status, after.lines.map((l) => l.status)]).toEqual([
      'InPreparation',
      ['InPreparation', 'Cancelled'],
    ]);
    expectEveryCallValid(fake);
  });

  it('parks malformed orders with the field named', async () => {
    const { fake, connector } = setup();
    const noSku = fake.createOrder();
    (noSku.lines[0]!.offer as Record<string, unknown>).sellerExternalReference = undefined;
    const badTotal = fake.createOrder();
    badTotal.totalPrice = 'douze' as unknown as number;
    fake.createOrder({ status: 'Processing' });
    const { orders } = await pullAll(connector, null);
    expect(orders.map((o) => (o.ok ? o.order.status : o.reason))).toEqual([
      'lines[0].offer.sellerExternalReference is missing',
      'totalPrice is not a valid amount: "douze" is not a decimal amount',
      'awaiting_payment',
    ]);
  });

  it('refuses to cancel part of a line before writing; a repeated cancellation writes nothing', async () => {
    const { fake, connector } = setup();
    const order = fake.createOrder({ lines: [{ sku: 'GAN-M', quantity: 3 }] });
    await connector.acceptLines(order.orderId, [{ externalLineId: order.lines[0]!.lineId, accepted: true }]);
    const lineId = order.lines[0]!.lineId;
    expect(
      await rejection(
        connector.cancelLines(order.orderId, [{ externalLineId: lineId, quantity: 1, reason: 'other' }]),
      ),
    ).toMatchObject({ code: 'cdiscount_line_quantity', retryable: false });
    expect(fake.calls.some((c) => c.operationId === 'createPartialCancellationRequest')).toBe(false);
    await connector.cancelLines(order.orderId, [
      { externalLineId: lineId, quantity: 3, reason: 'buyer_request' },
    ]);
    await connector.cancelLines(order.orderId, [
      { externalLineId: lineId, quantity: 3, reason: 'buyer_request' },
    ]);
    expect(fake.state.cancellations).toHaveLength(1);
    expect(fake.state.orders.get(order.orderId)?.status).toBe('Cancelled');
  });
});

describe('Cdiscount errors and auth', () => {
  it('renews a revoked token once; 429 is retryable, 500 on a write ambiguous, wrong credentials final', async () => {
    const { fake, connector } = setup();
    const order = fake.createOrder();
    await connector.pullOrders({ cursor: null, pageToken: null });
    fake.revokeTokens();
    await connector.pullOrders({ cursor: null, pageToken: null });
    expect(fake.calls.filter((c) => c.operationId === 'token')).toHaveLength(2);

    fake.failNext('getOrders', { status: 429, retryAfter: 5 });
    expect(await rejection(connector.pullOrders({ cursor: null, pageToken: null }))).toMatchObject({
      status: 429,
      retryable: true,
    });
    fake.failNext('postApprovalStatus', { status: 500 });
    expect(
      await rejection(
        connector.acceptLines(order.orderId, [{ externalLineId: order.lines[0]!.lineId, accepted: true }]),
      ),
    ).toMatchObject({ status: 500, retryable: true, ambiguous: true });

    const bad = setup({ clientSecret: 'wrong-5e1' });
    const denied = await rejection(bad.connector.pullOrders({ cursor: null, pageToken: null }));
    expect(denied).toMatchObject({ status: 401, retryable: false });
    expect(denied.message).not.toContain('wrong-5e1');
    expect(await bad.connector.testConnection()).toMatchObject({ ok: false });
    expect(await connector.testConnection()).toEqual({
      ok: true,
      message: 'Connected to Octopia seller "Jardin Malin"',
    });
    const otherSeller = setup({ sellerId: '11111' });
    expect(
      await rejection(otherSeller.connector.pullOrders({ cursor: null, pageToken: null })),
    ).toMatchObject({
      status: 403,
    });
  });
});
