import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shipments } from '../../db/schema/index.js';
import { driveToLabel, pullUntilImported } from '../e2e/drive-order.js';
import { signIn, startTestSystem, type TestSystem, waitFor } from '../support/system.js';

/**
 * The Channels page's API: health per channel, the connection test, and a refused tracking push that the
 * desk retries — which reaches the channel once, not twice.
 */
describe('channel administration', () => {
  let t: TestSystem;
  let desk: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await startTestSystem();
    desk = await signIn(t.app, t.admin);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('runs the connection test against the channel', async () => {
    const ok = (await (await desk.post(`/api/channels/${t.channelId}/test`)).json()) as { ok: boolean };
    expect(ok.ok).toBe(true);
    await desk.call('PATCH', `/api/channels/${t.channelId}`, { credentials: { apiKey: 'wrong-key' } });
    try {
      const bad = (await (await desk.post(`/api/channels/${t.channelId}/test`)).json()) as {
        ok: boolean;
        message: string;
      };
      expect(bad.ok).toBe(false);
      expect(bad.message).toMatch(/api key|401|unauthor/i);
    } finally {
      await desk.call('PATCH', `/api/channels/${t.channelId}`, {
        credentials: { apiKey: 'test-mirakl-key' },
      });
    }
  });

  it('shows a refused push with its reason, and a retry confirms it exactly once', async () => {
    const sim = t.simulator.createOrder({ lines: [{ sku: 'LAM-SOL', quantity: 1 }] });
    const ids = await pullUntilImported(t, desk, [sim.order_id]);
    const orderId = ids.get(sim.order_id)!;
    const shipment = await driveToLabel(t, desk, orderId);
    t.simulator.failNext('OR23', { status: 400, count: 1 });
    expect((await desk.post(`/api/shipments/${shipment.shipmentId}/ship`)).status).toBe(200);

    const { db } = t.system.deps;
    await waitFor(
      async () => {
        const [s] = await db.select().from(shipments).where(eq(shipments.id, shipment.shipmentId));
        return s?.channelPushStatus === 'failed';
      },
      30_000,
      'push refused',
    );
    const failed = (await (await desk.get('/api/shipments/failed-pushes')).json()) as {
      shipmentId: string;
      error: string;
    }[];
    expect(failed.map((f) => f.shipmentId)).toContain(shipment.shipmentId);
    const health = (await (await desk.get('/api/channels/health')).json()) as {
      id: string;
      pushFailed: number;
    }[];
    expect(health.find((h) => h.id === t.channelId)?.pushFailed).toBe(1);

    expect((await desk.post(`/api/shipments/${shipment.shipmentId}/retry-push`)).status).toBe(202);
    await waitFor(
      async () => {
        const [s] = await db.select().from(shipments).where(eq(shipments.id, shipment.shipmentId));
        return s?.channelPushStatus === 'confirmed';
      },
      30_000,
      'push confirmed after retry',
    );
    const calls = t.simulator.received.filter((c) => c.path.startsWith(`/api/orders/${sim.order_id}/`));
    expect(calls.filter((c) => c.operationId === 'OR23' && c.status === 204)).toHaveLength(1);
    expect(calls.filter((c) => c.operationId === 'OR24' && c.status === 204)).toHaveLength(1);
    // Confirmed pushes cannot be queued again.
    expect((await desk.post(`/api/shipments/${shipment.shipmentId}/retry-push`)).status).toBe(409);
  });
});
