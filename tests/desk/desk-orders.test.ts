import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../api/services/events/record-event.js';
import { planWaves } from '../../api/services/picking/plan-waves.js';
import {
  binStock,
  events,
  orderLines,
  orderShippingDecisions,
  orders,
  products,
  waveOrders,
} from '../../db/schema/index.js';
import { signIn, startTestSystem, type TestSystem } from '../support/system.js';
import { labelledOrder, pickAndPack, readyOrder } from './support.js';

type Client = Awaited<ReturnType<typeof signIn>>;

/** Hold, release, expedite and split at the desk, through the API, with the reason on every event. */
describe('desk order actions', () => {
  let t: TestSystem;
  let desk: Client;
  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  const db = () => t.system.deps.db;
  const statusOf = async (orderId: string) =>
    (await db().select({ s: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]?.s;
  const eventsOf = (orderId: string, type: string) =>
    db()
      .select()
      .from(events)
      .where(and(eq(events.orderId, orderId), eq(events.type, type)));

  /** Reserved per bin row equals the active reservations in it, for every product touched. */
  async function expectReservationsConsistent(skus: string[]) {
    const rows = await db()
      .select({
        binId: binStock.binId,
        reserved: binStock.reserved,
        held: sql<number>`(select coalesce(sum(r.quantity), 0)::int from reservations r where r.bin_id = ${binStock}.bin_id and r.product_id = ${binStock}.product_id and r.status = 'active')`,
      })
      .from(binStock)
      .innerJoin(products, eq(products.id, binStock.productId))
      .where(inArray(products.sku, skus));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.reserved, row.binId).toBe(Number(row.held));
  }

  it('holds an order with a reason, refuses a second hold, and releases it to where it was', async () => {
    const { orderId } = await readyOrder(t, [{ sku: 'GAN-L', quantity: 1 }]);
    const held = await desk.post(`/api/orders/${orderId}/hold`, {
      reason: 'Address to check with the buyer',
    });
    expect(held.status).toBe(200);
    expect(await held.json()).toEqual({ status: 'on_hold', heldFromStatus: 'ready' });
    expect(await statusOf(orderId)).toBe('on_hold');
    const [event] = await eventsOf(orderId, 'order.held');
    expect(event?.payload).toMatchObject({ reason: 'Address to check with the buyer', from: 'ready' });

    const again = await desk.post(`/api/orders/${orderId}/hold`, { reason: 'twice' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('order_already_on_hold');
    // A held order is not planned into a wave.
    const planned = await planWaves(
      db(),
      systemActor,
      { maxOrders: 50, maxUnits: 500, maxWaves: 5 },
      new Date(),
    );
    const inWaves = planned.waveIds.length
      ? await db().select().from(waveOrders).where(inArray(waveOrders.waveId, planned.waveIds))
      : [];
    expect(inWaves.map((w) => w.orderId)).not.toContain(orderId);
    if (planned.waveIds.length)
      await db().update(waveOrders).set({ isOpen: false }).where(inArray(waveOrders.waveId, planned.waveIds));

    const released = await desk.post(`/api/orders/${orderId}/release`, { reason: 'Buyer confirmed' });
    expect(released.status).toBe(200);
    expect(await released.json()).toEqual({ status: 'ready' });
    expect((await eventsOf(orderId, 'order.released'))[0]?.payload).toMatchObject({
      reason: 'Buyer confirmed',
    });
    const notHeld = await desk.post(`/api/orders/${orderId}/release`, { reason: 'again' });
    expect(notHeld.status).toBe(409);
    expect(((await notHeld.json()) as { code: string }).code).toBe('order_not_on_hold');
    // A reason is required.
    expect((await desk.post(`/api/orders/${orderId}/hold`, { reason: '' })).status).toBe(400);
  });

  it('holds a packed order: its label cannot be printed until released', async () => {
    const labelled = await labelledOrder(t, [{ sku: 'GRA-TOM', quantity: 1 }]);
    expect((await desk.post(`/api/orders/${labelled.orderId}/hold`, { reason: 'Fraud check' })).status).toBe(
      200,
    );
    const print = await desk.post('/api/desk/print', { parcelIds: [labelled.parcelId], format: 'pdf' });
    expect(print.status).toBe(409);
    expect(((await print.json()) as { code: string }).code).toBe('order_on_hold');
    const released = await desk.post(`/api/orders/${labelled.orderId}/release`, { reason: 'Cleared' });
    expect(await released.json()).toEqual({ status: 'packed' });
    expect(
      (await desk.post('/api/desk/print', { parcelIds: [labelled.parcelId], format: 'pdf' })).status,
    ).toBe(200);
  });

  it('expedites an order: first in the queue and first into a wave', async () => {
    const early = await readyOrder(t, [{ sku: 'NIC-BOIS', quantity: 1 }], { shipBy: '2030-01-01T10:00:00Z' });
    const late = await readyOrder(t, [{ sku: 'NIC-BOIS', quantity: 1 }], { shipBy: '2030-01-09T10:00:00Z' });
    const ids = async () => {
      const body = (await (await desk.get('/api/orders?status=ready&limit=500')).json()) as {
        items: { id: string }[];
      };
      return body.items.map((o) => o.id).filter((id) => id === early.orderId || id === late.orderId);
    };
    expect(await ids()).toEqual([early.orderId, late.orderId]);
    const res = await desk.post(`/api/orders/${late.orderId}/expedite`, { reason: 'Customer is a VIP' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ priority: 1 });
    expect(await ids()).toEqual([late.orderId, early.orderId]);
    expect((await eventsOf(late.orderId, 'order.expedited'))[0]?.payload).toMatchObject({
      reason: 'Customer is a VIP',
      from: 0,
      to: 1,
    });
    const { waveIds } = await planWaves(
      db(),
      systemActor,
      { maxOrders: 1, maxUnits: 500, maxWaves: 1 },
      new Date(),
    );
    const [first] = await db().select().from(waveOrders).where(eq(waveOrders.waveId, waveIds[0]!));
    expect(first?.orderId).toBe(late.orderId);
    await db().update(waveOrders).set({ isOpen: false }).where(inArray(waveOrders.waveId, waveIds));
  });

  it('splits lines and part of a line to a new order; reservations follow and stock totals do not move', async () => {
    const { orderId, reference } = await readyOrder(t, [
      { sku: 'SEC-220', quantity: 3 },
      { sku: 'GAN-M', quantity: 2 },
    ]);
    const before = await db().select().from(binStock);
    const lines = await db().select().from(orderLines).where(eq(orderLines.orderId, orderId));
    const sec = lines.find((l) => l.sku === 'SEC-220')!;
    const gan = lines.find((l) => l.sku === 'GAN-M')!;

    const everything = await desk.post(`/api/orders/${orderId}/split`, {
      reason: 'x',
      lines: [
        { orderLineId: sec.id, quantity: 3 },
        { orderLineId: gan.id, quantity: 2 },
      ],
    });
    expect(everything.status).toBe(422);
    expect(((await everything.json()) as { code: string }).code).toBe('split_takes_everything');
    const tooMany = await desk.post(`/api/orders/${orderId}/split`, {
      reason: 'x',
      lines: [{ orderLineId: sec.id, quantity: 4 }],
    });
    expect(((await tooMany.json()) as { code: string }).code).toBe('split_quantity_too_large');

    const res = await desk.post(`/api/orders/${orderId}/split`, {
      reason: 'Gloves ship from the second parcel',
      lines: [
        { orderLineId: gan.id, quantity: 2 },
        { orderLineId: sec.id, quantity: 1 },
      ],
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const child = (await res.json()) as { orderId: string; externalId: string };
    expect(child.externalId).toBe(`${reference}~2`);
    const [childRow] = await db().select().from(orders).where(eq(orders.id, child.orderId));
    expect(childRow).toMatchObject({
      status: 'ready',
      channelExternalId: reference,
      splitFromOrderId: orderId,
      totalMinor: 3000,
    });

    const after = await db().select().from(binStock);
    expect(after.map((b) => [b.id, b.reserved, b.onHand]).sort()).toEqual(
      before.map((b) => [b.id, b.reserved, b.onHand]).sort(),
    );
    const held = async (id: string) =>
      db()
        .select({
          sku: orderLines.sku,
          quantity: orderLines.quantity,
          status: orderLines.status,
          held: sql<number>`(select coalesce(sum(r.quantity), 0)::int from reservations r where r.order_line_id = ${orderLines}.id and r.status = 'active')`,
        })
        .from(orderLines)
        .where(eq(orderLines.orderId, id))
        .orderBy(orderLines.sku);
    expect((await held(orderId)).map((l) => ({ ...l, held: Number(l.held) }))).toEqual([
      { sku: 'SEC-220', quantity: 2, status: 'reserved', held: 2 },
    ]);
    expect((await held(child.orderId)).map((l) => ({ ...l, held: Number(l.held) }))).toEqual([
      { sku: 'GAN-M', quantity: 2, status: 'reserved', held: 2 },
      { sku: 'SEC-220', quantity: 1, status: 'reserved', held: 1 },
    ]);
    await expectReservationsConsistent(['SEC-220', 'GAN-M']);
    expect((await eventsOf(orderId, 'order.split'))[0]?.payload).toMatchObject({
      reason: 'Gloves ship from the second parcel',
    });
    const [decision] = await db()
      .select()
      .from(orderShippingDecisions)
      .where(eq(orderShippingDecisions.orderId, child.orderId));
    expect(decision?.source).toBe('default');

    // The new order follows the same path: picked, packed and labelled on its own.
    await pickAndPack(t, child.orderId);
    const label = await desk.post(`/api/orders/${child.orderId}/shipments`, {});
    expect(label.status).toBe(201);
    await expectReservationsConsistent(['SEC-220', 'GAN-M']);
  });

  it('splits a backordered line: the part that stays keeps the reserved units', async () => {
    // PUL-5L has 3 on hand: an order for 5 holds 3 and waits for 2.
    const { orderId } = await readyOrder(t, [
      { sku: 'PUL-5L', quantity: 5 },
      { sku: 'GAN-L', quantity: 1 },
    ]);
    const [pul] = await db()
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.orderId, orderId), eq(orderLines.sku, 'PUL-5L')));
    expect(pul?.status).toBe('backordered');
    const res = await desk.post(`/api/orders/${orderId}/split`, {
      reason: 'Ship what we have',
      lines: [{ orderLineId: pul!.id, quantity: 2 }],
    });
    expect(res.status).toBe(201);
    const child = (await res.json()) as { orderId: string };
    const lineOf = async (id: string) =>
      (
        await db()
          .select({
            quantity: orderLines.quantity,
            status: orderLines.status,
            held: sql<number>`(select coalesce(sum(r.quantity), 0)::int from reservations r where r.order_line_id = ${orderLines}.id and r.status = 'active')`,
          })
          .from(orderLines)
          .where(and(eq(orderLines.orderId, id), eq(orderLines.sku, 'PUL-5L')))
      ).map((l) => ({ ...l, held: Number(l.held) }));
    expect(await lineOf(orderId)).toEqual([{ quantity: 3, status: 'reserved', held: 3 }]);
    expect(await lineOf(child.orderId)).toEqual([{ quantity: 2, status: 'backordered', held: 0 }]);
    await expectReservationsConsistent(['PUL-5L']);
  });

  it('refuses to split what is already picked', async () => {
    const labelled = await labelledOrder(t, [{ sku: 'GAN-L', quantity: 2 }]);
    const [line] = await db().select().from(orderLines).where(eq(orderLines.orderId, labelled.orderId));
    const res = await desk.post(`/api/orders/${labelled.orderId}/split`, {
      reason: 'x',
      lines: [{ orderLineId: line!.id, quantity: 1 }],
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('order_not_splittable');
  });
});
