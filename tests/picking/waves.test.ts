import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, orderLines, orders } from '../../db/schema/index.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { barcodeOf, createReadyOrder } from './fixtures.js';
import { type Client, clients, newWave, nextScanId, readWave } from './helpers.js';

describe('waves: single, batch and cluster picking over the API', () => {
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

  it('picks a single-mode wave step by step; a scan sent twice counts once; the orders end picked', async () => {
    const { db } = t.system.deps;
    const a = await createReadyOrder(db, t.channelId, [
      { sku: 'GAN-M', quantity: 1 },
      { sku: 'SEC-220', quantity: 2 },
    ]);
    const b = await createReadyOrder(db, t.channelId, [{ sku: 'ARR-1050', quantity: 1 }]);
    const waveId = await newWave(desk, [a.orderId, b.orderId]);
    expect((await picker.post(`/api/waves/${waveId}/start`, { mode: 'single' })).status).toBe(200);
    const view = await readWave(picker, waveId);
    // Single mode: order after order, each in walking order.
    expect(view.steps.map((s) => s.binCode)).toEqual(['A-01-02-1', 'A-02-01-1', 'A-01-01-1']);
    expect(view.wave.unitsTotal).toBe(4);
    const first = view.steps[0]!;
    const scanId = nextScanId('single');
    const body = { clientScanId: scanId, binCode: first.binCode, itemCode: first.barcodes[0] };
    const once = await picker.post(`/api/waves/${waveId}/pick-scans`, body);
    expect(once.status).toBe(200);
    const twice = await picker.post(`/api/waves/${waveId}/pick-scans`, body);
    const replay = (await twice.json()) as { isReplay: boolean; progress: { unitsPicked: number } };
    expect(replay.isReplay).toBe(true);
    expect(replay.progress.unitsPicked).toBe(1);
    const recorded = await db.select().from(events).where(eq(events.clientScanId, scanId));
    expect(recorded).toHaveLength(1);
    // The rest: one confirm of 1 remaining, then the other steps.
    for (const step of view.steps) {
      const left = step === first ? step.quantity - 1 : step.quantity;
      if (left === 0) continue;
      const res = await picker.post(`/api/waves/${waveId}/pick-scans`, {
        clientScanId: nextScanId('single'),
        binCode: step.binCode,
        itemCode: step.barcodes[0],
        quantity: left,
      });
      expect(res.status).toBe(200);
    }
    const done = await readWave(picker, waveId);
    expect(done.wave).toMatchObject({ status: 'done', unitsPicked: 4, unitsShort: 0 });
    const statuses = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, a.orderId));
    expect(statuses[0]?.status).toBe('picked');
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, a.orderId));
    expect(lines.map((l) => [l.sku, l.quantityPicked, l.status]).sort()).toEqual([
      ['GAN-M', 1, 'picked'],
      ['SEC-220', 2, 'picked'],
    ]);
  });

  it('batch: one walk over shared bins; each confirm says which order its units belong to; the sort station agrees', async () => {
    const { db } = t.system.deps;
    const a = await createReadyOrder(db, t.channelId, [{ sku: 'GRA-TOM', quantity: 2 }]);
    const b = await createReadyOrder(db, t.channelId, [
      { sku: 'GRA-TOM', quantity: 3 },
      { sku: 'TER-40', quantity: 1 },
    ]);
    const waveId = await newWave(desk, [a.orderId, b.orderId]);
    await picker.post(`/api/waves/${waveId}/start`, { mode: 'batch' });
    const view = await readWave(picker, waveId);
    const seeds = view.steps.find((s) => s.sku === 'GRA-TOM')!;
    expect(seeds.quantity).toBe(5);
    expect(seeds.targets.map((x) => [x.orderId, x.remaining])).toEqual([
      [a.orderId, 2],
      [b.orderId, 3],
    ]);
    const res = await picker.post(`/api/waves/${waveId}/pick-scans`, {
      clientScanId: nextScanId('batch'),
      binCode: seeds.binId,
      itemCode: seeds.barcodes[0],
      quantity: 3,
    });
    const picked = (await res.json()) as { allocations: { orderId: string; units: number }[] };
    expect(picked.allocations).toEqual([
      expect.objectContaining({ orderId: a.orderId, units: 2 }),
      expect.objectContaining({ orderId: b.orderId, units: 1 }),
    ]);
    const code = await barcodeOf(db, 'GRA-TOM');
    const sorted: string[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await picker.post(`/api/waves/${waveId}/sort-scans`, {
        clientScanId: nextScanId('sort'),
        itemCode: code,
      });
      sorted.push(((await s.json()) as { orderId: string }).orderId);
    }
    expect(sorted).toEqual([a.orderId, a.orderId, b.orderId]);
    const fourth = await picker.post(`/api/waves/${waveId}/sort-scans`, {
      clientScanId: nextScanId('sort'),
      itemCode: code,
    });
    expect(fourth.status).toBe(422);
  });

  it('cluster: totes scanned at start, each pick goes to the tote the API names; the wrong tote is refused', async () => {
    const { db } = t.system.deps;
    const a = await createReadyOrder(db, t.channelId, [{ sku: 'GAN-L', quantity: 1 }]);
    const b = await createReadyOrder(db, t.channelId, [{ sku: 'GAN-L', quantity: 1 }]);
    const waveId = await newWave(desk, [a.orderId, b.orderId]);
    await picker.post(`/api/waves/${waveId}/start`, { mode: 'cluster' });
    expect((await picker.post(`/api/waves/${waveId}/totes`, { toteCode: 'BOX-1' })).status).toBe(422);
    const t1 = (await (
      await picker.post(`/api/waves/${waveId}/totes`, { toteCode: 'tot_cart01a' })
    ).json()) as { orderId: string };
    expect(t1.orderId).toBe(a.orderId);
    await picker.post(`/api/waves/${waveId}/totes`, { toteCode: 'tot_cart01b' });
    const step = (await readWave(picker, waveId)).steps[0]!;
    expect(step.targets.map((x) => x.toteCode)).toEqual(['tot_cart01a', 'tot_cart01b']);
    const base = { binCode: step.binCode, itemCode: step.barcodes[0] };
    const noTote = await picker.post(`/api/waves/${waveId}/pick-scans`, {
      ...base,
      clientScanId: nextScanId('cl'),
    });
    expect(noTote.status).toBe(422);
    expect(await noTote.json()).toMatchObject({
      code: 'scan_tote_missing',
      expected: { toteCode: 'tot_cart01a' },
    });
    const other = await picker.post(`/api/waves/${waveId}/totes`, { toteCode: 'tot_cart01a' });
    // A tote already on this cart is a retry: it answers with its order rather than taking another one.
    expect(await other.json()).toMatchObject({ orderId: a.orderId, ordersWithoutTote: 0 });
    const ok = await picker.post(`/api/waves/${waveId}/pick-scans`, {
      ...base,
      toteCode: 'tot_cart01b',
      clientScanId: nextScanId('cl'),
    });
    expect(((await ok.json()) as { allocations: unknown[] }).allocations).toEqual([
      { orderId: b.orderId, slot: 2, toteCode: 'tot_cart01b', units: 1 },
    ]);
  });

  it('a wrong item is refused with what was expected, recorded as rejected, and nothing is picked', async () => {
    const { db } = t.system.deps;
    const a = await createReadyOrder(db, t.channelId, [{ sku: 'NIC-BOIS', quantity: 1 }]);
    const waveId = await newWave(desk, [a.orderId]);
    await picker.post(`/api/waves/${waveId}/start`, { mode: 'single' });
    const step = (await readWave(picker, waveId)).steps[0]!;
    const scanId = nextScanId('wrong');
    const res = await picker.post(`/api/waves/${waveId}/pick-scans`, {
      clientScanId: scanId,
      binCode: step.binCode,
      itemCode: await barcodeOf(db, 'TER-40'),
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { code: string; detail: string; expected: { sku: string }[] };
    expect(problem.code).toBe('scan_unexpected_item');
    expect(problem.detail).toContain('NIC-BOIS');
    expect(problem.expected.map((e) => e.sku)).toContain('NIC-BOIS');
    const wrongBin = await picker.post(`/api/waves/${waveId}/pick-scans`, {
      clientScanId: nextScanId('wrong'),
      binCode: 'A-01-01-1',
      itemCode: step.barcodes[0],
    });
    expect(await wrongBin.json()).toMatchObject({
      code: 'scan_wrong_bin',
      expected: { binCode: 'C-02-01-1' },
    });
    expect((await readWave(picker, waveId)).wave.unitsPicked).toBe(0);
    const [rejected] = await db.select().from(events).where(eq(events.clientScanId, scanId));
    expect(rejected?.type).toBe('pick.scan_rejected');
    const again = await picker.post(`/api/waves/${waveId}/pick-scans`, {
      clientScanId: scanId,
      binCode: step.binCode,
      itemCode: step.barcodes[0],
    });
    expect(again.status).toBe(409);
    const [line] = await db
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.orderId, a.orderId)));
    expect(line?.quantityPicked).toBe(0);
  });
});
