import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, events, orderLines, orders, reservations, shipments } from '../../db/schema/index.js';
import { demoCatalog } from '../../db/seed/demo-catalog.js';
import { signIn, startTestSystem, type TestSystem, waitFor } from '../support/system.js';

/**
 * An order typed at the desk goes the same way as a marketplace order: ingest → reserve → pick → pack →
 * label → ship, and the "push" to its channel is recorded locally (there is no remote channel).
 */
describe('manual orders typed at the desk', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const order = (reference?: string) => ({
    ...(reference ? { reference } : {}),
    buyer: { name: 'Jardinerie Martin', email: 'achats@jardinerie-martin.test', phone: '0145678910' },
    shipTo: {
      name: 'Jardinerie Martin',
      line1: '4 avenue des Peupliers',
      postalCode: '69003',
      city: 'Lyon',
      countryCode: 'fr',
    },
    lines: [
      { sku: 'SEC-220', quantity: 2, unitPrice: '15.90' },
      // The demo catalogue's EAN for GAN-M, as a scanner would type it.
      { ean: demoCatalog.find((p) => p.sku === 'GAN-M')!.ean, quantity: 1, unitPrice: '8.25' },
    ],
    currency: 'EUR',
    shippingPrice: '6.50',
    serviceLevel: 'trade-standard',
  });

  it('takes a typed order once, reserves its stock and ships it through the normal path', async () => {
    const { db } = t.system.deps;
    const desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
    const first = await desk.post('/api/manual-orders', order('TEL-2025-0042'));
    expect(first.status).toBe(201);
    const created = (await first.json()) as { orderId: string; reference: string; isReplay: boolean };
    expect(created).toMatchObject({ reference: 'TEL-2025-0042', isReplay: false });
    // A double submit is the same order.
    const again = (await (
      await desk.post('/api/manual-orders', order('TEL-2025-0042'))
    ).json()) as typeof created;
    expect(again).toEqual({ ...created, isReplay: true });

    const [row] = await db.select().from(orders).where(eq(orders.id, created.orderId));
    expect(row).toMatchObject({
      status: 'ready',
      externalId: 'TEL-2025-0042',
      totalMinor: 2 * 1590 + 825 + 650,
      shippingMinor: 650,
      currency: 'EUR',
      shippingAddress: { countryCode: 'FR', city: 'Lyon' },
    });
    const [channel] = await db.select().from(channels).where(eq(channels.id, row!.channelId));
    expect(channel?.type).toBe('manual');
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, created.orderId));
    expect(lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor, l.status]).sort()).toEqual([
      ['GAN-M', 1, 825, 'reserved'],
      ['SEC-220', 2, 1590, 'reserved'],
    ]);

    const picker = await signIn(t.app, { badge: 'BADGE-0001', pin: '1234' });
    const steps = (await (await picker.get(`/api/orders/${created.orderId}/pick-list`)).json()) as {
      binCode: string;
      sku: string;
      quantity: number;
    }[];
    for (const step of steps) {
      const res = await picker.post(`/api/orders/${created.orderId}/pick-scans`, {
        clientScanId: randomUUID(),
        binCode: step.binCode,
        itemCode: step.sku,
        quantity: step.quantity,
      });
      expect(res.status).toBe(200);
    }
    const packer = await signIn(t.app, { badge: 'BADGE-0002', pin: '5678' });
    for (const step of steps) {
      for (let n = 0; n < step.quantity; n++) {
        const res = await packer.post(`/api/orders/${created.orderId}/pack-scans`, {
          clientScanId: randomUUID(),
          code: step.sku,
        });
        expect(res.status).toBe(200);
      }
    }
    const label = await packer.post(`/api/orders/${created.orderId}/shipments`, {});
    expect(label.status).toBe(201);
    const { shipmentId } = (await label.json()) as { shipmentId: string };
    expect((await packer.post(`/api/shipments/${shipmentId}/ship`)).status).toBe(200);

    await waitFor(
      async () => {
        const [s] = await db.select().from(shipments).where(eq(shipments.id, shipmentId));
        return s?.channelPushStatus === 'confirmed';
      },
      30_000,
      'shipment recorded for the manual channel',
    );
    const [after] = await db.select().from(orders).where(eq(orders.id, created.orderId));
    expect(after?.status).toBe('shipped');
    const confirmed = await db
      .select()
      .from(events)
      .where(and(eq(events.entityId, shipmentId), eq(events.type, 'shipment.confirmed_at_channel')));
    expect(confirmed).toHaveLength(1);
    const held = await db
      .select()
      .from(reservations)
      .innerJoin(orderLines, eq(orderLines.id, reservations.orderLineId))
      .where(and(eq(orderLines.orderId, created.orderId), eq(reservations.status, 'active')));
    expect(held).toHaveLength(0);
  });

  it('generates a MAN- reference when none is given', async () => {
    const desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
    const res = await desk.post('/api/manual-orders', order());
    expect(res.status).toBe(201);
    expect(((await res.json()) as { reference: string }).reference).toMatch(/^MAN-\d{8}-[0-9A-F]{8}$/);
  });

  it('refuses an unknown item or a bad amount with a clear problem, and creates nothing', async () => {
    const { db } = t.system.deps;
    const desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
    const before = (await db.select({ id: orders.id }).from(orders)).length;
    const unknown = await desk.post('/api/manual-orders', {
      ...order('TEL-BAD-1'),
      lines: [{ sku: 'NO-SUCH', quantity: 1, unitPrice: '1.00' }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await unknown.json()) as { code: string; detail?: string; title?: string };
    expect(problem.code).toBe('manual_order_unknown_item');
    expect(JSON.stringify(problem)).toContain('NO-SUCH');
    const badPrice = await desk.post('/api/manual-orders', {
      ...order('TEL-BAD-2'),
      lines: [{ sku: 'SEC-220', quantity: 1, unitPrice: '12.5.0' }],
    });
    expect(badPrice.status).toBe(400);
    const tooPrecise = await desk.post('/api/manual-orders', {
      ...order('TEL-BAD-3'),
      lines: [{ sku: 'SEC-220', quantity: 1, unitPrice: '12.505' }],
    });
    expect(tooPrecise.status).toBe(422);
    expect(((await tooPrecise.json()) as { code: string }).code).toBe('manual_order_bad_amount');
    expect((await db.select({ id: orders.id }).from(orders)).length).toBe(before);
    const picker = await signIn(t.app, { badge: 'BADGE-0001', pin: '1234' });
    expect((await picker.post('/api/manual-orders', order('TEL-PICKER'))).status).toBe(403);
  });
});
