import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  events,
  orderLines,
  orders,
  pickTasks,
  productBarcodes,
  reservations,
  waveOrders,
} from '../../db/schema/index.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { bulkOrders, bulkProducts } from './bulk-fixtures.js';
import { type Client, clients, newWave, nextScanId, readWave } from './helpers.js';

interface Confirmed {
  waveStatus: string;
  allocations: { orderId: string; slot: number; toteCode: string | null; units: number }[];
  progress: { unitsTotal: number; unitsPicked: number; unitsShort: number };
}

describe('confirming a pick scan: every unit counted once, on every row it touches', () => {
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

  it('a case barcode counts its units, a typed SKU is accepted, too many units are refused whole, and the last unit closes the wave', async () => {
    const { db } = t.system.deps;
    const [seeds, pots] = await bulkProducts(db, 'CS', 2);
    await db
      .insert(productBarcodes)
      .values({ code: 'CS-CASE-6', productId: seeds!.productId, kind: 'gtin14', unitsPerScan: 6 });
    const [a, b] = await bulkOrders(db, t.channelId, [
      [{ product: seeds!, quantity: 4 }],
      [
        { product: seeds!, quantity: 5 },
        { product: pots!, quantity: 1 },
      ],
    ]);
    const waveId = await newWave(desk, [a!, b!]);
    await picker.post(`/api/waves/${waveId}/start`, { mode: 'batch' });
    const scan = (body: Record<string, unknown>) =>
      picker.post(`/api/waves/${waveId}/pick-scans`, { clientScanId: nextScanId('cs'), ...body });

    const caseScan = await scan({ binCode: seeds!.binId, itemCode: 'CS-CASE-6' });
    expect(caseScan.status).toBe(200);
    const first = (await caseScan.json()) as Confirmed;
    expect(first.allocations).toEqual([
      { orderId: a, slot: 1, toteCode: null, units: 4 },
      { orderId: b, slot: 2, toteCode: null, units: 2 },
    ]);
    expect(first).toMatchObject({
      waveStatus: 'picking',
      progress: { unitsTotal: 10, unitsPicked: 6, unitsShort: 0 },
    });
    const statuses = await db
      .select({ id: orders.id, status: orders.status })
      .from(orders)
      .where(inArray(orders.id, [a!, b!]));
    expect(Object.fromEntries(statuses.map((o) => [o.id, o.status]))).toEqual({
      [a!]: 'picked',
      [b!]: 'picking',
    });

    const tooMany = await scan({ binCode: seeds!.binCode, itemCode: 'CS-CASE-6' });
    expect(tooMany.status).toBe(422);
    expect(await tooMany.json()).toMatchObject({ code: 'scan_over_pick', expected: { quantity: 3 } });
    expect((await readWave(picker, waveId)).wave.unitsPicked).toBe(6);

    const bySku = await scan({ binCode: seeds!.binCode, itemCode: `SKU-${seeds!.binCode}`, quantity: 3 });
    expect(((await bySku.json()) as Confirmed).allocations).toEqual([
      { orderId: b, slot: 2, toteCode: null, units: 3 },
    ]);
    const last = await scan({ binCode: pots!.binCode, itemCode: pots!.barcode });
    expect(await last.json()).toMatchObject({
      waveStatus: 'done',
      allocations: [{ orderId: b, units: 1 }],
      progress: { unitsTotal: 10, unitsPicked: 10, unitsShort: 0 },
    });

    const lines = await db
      .select()
      .from(orderLines)
      .where(inArray(orderLines.orderId, [a!, b!]));
    expect(lines.map((l) => [l.quantityPicked, l.quantity, l.status])).toEqual(
      lines.map((l) => [l.quantity, l.quantity, 'picked']),
    );
    const held = await db
      .select({ picked: reservations.quantityPicked, quantity: reservations.quantity })
      .from(reservations)
      .where(
        inArray(
          reservations.orderLineId,
          lines.map((l) => l.id),
        ),
      );
    expect(held.every((r) => r.picked === r.quantity)).toBe(true);
    const finalStatuses = await db
      .select({ status: orders.status })
      .from(orders)
      .where(inArray(orders.id, [a!, b!]));
    expect(finalStatuses.map((o) => o.status)).toEqual(['picked', 'picked']);
    const open = await db
      .select()
      .from(waveOrders)
      .where(and(eq(waveOrders.waveId, waveId), eq(waveOrders.isOpen, true)));
    expect(open).toHaveLength(0);
    const recorded = await db.select().from(events).where(eq(events.entityId, waveId));
    const picked = recorded
      .filter((e) => e.type === 'pick.scanned')
      .sort((x, y) => Number(y.payload.units) - Number(x.payload.units));
    expect(picked.map((e) => e.payload.units)).toEqual([6, 3, 1]);
    // An event names its order only when all its units went to one.
    expect(picked.map((e) => e.orderId)).toEqual([null, b, b]);
    expect(picked[0]?.payload).toMatchObject({ waveId, bin: seeds!.binCode, sku: `SKU-${seeds!.binCode}` });
    expect(recorded.filter((e) => e.type === 'wave.completed').map((e) => e.payload)).toEqual([
      { picked: 10, short: 0 },
    ]);
    expect(recorded.filter((e) => e.type === 'pick.scan_rejected')).toHaveLength(1);
  });

  it('devices racing for the last units of a step: as many confirms succeed as there are units, never more', async () => {
    const { db } = t.system.deps;
    const [item] = await bulkProducts(db, 'RC', 1);
    const orderIds = await bulkOrders(db, t.channelId, [
      [{ product: item!, quantity: 2 }],
      [{ product: item!, quantity: 1 }],
    ]);
    const waveId = await newWave(desk, orderIds);
    await picker.post(`/api/waves/${waveId}/start`, { mode: 'batch' });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        picker.post(`/api/waves/${waveId}/pick-scans`, {
          clientScanId: nextScanId('race'),
          binCode: item!.binId,
          itemCode: item!.barcode,
        }),
      ),
    );
    const codes = answers.map((r) => r.status).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(3);
    // The losers are told there is nothing left here (or, caught mid-way, that the step changed).
    expect(codes.filter((c) => c !== 200).every((c) => c === 422 || c === 409)).toBe(true);
    const tasks = await db.select().from(pickTasks).where(eq(pickTasks.waveId, waveId));
    expect(tasks.map((task) => [task.quantityPicked, task.status])).toEqual([
      [tasks[0]!.quantity, 'picked'],
      [tasks[1]!.quantity, 'picked'],
    ]);
    expect((await readWave(picker, waveId)).wave).toMatchObject({ status: 'done', unitsPicked: 3 });
    const scans = await db
      .select()
      .from(events)
      .where(and(eq(events.entityId, waveId), eq(events.type, 'pick.scanned')));
    expect(scans).toHaveLength(3);
  });
  // PGlite runs one transaction at a time, so the race only bites on PostgreSQL; it holds on both.
  it('scans of different lines of one order in flight together leave the order picked (wave and order routes)', async () => {
    const { db } = t.system.deps;
    const items = await bulkProducts(db, 'LR', 4);
    const each = items.map((product) => ({ product, quantity: 1 }));
    const waved = await bulkOrders(
      db,
      t.channelId,
      Array.from({ length: 6 }, () => each),
    );
    const waveId = await newWave(desk, waved);
    await picker.post(`/api/waves/${waveId}/start`, { mode: 'batch' });
    const waveAnswers = await Promise.all(
      waved.flatMap(() =>
        items.map((item) =>
          picker.post(`/api/waves/${waveId}/pick-scans`, {
            clientScanId: nextScanId('lr'),
            binCode: item.binId,
            itemCode: item.barcode,
          }),
        ),
      ),
    );
    expect(waveAnswers.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);

    const single = await bulkOrders(
      db,
      t.channelId,
      Array.from({ length: 6 }, () => each),
    );
    const orderAnswers = await Promise.all(
      single.flatMap(async (orderId) => {
        const steps = (await (await picker.get(`/api/orders/${orderId}/pick-list`)).json()) as {
          binCode: string;
          barcodes: string[];
          quantity: number;
        }[];
        return Promise.all(
          steps.map((step) =>
            picker.post(`/api/orders/${orderId}/pick-scans`, {
              clientScanId: nextScanId('lo'),
              binCode: step.binCode,
              itemCode: step.barcodes[0],
              quantity: step.quantity,
            }),
          ),
        );
      }),
    );
    expect(
      orderAnswers
        .flat()
        .map((r) => r.status)
        .filter((s) => s !== 200),
    ).toEqual([]);

    const rows = await db
      .select({ id: orders.id, status: orders.status })
      .from(orders)
      .where(inArray(orders.id, [...waved, ...single]));
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'picked'));
    const lines = await db
      .select({ picked: orderLines.quantityPicked })
      .from(orderLines)
      .where(inArray(orderLines.orderId, [...waved, ...single]));
    expect(lines.map((l) => l.picked)).toEqual(lines.map(() => 1));
  });
});
