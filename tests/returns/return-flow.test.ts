import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushRefund } from '../../api/services/returns/push-refund.js';
import {
  binStock,
  bins,
  channels,
  productBarcodes,
  products,
  refunds,
  shipments,
  stockMovements,
} from '../../db/schema/index.js';
import { driveToLabel, pullUntilImported } from '../e2e/drive-order.js';
import { validateRequestBody, validateResponse } from '../fakes/mirakl/spec.js';
import { signIn, startTestSystem, type TestSystem, waitFor } from '../support/system.js';

/** A 1×1 PNG, as a device camera would send a (very small) photo. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==',
  'base64',
);

async function body<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** The last quantity a STO01 file gave this SKU. */
function lastPushedQuantity(t: TestSystem, sku: string): number | null {
  const files = t.simulator.received
    .filter((c) => c.operationId === 'STO01' && c.status === 201)
    .map((c) => (c.body as { file?: { content?: string } }).file?.content ?? '')
    .filter((content) => content.includes(`"${sku}"`));
  const line = files
    .at(-1)
    ?.split('\n')
    .find((l) => l.startsWith(`"${sku}"`));
  return line ? Number(line.split(';')[1]) : null;
}

/**
 * A parcel comes back: opened at the bench by scanning its tracking number, each item scanned with a
 * condition and a decision (one restocked into a scanned bin through the ledger), a photo attached, and
 * the refund pushed once to the Mirakl simulator (OR28) — a retry reads the channel back instead.
 */
describe('a return at the bench, and its refund at the channel', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
    // Stock pushes after a second instead of the default window, so the test sees the channel follow.
    await t.system.deps.db
      .update(channels)
      .set({ settings: sql`${channels.settings} || '{"stockPushIntervalSeconds":1}'::jsonb` })
      .where(eq(channels.id, t.channelId));
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('scans, restocks to a bin, quarantines, writes off, and refunds exactly once', async () => {
    const { db } = t.system.deps;
    const sim = t.simulator.createOrder({
      lines: [
        { sku: 'SEC-220', quantity: 2 },
        { sku: 'GAN-M', quantity: 1 },
      ],
    });
    const admin = await signIn(t.app, t.admin);
    const ids = await pullUntilImported(t, admin, [sim.order_id]);
    const orderId = ids.get(sim.order_id)!;
    const label = await driveToLabel(t, admin, orderId);
    await body(await admin.post(`/api/shipments/${label.shipmentId}/ship`), 200);
    await waitFor(
      async () => {
        const [s] = await db.select().from(shipments).where(eq(shipments.id, label.shipmentId));
        return s?.channelPushStatus === 'confirmed';
      },
      60_000,
      'shipment confirmed at Mirakl',
    );

    const bench = await signIn(t.app, { badge: 'BADGE-0002', pin: '5678' });
    // A scan that names nothing says what the bench expects.
    const wrong = await body<{ code: string; detail: string }>(
      await bench.post('/api/returns/scans', { code: 'HELLO-123' }),
      422,
    );
    expect(wrong.code).toBe('scan_unknown_return');
    expect(wrong.detail).toMatch(/tracking number/);

    const opened = await body<{ returnId: string; orderId: string; isNew: boolean }>(
      await bench.post('/api/returns/scans', { code: label.trackingNumber }),
      201,
    );
    expect(opened).toMatchObject({ orderId, isNew: true });
    const again = await body<{ returnId: string; isNew: boolean }>(
      await bench.post('/api/returns/scans', { code: orderId }),
      201,
    );
    expect(again).toEqual({ returnId: opened.returnId, orderId, isNew: false });

    const eanOf = async (sku: string) => {
      const [row] = await db
        .select({ code: productBarcodes.code })
        .from(productBarcodes)
        .innerJoin(products, eq(products.id, productBarcodes.productId))
        .where(eq(products.sku, sku));
      return row!.code;
    };
    const [secateur] = await db.select().from(products).where(eq(products.sku, 'SEC-220'));
    const [restockBin] = await db.select().from(bins).where(eq(bins.code, 'D-01-02-1'));
    const onHand = async () => {
      const [row] = await db
        .select({
          onHand: sql<number>`coalesce(sum(${binStock.onHand}), 0)::int`,
          reserved: sql<number>`coalesce(sum(${binStock.reserved}), 0)::int`,
        })
        .from(binStock)
        .where(eq(binStock.productId, secateur!.id));
      return { onHand: Number(row!.onHand), available: Number(row!.onHand) - Number(row!.reserved) };
    };
    const before = await onHand();
    const items = `/api/returns/${opened.returnId}/items`;

    const notOnOrder = await body<{ code: string; expected: string[] }>(
      await bench.post(items, {
        clientScanId: 'ret-scan-wrong-1',
        itemCode: await eanOf('GAN-L'),
        condition: 'resellable',
        decision: 'restock',
        binCode: 'D-01-02-1',
      }),
      422,
    );
    expect(notOnOrder.code).toBe('scan_unexpected_item');
    expect(notOnOrder.expected).toEqual(expect.arrayContaining(['SEC-220', 'GAN-M']));

    const restock = {
      clientScanId: 'ret-scan-restock-1',
      itemCode: await eanOf('SEC-220'),
      condition: 'resellable',
      decision: 'restock',
      binCode: restockBin!.id,
    };
    const restocked = await body<{ isReplay: boolean; binCode: string }>(
      await bench.post(items, restock),
      200,
    );
    expect(restocked).toMatchObject({ isReplay: false, binCode: 'D-01-02-1' });
    // The handheld re-sends the scan (lost answer): recorded once, stocked once.
    expect((await body<{ isReplay: boolean }>(await bench.post(items, restock), 200)).isReplay).toBe(true);
    expect(await onHand()).toEqual({ onHand: before.onHand + 1, available: before.available + 1 });
    const ledger = await db
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.reason, 'return'), eq(stockMovements.reference, opened.returnId)));
    expect(ledger.map((m) => ({ binId: m.binId, delta: m.delta, productId: m.productId }))).toEqual([
      { binId: restockBin!.id, delta: 1, productId: secateur!.id },
    ]);

    // A damaged unit cannot go back on a shelf; quarantined, it leaves sellable stock as it was.
    const damagedRestock = await body<{ code: string }>(
      await bench.post(items, { ...restock, clientScanId: 'ret-scan-damaged-0', condition: 'damaged' }),
      422,
    );
    expect(damagedRestock.code).toBe('restock_not_resellable');
    const quarantined = await body<{ returnLineId: string; decision: string }>(
      await bench.post(items, {
        clientScanId: 'ret-scan-damaged-1',
        itemCode: 'SEC-220',
        condition: 'damaged',
        decision: 'quarantine',
      }),
      200,
    );
    expect(quarantined.decision).toBe('quarantine');
    await body(
      await bench.post(items, {
        clientScanId: 'ret-scan-missing-1',
        itemCode: 'GAN-M',
        condition: 'missing',
        decision: 'dispose',
      }),
      200,
    );
    const tooMany = await body<{ code: string }>(
      await bench.post(items, {
        clientScanId: 'ret-scan-extra-1',
        itemCode: 'SEC-220',
        condition: 'resellable',
        decision: 'quarantine',
      }),
      422,
    );
    expect(tooMany.code).toBe('return_exceeds_shipped');
    expect((await onHand()).onHand).toBe(before.onHand + 1);

    const photo = await body<{ photoId: string }>(
      await bench.post(`/api/returns/${opened.returnId}/photos`, {
        contentType: 'image/png',
        dataBase64: png.toString('base64'),
        returnLineId: quarantined.returnLineId,
      }),
      201,
    );
    const stored = await bench.get(`/api/returns/${opened.returnId}/photos/${photo.photoId}`);
    expect(stored.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await stored.arrayBuffer()).equals(png)).toBe(true);
    const notImage = await bench.post(`/api/returns/${opened.returnId}/photos`, {
      contentType: 'image/jpeg',
      dataBase64: Buffer.from('not a picture at all').toString('base64'),
    });
    expect(notImage.status).toBe(422);

    const detail = await body<{ items: unknown[]; lines: { sku: string; quantityReturned: number }[] }>(
      await bench.get(`/api/returns/${opened.returnId}`),
      200,
    );
    expect(detail.items).toHaveLength(3);
    expect(detail.lines.find((l) => l.sku === 'SEC-220')?.quantityReturned).toBe(2);

    // The channel is shown the restocked unit.
    await waitFor(
      async () => lastPushedQuantity(t, 'SEC-220') === (await onHand()).available,
      60_000,
      'SEC-220 quantity pushed to Mirakl after the restock',
    );

    // Refund the restocked unit and the line's shipping; packers cannot refund.
    const secLine = sim.order_lines.find((l) => l.offer_sku === 'SEC-220')!;
    const order = await body<{ lines: { id: string; sku: string; shippingPriceMinor?: number }[] }>(
      await admin.get(`/api/orders/${orderId}`),
      200,
    );
    const orderLineId = order.lines.find((l) => l.sku === 'SEC-220')!.id;
    const refundBody = {
      reason: 'return',
      note: 'Sécateur returned unused',
      returnId: opened.returnId,
      includeShipping: true,
      lines: [{ orderLineId, quantity: 1 }],
    };
    expect((await bench.post(`/api/orders/${orderId}/refunds`, refundBody)).status).toBe(403);
    const desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
    const created = await body<{ refundId: string; itemsMinor: number; shippingMinor: number }>(
      await desk.post(`/api/orders/${orderId}/refunds`, refundBody),
      201,
    );
    const shippingMinor = Math.round(Number(secLine.shipping_price) * 100);
    expect(created).toMatchObject({ itemsMinor: 1890, shippingMinor });
    await waitFor(
      async () => {
        const [r] = await db.select().from(refunds).where(eq(refunds.id, created.refundId));
        return r?.pushStatus === 'confirmed' ? r : null;
      },
      60_000,
      'refund confirmed at Mirakl',
    );

    const or28 = () => t.simulator.received.filter((c) => c.operationId === 'OR28');
    expect(or28()).toHaveLength(1);
    expect(or28()[0]!.status).toBe(200);
    expect(validateRequestBody('OR28', or28()[0]!.body)).toEqual([]);
    const simLine = t.simulator.state.orders
      .get(sim.order_id)!
      .order_lines.find((l) => l.offer_sku === 'SEC-220')!;
    const simRefunds = simLine.refunds as {
      id: string;
      amount: number;
      shipping_amount: number;
      reason_code: string;
    }[];
    expect(simRefunds).toHaveLength(1);
    expect(simRefunds[0]).toMatchObject({
      amount: 18.9,
      shipping_amount: Number(secLine.shipping_price),
      reason_code: 'RETURN',
    });
    // The OR11 read the connector does after a timeout still validates against the spec with refunds on it.
    const or11 = await t.simulator.app.request(`/api/orders?order_ids=${sim.order_id}`, {
      headers: { authorization: 'test-mirakl-key' },
    });
    expect(validateResponse('OR11', 200, await or11.json())).toEqual([]);

    // The job runs again (a worker died after the write, before recording it): nothing is sent twice.
    expect(await pushRefund(t.system.deps, created.refundId)).toBe('already_confirmed');
    await db.update(refunds).set({ pushStatus: 'pending' }).where(eq(refunds.id, created.refundId));
    expect(await pushRefund(t.system.deps, created.refundId)).toBe('confirmed_by_read_back');
    expect(or28()).toHaveLength(1);

    // More than is left on the line is refused before anything reaches the channel.
    const over = await body<{ code: string }>(
      await desk.post(`/api/orders/${orderId}/refunds`, {
        reason: 'return',
        lines: [{ orderLineId, amountMinor: 1891 }],
      }),
      422,
    );
    expect(over.code).toBe('refund_exceeds_paid');

    const afterSales = await body<{
      parcels: { trackingNumber: string; trackingUrl: string | null }[];
      returns: { items: { decision: string }[] }[];
      refunds: {
        reason: string;
        note: string;
        pushStatus: string;
        totalMinor: number;
        channelRefundId: string;
      }[];
    }>(await desk.get(`/api/orders/${orderId}/after-sales`), 200);
    expect(afterSales.parcels.map((p) => p.trackingNumber)).toEqual([label.trackingNumber]);
    expect(afterSales.returns[0]!.items.map((i) => i.decision).sort()).toEqual([
      'dispose',
      'quarantine',
      'restock',
    ]);
    expect(afterSales.refunds).toEqual([
      expect.objectContaining({
        reason: 'return',
        note: 'Sécateur returned unused',
        pushStatus: 'confirmed',
        totalMinor: 1890 + shippingMinor,
        channelRefundId: simRefunds[0]!.id,
      }),
    ]);
    const timeline = await body<{ events: { type: string }[] }>(
      await desk.get(`/api/orders/${orderId}`),
      200,
    );
    const types = timeline.events.map((e) => e.type);
    for (const type of [
      'shipment.shipped',
      'return.opened',
      'return.item_scanned',
      'return.photo_added',
      'refund.requested',
      'refund.confirmed_at_channel',
    ])
      expect(types).toContain(type);

    await body(await bench.post(`/api/returns/${opened.returnId}/close`), 200);
    const closedScan = await bench.post(items, { ...restock, clientScanId: 'ret-scan-after-close' });
    expect(closedScan.status).toBe(409);
  }, 240_000);
});
