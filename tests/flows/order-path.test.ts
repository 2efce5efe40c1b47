import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullChannel } from '../../api/services/channels/pull-channel.js';
import { orderLines, orders, parkedOrders, reservations, shipments } from '../../db/schema/index.js';
import { decodeBarcodesInPdf } from '../support/decode-barcodes.js';
import { signIn, startTestSystem, type TestSystem, waitFor } from '../support/system.js';

/**
 * One marketplace order along the whole path, through the real Mirakl connector, the real job queue
 * and the HTTP API: pull → ingest + reserve → accept (OR21) → pick → pack → label → ship → OR23 + OR24.
 * Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
describe('one order from pull to tracking callback', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('ships the order and the simulator receives exactly one OR23 and one OR24 with the printed tracking number', async () => {
    const { db } = t.system.deps;
    const simOrder = t.simulator.createOrder({
      lines: [
        { sku: 'SEC-220', quantity: 2 },
        { sku: 'GAN-M', quantity: 1 },
      ],
    });

    const summary = await pullChannel(t.system.deps, t.channelId);
    expect(summary.created).toBe(1);
    const [order] = await db.select().from(orders).where(eq(orders.externalId, simOrder.order_id));
    expect(order?.status).toBe('pending');

    // The worker accepts at the channel (OR21) and queues a pull; the re-pulled order is ready to pick.
    await waitFor(
      async () => {
        const [o] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order!.id));
        return o?.status === 'ready';
      },
      30_000,
      'order ready after acceptance',
    );
    expect(t.simulator.received.filter((c) => c.operationId === 'OR21' && c.status === 204).length).toBe(1);

    const picker = await signIn(t.app, { badge: 'BADGE-0001', pin: '1234' });
    const steps = (await (await picker.get(`/api/orders/${order!.id}/pick-list`)).json()) as {
      binCode: string;
      barcodes: string[];
      quantity: number;
    }[];
    expect(steps.map((s) => s.binCode)).toEqual(['A-01-02-1', 'A-02-01-1']); // walking order
    let scan = 0;
    for (const step of steps) {
      for (let i = 0; i < step.quantity; i++) {
        const res = await picker.post(`/api/orders/${order!.id}/pick-scans`, {
          clientScanId: `pick-${order!.id}-${scan++}`,
          binCode: step.binCode,
          itemCode: step.barcodes[0],
        });
        expect(res.status).toBe(200);
      }
    }

    const packer = await signIn(t.app, { badge: 'BADGE-0002', pin: '5678' });
    for (const [i, step] of steps.entries()) {
      for (let n = 0; n < step.quantity; n++) {
        const res = await packer.post(`/api/orders/${order!.id}/pack-scans`, {
          clientScanId: `pack-${order!.id}-${i}-${n}`,
          code: step.barcodes[0],
        });
        expect(res.status).toBe(200);
      }
    }
    const created = await packer.post(`/api/orders/${order!.id}/shipments`, {});
    expect(created.status).toBe(201);
    const shipment = (await created.json()) as { shipmentId: string; labelUrl: string };

    const label = await packer.get(shipment.labelUrl);
    expect(label.headers.get('content-type')).toBe('application/pdf');
    const decoded = await decodeBarcodesInPdf(new Uint8Array(await label.arrayBuffer()));
    const printed = decoded.filter((d) => d.format.startsWith('Code128')).map((d) => d.text);
    expect(printed).toHaveLength(1);
    const trackingNumber = printed[0]!;
    expect(trackingNumber).toMatch(/^[A-Z]{2}\d{9}[A-Z]{2}$/);

    const shipped = await packer.post(`/api/shipments/${shipment.shipmentId}/ship`);
    expect(shipped.status).toBe(200);
    // A second press of "ship" (double click, retry after a lost answer) changes nothing.
    expect(
      (
        (await (await packer.post(`/api/shipments/${shipment.shipmentId}/ship`)).json()) as {
          isReplay: boolean;
        }
      ).isReplay,
    ).toBe(true);

    await waitFor(
      async () => {
        const [s] = await db.select().from(shipments).where(eq(shipments.id, shipment.shipmentId));
        return s?.channelPushStatus === 'confirmed';
      },
      30_000,
      'tracking confirmed at the channel',
    );

    const calls = t.simulator.received.filter((c) => c.path.startsWith(`/api/orders/${simOrder.order_id}/`));
    const or23 = calls.filter((c) => c.operationId === 'OR23');
    const or24 = calls.filter((c) => c.operationId === 'OR24');
    expect(or23).toHaveLength(1);
    expect(or24).toHaveLength(1);
    expect((or23[0]!.body as { tracking_number: string }).tracking_number).toBe(trackingNumber);
    expect(t.simulator.state.orders.get(simOrder.order_id)?.order_state).toBe('SHIPPED');

    const [after] = await db.select().from(orders).where(eq(orders.id, order!.id));
    expect(after?.status).toBe('shipped');
    const active = await db
      .select({ n: count() })
      .from(reservations)
      .where(eq(reservations.status, 'active'));
    expect(Number(active[0]?.n)).toBe(0);
  });

  it('takes an order delivered three times as one order with one reservation per line', async () => {
    const { db } = t.system.deps;
    const simOrder = t.simulator.createOrder({ lines: [{ sku: 'POT-30T', quantity: 1 }] });
    for (let i = 0; i < 3; i++) {
      // Forget the cursor each time so the channel sends the same order again.
      await db.execute(sql`update channels set pull_cursor = null`);
      await pullChannel(t.system.deps, t.channelId);
    }
    const rows = await db.select().from(orders).where(eq(orders.externalId, simOrder.order_id));
    expect(rows).toHaveLength(1);
    const held = await db
      .select({ lineId: reservations.orderLineId })
      .from(reservations)
      .innerJoin(orderLines, eq(orderLines.id, reservations.orderLineId))
      .where(eq(orderLines.orderId, rows[0]!.id));
    expect(held).toHaveLength(1);
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, rows[0]!.id));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.status).toBe('reserved');
  });

  it('parks malformed orders with their payload and a reason, and still takes the good ones', async () => {
    const { db } = t.system.deps;
    const good = t.simulator.createOrder({ lines: [{ sku: 'NIC-BOIS', quantity: 1 }] });
    const noSku = t.simulator.buildOrder({ lines: [{ sku: 'GAN-L', quantity: 1 }] });
    delete (noSku.order_lines[0] as Record<string, unknown>).offer_sku;
    t.simulator.addRawOrder(noSku);
    const negative = t.simulator.buildOrder({ lines: [{ sku: 'GAN-L', quantity: 1 }] });
    (negative.order_lines[0] as Record<string, unknown>).quantity = -2;
    t.simulator.addRawOrder(negative);
    const unknown = t.simulator.buildOrder({ lines: [{ sku: 'GAN-L', quantity: 1 }] });
    (unknown.order_lines[0] as Record<string, unknown>).offer_sku = 'NOT-IN-CATALOGUE';
    t.simulator.addRawOrder(unknown);

    const summary = await pullChannel(t.system.deps, t.channelId);
    expect(summary.parked).toBeGreaterThanOrEqual(3);
    expect(await db.select().from(orders).where(eq(orders.externalId, good.order_id))).toHaveLength(1);

    const parked = await db.select().from(parkedOrders);
    const byId = new Map(parked.map((p) => [p.externalId, p]));
    expect(byId.get(noSku.order_id)?.reason).toMatch(/offer_sku/i);
    expect(byId.get(negative.order_id)?.reason).toMatch(/quantity/i);
    expect(byId.get(unknown.order_id)?.reason).toContain('NOT-IN-CATALOGUE');
    expect((byId.get(unknown.order_id)!.raw as { order_id: string }).order_id).toBe(unknown.order_id);

    const desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
    const listed = (await (await desk.get('/api/parked-orders')).json()) as {
      externalId: string;
      reason: string;
    }[];
    expect(listed.map((p) => p.externalId)).toEqual(
      expect.arrayContaining([noSku.order_id, negative.order_id, unknown.order_id]),
    );
  });
});
