import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnNoticePage } from '../../api/channels/connector.js';
import type { FetchLike } from '../../api/channels/http.js';
import { createMiraklConnector } from '../../api/channels/mirakl/connector.js';
import { queues } from '../../api/jobs/queues.js';
import { pullChannelReturns } from '../../api/services/returns/pull-channel-returns.js';
import {
  channelReturnCursors,
  channelReturnNotices,
  events,
  orderLines,
  returns,
  shipments,
} from '../../db/schema/index.js';
import { driveToLabel, pullUntilImported } from '../e2e/drive-order.js';
import type { SimReturn } from '../fakes/mirakl/returns.js';
import { createMiraklSimulator, type MiraklSimulator } from '../fakes/mirakl/simulator.js';
import { validateQuery, validateResponse } from '../fakes/mirakl/spec.js';
import { signIn, simulatorKey, startTestSystem, type TestSystem, waitFor } from '../support/system.js';

async function body<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Every RT11 call the simulator received: a declared parameter each, answered 200 with a valid body. */
async function expectSpecCompliantReads(sim: MiraklSimulator, apiKey: string) {
  const calls = sim.received.filter((c) => c.operationId === 'RT11');
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) {
    expect(validateQuery('RT11', call.query), JSON.stringify(call.query)).toEqual([]);
    expect(call.status).toBe(200);
  }
  // The answers, asked again the same way (first pages: a seek token is only good for its own read).
  for (const call of calls.filter((c) => !c.query.page_token).slice(-2)) {
    const res = await sim.app.request(`/api/returns?${new URLSearchParams(call.query)}`, {
      headers: { authorization: apiKey },
    });
    expect(validateResponse('RT11', 200, await res.json())).toEqual([]);
  }
}

describe('Mirakl RT11 through the connector', () => {
  const key = 'rt11-key';
  function setup(pageSize: number) {
    const sim = createMiraklSimulator({ apiKey: key, seed: 5, autoAdvance: true });
    const fetch: FetchLike = async (input, init) => sim.app.request(input, init);
    const connector = createMiraklConnector({
      baseUrl: 'https://mirakl.test/',
      apiKey: key,
      shopId: 2001,
      retry: { readRetries: 0, maxInlineWaitMs: 0 },
      fetch,
      pageSize,
      // The simulator's clock runs ahead by a second per stamp: the read starts after all of them.
      now: () => new Date(Date.now() + 3_600_000),
    });
    const shipped = () => sim.createOrder({ patch: { order_state: 'SHIPPED' } });
    return { sim, connector, shipped };
  }

  async function readAll(
    connector: ReturnType<typeof setup>['connector'],
    cursor: string | null,
  ): Promise<ReturnNoticePage[]> {
    const pages: ReturnNoticePage[] = [];
    let pageToken: string | null = null;
    do {
      const page: ReturnNoticePage = await connector.listReturns!({ cursor, pageToken });
      pages.push(page);
      pageToken = page.pageToken;
    } while (pageToken);
    return pages;
  }

  it('pages by seek token, maps each return, and moves the cursor with the last page only', async () => {
    const { sim, connector, shipped } = setup(2);
    const made = Array.from({ length: 5 }, () => sim.createReturn(shipped().order_id));
    const pages = await readAll(connector, null);
    expect(pages.map((p) => p.notices.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.nextCursor)).toEqual([null, null, made.at(-1)!.last_updated]);
    const notices = pages.flatMap((p) => p.notices);
    expect(notices.every((n) => n.ok)).toBe(true);
    const first = notices[0]!;
    if (!first.ok) throw new Error('unreachable');
    const order = sim.state.orders.get(made[0]!.order_id)!;
    expect(first.notice).toEqual({
      externalReturnId: made[0]!.id,
      externalOrderId: order.order_id,
      state: 'requested',
      channelState: 'WAITING_ACCEPTANCE',
      reason: 'RETURN_CHANGED_MIND',
      lines: order.order_lines.map((l) => ({
        externalLineId: l.order_line_id,
        quantity: Number(l.quantity),
        reason: 'RETURN_CHANGED_MIND',
      })),
      trackingNumber: null,
      createdAt: made[0]!.date_created,
      updatedAt: made[0]!.last_updated,
    });
    const calls = sim.received.filter((c) => c.operationId === 'RT11');
    expect(calls.map((c) => Object.keys(c.query).sort())).toEqual([
      ['limit', 'return_last_updated_from', 'shop_id'],
      ['limit', 'page_token', 'shop_id'],
      ['limit', 'page_token', 'shop_id'],
    ]);
    await expectSpecCompliantReads(sim, key);

    // From the cursor: the boundary return again (the filter is inclusive) and the one that moved on.
    sim.setReturnState(made[1]!.id, 'IN_PROGRESS');
    const again = (await readAll(connector, pages.at(-1)!.nextCursor)).flatMap((p) => p.notices);
    expect(again.map((n) => (n.ok ? [n.notice.externalReturnId, n.notice.state] : null))).toEqual([
      [made[1]!.id, 'accepted'],
      [made[4]!.id, 'requested'],
    ]);
  });

  it('reports a return it cannot read instead of failing the page', async () => {
    const { sim, connector, shipped } = setup(10);
    const good = sim.createReturn(shipped().order_id);
    sim.addRawReturn({ ...good, id: 'rt-bad-1', return_lines: [], state: 'WAITING_ACCEPTANCE' });
    sim.addRawReturn({ ...good, id: 'rt-bad-2', state: 'TELEPORTED' });
    const [page] = await readAll(connector, null);
    expect(page!.notices.map((n) => (n.ok ? 'ok' : `${n.externalReturnId}: ${n.reason}`))).toEqual([
      'ok',
      expect.stringMatching(/^rt-bad-1: malformed RT11 return: return_lines/),
      'rt-bad-2: unknown RT11 return state TELEPORTED',
    ]);
  });
});

/**
 * A buyer asks Mirakl to send back part of a shipped order: the read opens our return once, with the
 * announced lines and the reason, on the order's timeline; a notice for an order we do not know, or
 * one not shipped yet, is parked with its reason and the read goes on. The bench then finds the return
 * by the return label's number.
 */
describe('returns opened from the channel', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('opens a return once per channel return, parks the others, and the bench carries on', async () => {
    const { db } = t.system.deps;
    const admin = await signIn(t.app, t.admin);
    const simA = t.simulator.createOrder({
      lines: [
        { sku: 'SEC-220', quantity: 2 },
        { sku: 'GAN-M', quantity: 1 },
      ],
    });
    const idsA = await pullUntilImported(t, admin, [simA.order_id]);
    const orderA = idsA.get(simA.order_id)!;
    const label = await driveToLabel(t, admin, orderA);
    await body(await admin.post(`/api/shipments/${label.shipmentId}/ship`), 200);
    await waitFor(
      async () => {
        const [s] = await db.select().from(shipments).where(eq(shipments.id, label.shipmentId));
        return s?.channelPushStatus === 'confirmed';
      },
      60_000,
      'shipment confirmed at Mirakl',
    );
    expect(t.simulator.state.orders.get(simA.order_id)?.order_state).toBe('SHIPPED');

    // An order imported and accepted, not shipped here yet.
    const simB = t.simulator.createOrder({ lines: [{ sku: 'GAN-M', quantity: 1 }] });
    const idsB = await pullUntilImported(t, admin, [simB.order_id]);
    const orderB = idsB.get(simB.order_id)!;

    const lineA1 = simA.order_lines[0]!.order_line_id;
    const returnA = t.simulator.createReturn(simA.order_id, {
      lines: [{ orderLineId: lineA1, quantity: 1 }],
      reasonCode: 'RETURN_DEFECTIVE_ITEM',
      trackingNumber: '6A00000000123',
    });
    const like = (id: string, orderId: string, lineId: string): SimReturn => ({
      ...structuredClone(returnA),
      id,
      order_id: orderId,
      order_commercial_id: orderId.replace(/-A$/, ''),
      return_lines: [{ order_line_id: lineId, quantity: 1, reason_code: 'RETURN_CHANGED_MIND' }],
      reason_code: 'RETURN_CHANGED_MIND',
    });
    t.simulator.addRawReturn(like('rt-ghost-1', 'GHOST0000001-A', 'GHOST0000001-A-1'));
    t.simulator.addRawReturn(like('rt-not-shipped-1', simB.order_id, simB.order_lines[0]!.order_line_id));

    const first = await pullChannelReturns(t.system.deps, t.channelId);
    expect(first).toMatchObject({ isSupported: true, unreadable: [] });
    const second = await pullChannelReturns(t.system.deps, t.channelId);
    expect(second.opened).toBe(0);

    const opened = await db.select().from(returns).where(eq(returns.orderId, orderA));
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      source: 'channel',
      status: 'open',
      channelReturnId: returnA.id,
      reason: 'RETURN_DEFECTIVE_ITEM',
      trackingNumber: '6A00000000123',
      openedBy: null,
    });
    const [line] = await db
      .select({ id: orderLines.id })
      .from(orderLines)
      .where(and(eq(orderLines.orderId, orderA), eq(orderLines.externalLineId, lineA1)));
    const announced = [
      { externalLineId: lineA1, orderLineId: line!.id, quantity: 1, reason: 'RETURN_DEFECTIVE_ITEM' },
    ];
    const notices = await db
      .select()
      .from(channelReturnNotices)
      .where(eq(channelReturnNotices.channelId, t.channelId));
    const byId = new Map(notices.map((n) => [n.externalReturnId, n]));
    expect(byId.get(returnA.id)).toMatchObject({
      status: 'opened',
      returnId: opened[0]!.id,
      orderId: orderA,
      channelState: 'WAITING_ACCEPTANCE',
      lines: announced,
      timesSeen: 1,
    });
    expect(byId.get('rt-ghost-1')).toMatchObject({
      status: 'parked',
      returnId: null,
      orderId: null,
      statusReason: expect.stringMatching(/^order_unknown: /),
      timesSeen: 1,
    });
    expect(byId.get('rt-not-shipped-1')).toMatchObject({
      status: 'parked',
      returnId: null,
      orderId: orderB,
      statusReason: expect.stringMatching(/^order_not_shipped: /),
      timesSeen: 1,
    });
    expect(await db.select().from(returns).where(eq(returns.orderId, orderB))).toEqual([]);

    const timeline = await db
      .select()
      .from(events)
      .where(and(eq(events.orderId, orderA), eq(events.type, 'return.opened')));
    expect(timeline.map((e) => e.payload)).toEqual([
      {
        source: 'channel',
        reason: 'RETURN_DEFECTIVE_ITEM',
        trackingNumber: '6A00000000123',
        channelReturnId: returnA.id,
        lines: announced.map(({ reason: _, ...l }) => l),
      },
    ]);

    const [cursor] = await db
      .select()
      .from(channelReturnCursors)
      .where(eq(channelReturnCursors.channelId, t.channelId));
    expect(cursor).toMatchObject({ lastError: null });
    expect(cursor!.cursor).not.toBeNull();

    // The parcel arrives: its return label names the return the channel opened.
    const bench = await signIn(t.app, { badge: 'BADGE-0002', pin: '5678' });
    const scanned = await body<{ returnId: string; orderId: string; isNew: boolean }>(
      await bench.post('/api/returns/scans', { code: '6A00000000123' }),
      201,
    );
    expect(scanned).toEqual({ returnId: opened[0]!.id, orderId: orderA, isNew: false });

    await body(await bench.post(`/api/returns/${opened[0]!.id}/close`), 200);

    // The scheduled job: the fan-out queues this channel's read, which follows the channel's state; the
    // notice, delivered again with news, opens no second return for the parcel already dealt with.
    t.simulator.setReturnState(returnA.id, 'IN_PROGRESS');
    await t.system.deps.jobs.send(queues.pullReturns, {});
    await waitFor(
      async () => {
        const [row] = await db
          .select({ state: channelReturnNotices.channelState })
          .from(channelReturnNotices)
          .where(
            and(
              eq(channelReturnNotices.channelId, t.channelId),
              eq(channelReturnNotices.externalReturnId, returnA.id),
            ),
          );
        return row?.state === 'IN_PROGRESS';
      },
      30_000,
      'the job read the return again',
    );
    expect((await db.select().from(returns).where(eq(returns.orderId, orderA))).map((r) => r.status)).toEqual(
      ['closed'],
    );
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.orderId, orderA), eq(events.type, 'return.opened'))),
    ).toHaveLength(1);

    await expectSpecCompliantReads(t.simulator, simulatorKey);
  }, 180_000);
});
