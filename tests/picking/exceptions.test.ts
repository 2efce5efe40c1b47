import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids.js';
import {
  binStock,
  bins,
  cycleCounts,
  events,
  orderLines,
  products,
  warehouses,
} from '../../db/schema/index.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { createReadyOrder } from './fixtures.js';
import { type Client, clients, newWave, nextScanId, readWave } from './helpers.js';

describe('wave exceptions: short, damaged, skip; automatic waves', () => {
  let t: TestSystem;
  let desk: Client;
  let picker: Client;
  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    ({ desk, picker } = await clients(t));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a short pick moves the reservation to another bin (appended to the walk), raises a count, and records the event once', async () => {
    const { db } = t.system.deps;
    const [product] = await db.select().from(products).where(eq(products.sku, 'POT-30T'));
    const [warehouse] = await db.select().from(warehouses);
    const overflow = newId('bin');
    await db.insert(bins).values({
      id: overflow,
      warehouseId: warehouse!.id,
      code: 'Z-09-01-1',
      zone: 'Z',
      pickSequence: 99_000_000,
    });
    await db
      .insert(binStock)
      .values({ id: newId('bin'), binId: overflow, productId: product!.id, onHand: 10 });
    const a = await createReadyOrder(db, t.channelId, [
      { sku: 'POT-30T', quantity: 2 },
      { sku: 'GAN-M', quantity: 1 },
    ]);
    const waveId = await newWave(desk, [a.orderId]);
    await picker.post(`/api/waves/${waveId}/start`, { mode: 'single' });
    const step = (await readWave(picker, waveId)).steps.find((s) => s.sku === 'POT-30T')!;
    expect(step.binCode).toBe('B-02-01-1');
    const scanId = nextScanId('short');
    const body = { clientScanId: scanId, stepKey: step.key, reason: 'short' };
    const res = await picker.post(`/api/waves/${waveId}/shorts`, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ units: 2, reallocated: 2, backordered: 0 });
    expect(
      ((await (await picker.post(`/api/waves/${waveId}/shorts`, body)).json()) as { isReplay: boolean })
        .isReplay,
    ).toBe(true);
    expect(await db.select().from(events).where(eq(events.clientScanId, scanId))).toHaveLength(1);
    const after = await readWave(picker, waveId);
    expect(after.steps.map((s) => s.binCode)).toEqual(['A-02-01-1', 'Z-09-01-1']);
    expect(after.wave).toMatchObject({ unitsTotal: 5, unitsShort: 2, unitsPicked: 0 });
    const counts = await db.select().from(cycleCounts).where(eq(cycleCounts.productId, product!.id));
    expect(counts.map((c) => [c.status, c.reason])).toEqual([['open', 'short_pick']]);
  });

  it('damaged with no stock elsewhere backorders the line; a skipped step goes to the end of the walk', async () => {
    const { db } = t.system.deps;
    const a = await createReadyOrder(db, t.channelId, [
      { sku: 'PUL-5L', quantity: 1 },
      { sku: 'ARR-1050', quantity: 1 },
      { sku: 'GAN-L', quantity: 1 },
    ]);
    const waveId = await newWave(desk, [a.orderId]);
    await picker.post(`/api/waves/${waveId}/start`, { mode: 'batch' });
    const before = await readWave(picker, waveId);
    expect(before.steps.map((s) => s.sku)).toEqual(['ARR-1050', 'GAN-L', 'PUL-5L']);
    const skip = await picker.post(`/api/waves/${waveId}/skips`, {
      clientScanId: nextScanId('skip'),
      stepKey: before.steps[0]!.key,
    });
    expect(skip.status).toBe(200);
    expect((await readWave(picker, waveId)).steps.map((s) => s.sku)).toEqual(['GAN-L', 'PUL-5L', 'ARR-1050']);
    const pulverizer = before.steps.find((s) => s.sku === 'PUL-5L')!;
    const res = await picker.post(`/api/waves/${waveId}/shorts`, {
      clientScanId: nextScanId('dmg'),
      stepKey: pulverizer.key,
      reason: 'damaged',
    });
    expect(await res.json()).toMatchObject({ units: 1, reallocated: 0, backordered: 1 });
    const [line] = await db
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.orderId, a.orderId), eq(orderLines.sku, 'PUL-5L')));
    expect(line?.status).toBe('backordered');
    const [count] = await db.select().from(cycleCounts).where(eq(cycleCounts.orderLineId, line!.id));
    expect(count?.reason).toBe('damaged_at_pick');
    const again = await picker.post(`/api/waves/${waveId}/shorts`, {
      clientScanId: nextScanId('dmg'),
      stepKey: pulverizer.key,
      reason: 'damaged',
    });
    expect(again.status).toBe(409);
    const bad = await picker.post(`/api/waves/${waveId}/shorts`, {
      clientScanId: nextScanId('dmg'),
      stepKey: 'x',
      reason: 'lost',
    });
    expect(bad.status).toBe(400);
  });

  it('plans waves automatically: most urgent ship-by first, filtered by service level, capped by cart capacity', async () => {
    const { db } = t.system.deps;
    const soon = new Date(Date.now() + 3_600_000);
    const later = new Date(Date.now() + 86_400_000);
    const express = [];
    for (let i = 0; i < 3; i++) {
      express.push(
        await createReadyOrder(db, t.channelId, [{ sku: 'GRA-TOM', quantity: 1 }], {
          shipBy: i === 2 ? soon : later,
          serviceLevel: 'express',
        }),
      );
    }
    await createReadyOrder(db, t.channelId, [{ sku: 'GRA-TOM', quantity: 1 }], {
      shipBy: soon,
      serviceLevel: 'economy',
    });
    const res = await desk.post('/api/waves/plan', {
      serviceLevel: 'express',
      maxOrders: 2,
      maxUnits: 50,
      maxWaves: 1,
    });
    expect(res.status).toBe(201);
    const { waveIds } = (await res.json()) as { waveIds: string[] };
    expect(waveIds).toHaveLength(1);
    const view = await readWave(desk, waveIds[0]!);
    expect(view.orders.map((o) => o.orderId)).toEqual([express[2]!.orderId, express[0]!.orderId]);
    const dup = await desk.post('/api/waves', { orderIds: [express[2]!.orderId] });
    expect(dup.status).toBe(409);
    expect((await picker.post('/api/waves', { orderIds: [express[1]!.orderId] })).status).toBe(403);
  });
});
