import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapEbayOrder } from '../../api/channels/ebay/mapper.js';
import { pullChannel } from '../../api/services/channels/pull-channel.js';
import { binStock, events, orderLines, orders, reservations, stockMovements } from '../../db/schema/index.js';
import { miraklDate } from '../fakes/mirakl/order-factory.js';
import { acceptOrder } from '../fakes/mirakl/store.js';
import { signIn, startTestSystem, type TestSystem } from '../support/system.js';

/**
 * A channel cancels one line of an order we already imported: the next pull releases what that line
 * held, records the cancelled units on the line, cancels the order once no line is left, and tells the
 * packer when the units were already picked.
 */
describe('line cancelled at the channel after import', () => {
  let t: TestSystem;
  let clock = Date.now();
  const later = () => {
    clock += 60_000;
    return new Date(clock);
  };

  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function readyOrder(lines: { sku: string; quantity: number }[]) {
    const sim = t.simulator.createOrder({ lines });
    await pullChannel(t.system.deps, t.channelId);
    acceptOrder(
      t.simulator.state,
      sim.order_id,
      sim.order_lines.map((l) => ({ id: l.order_line_id, accepted: true })),
      later(),
    );
    await pullChannel(t.system.deps, t.channelId);
    const [order] = await t.system.deps.db.select().from(orders).where(eq(orders.externalId, sim.order_id));
    expect(order?.status).toBe('ready');
    return { sim, orderId: order!.id };
  }

  /** Cancels lines at the fake the way OR29/OR30 leave them: line state CANCELED, order touched. */
  function cancelAtChannel(sim: { order_id: string }, skus: string[]) {
    const order = t.simulator.state.orders.get(sim.order_id)!;
    const stamp = miraklDate(later());
    for (const line of order.order_lines)
      if (skus.includes(String(line.offer_sku))) {
        line.order_line_state = 'CANCELED';
        line.last_updated_date = stamp;
      }
    if (order.order_lines.every((l) => l.order_line_state === 'CANCELED')) order.order_state = 'CANCELED';
    order.last_updated_date = stamp;
  }

  const lineOf = async (orderId: string, sku: string) =>
    (
      await t.system.deps.db
        .select()
        .from(orderLines)
        .where(and(eq(orderLines.orderId, orderId), eq(orderLines.sku, sku)))
    )[0]!;

  const activeHeld = async (lineId: string) =>
    Number(
      (
        await t.system.deps.db
          .select({ n: sql<number>`coalesce(sum(${reservations.quantity}), 0)` })
          .from(reservations)
          .where(and(eq(reservations.orderLineId, lineId), eq(reservations.status, 'active')))
      )[0]?.n ?? 0,
    );

  /** Every bin's reserved count equals what its active reservations hold; on-hand never went negative. */
  async function expectLedgerConsistent() {
    const rows = await t.system.deps.db.execute<{ bin_id: string; reserved: number; held: number }>(sql`
      select b.bin_id, b.reserved, coalesce((select sum(r.quantity) from reservations r
        where r.bin_id = b.bin_id and r.product_id = b.product_id and r.status = 'active'), 0)::int as held
      from bin_stock b`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
      reserved: number;
      held: number;
    }[];
    expect(list.length).toBeGreaterThan(0);
    for (const r of list) expect(Number(r.reserved)).toBe(Number(r.held));
  }

  it('Mirakl: one cancelled line gives its stock back and the rest of the order goes on; the last one cancels the order', async () => {
    const { db } = t.system.deps;
    const { sim, orderId } = await readyOrder([
      { sku: 'SEC-220', quantity: 2 },
      { sku: 'GAN-M', quantity: 1 },
    ]);
    const gloves = await lineOf(orderId, 'GAN-M');
    expect(await activeHeld(gloves.id)).toBe(1);
    const [bin] = await db
      .select()
      .from(binStock)
      .innerJoin(reservations, eq(reservations.binId, binStock.binId))
      .where(and(eq(reservations.orderLineId, gloves.id), eq(binStock.productId, gloves.productId)));
    const movementsBefore = (await db.select().from(stockMovements)).length;

    cancelAtChannel(sim, ['GAN-M']);
    const summary = await pullChannel(t.system.deps, t.channelId);
    expect(summary.updated).toBe(1);

    const after = await lineOf(orderId, 'GAN-M');
    expect(after).toMatchObject({ status: 'cancelled', quantityCancelled: 1, quantityCancelledPicked: 0 });
    expect(after.channelStatus ?? 'CANCELED').toBe('CANCELED');
    expect(await activeHeld(gloves.id)).toBe(0);
    const [binAfter] = await db
      .select()
      .from(binStock)
      .where(and(eq(binStock.binId, bin!.bin_stock.binId), eq(binStock.productId, gloves.productId)));
    expect(binAfter!.reserved).toBe(bin!.bin_stock.reserved - 1);
    expect(binAfter!.onHand).toBe(bin!.bin_stock.onHand);
    // Nothing left the shelf: a release is not a movement.
    expect((await db.select().from(stockMovements)).length).toBe(movementsBefore);
    const secateurs = await lineOf(orderId, 'SEC-220');
    expect(secateurs).toMatchObject({ status: 'reserved', quantityCancelled: 0 });
    expect(await activeHeld(secateurs.id)).toBe(2);
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(order?.status).toBe('ready');
    await expectLedgerConsistent();

    // Pulling the same state again changes nothing.
    expect((await pullChannel(t.system.deps, t.channelId)).updated).toBe(0);
    expect((await lineOf(orderId, 'GAN-M')).quantityCancelled).toBe(1);

    cancelAtChannel(sim, ['SEC-220']);
    await pullChannel(t.system.deps, t.channelId);
    const [cancelled] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(cancelled?.status).toBe('cancelled');
    expect((await lineOf(orderId, 'SEC-220')).quantityCancelled).toBe(2);
    expect(await activeHeld(secateurs.id)).toBe(0);
    await expectLedgerConsistent();
  });

  it('Mirakl: a line cancelled after it was picked raises the exception on the order page and at the pack station', async () => {
    const { db } = t.system.deps;
    const { sim, orderId } = await readyOrder([
      { sku: 'POT-30T', quantity: 2 },
      { sku: 'GAN-L', quantity: 1 },
    ]);
    const picker = await signIn(t.app, { badge: 'BADGE-0001', pin: '1234' });
    const steps = (await (await picker.get(`/api/orders/${orderId}/pick-list`)).json()) as {
      sku: string;
      binCode: string;
      barcodes: string[];
      quantity: number;
    }[];
    let n = 0;
    for (const step of steps)
      for (let i = 0; i < step.quantity; i++) {
        const res = await picker.post(`/api/orders/${orderId}/pick-scans`, {
          clientScanId: `lc-${orderId}-${n++}`,
          binCode: step.binCode,
          itemCode: step.barcodes[0],
        });
        expect(res.status).toBe(200);
      }
    expect((await db.select().from(orders).where(eq(orders.id, orderId)))[0]?.status).toBe('picked');
    const pots = await lineOf(orderId, 'POT-30T');
    expect(pots.quantityPicked).toBe(2);

    cancelAtChannel(sim, ['POT-30T']);
    await pullChannel(t.system.deps, t.channelId);

    const after = await lineOf(orderId, 'POT-30T');
    expect(after).toMatchObject({ status: 'cancelled', quantityCancelled: 2, quantityCancelledPicked: 2 });
    expect(await activeHeld(pots.id)).toBe(0);
    expect(await activeHeld((await lineOf(orderId, 'GAN-L')).id)).toBe(1);
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(order?.status).toBe('picked');
    const raised = await db
      .select()
      .from(events)
      .where(and(eq(events.orderId, orderId), eq(events.type, 'order.cancelled_after_pick')));
    expect(raised).toHaveLength(1);
    expect(raised[0]!.payload).toMatchObject({ lines: [{ sku: 'POT-30T', pickedUnits: 2, packedUnits: 0 }] });
    await expectLedgerConsistent();

    const desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
    const page = (await (await desk.get(`/api/orders/${orderId}`)).json()) as {
      lines: { sku: string; quantityCancelled?: number; quantityCancelledPicked?: number }[];
    };
    expect(page.lines.find((l) => l.sku === 'POT-30T')).toMatchObject({
      quantityCancelled: 2,
      quantityCancelledPicked: 2,
    });
  });

  it('eBay: a line refunded in full before shipping is a cancelled line, not a dropped one', () => {
    const pulled = mapEbayOrder({
      orderId: '12-34567-89012',
      creationDate: '2025-03-01T10:00:00.000Z',
      lastModifiedDate: '2025-03-01T12:00:00.000Z',
      orderFulfillmentStatus: 'NOT_STARTED',
      orderPaymentStatus: 'PARTIALLY_REFUNDED',
      pricingSummary: { total: { value: '30.00', currency: 'EUR' } },
      fulfillmentStartInstructions: [
        {
          shippingStep: {
            shipTo: {
              fullName: 'Anne Martin',
              contactAddress: {
                addressLine1: '1 rue de la Paix',
                postalCode: '75002',
                city: 'Paris',
                countryCode: 'FR',
              },
            },
          },
        },
      ],
      lineItems: [
        { lineItemId: 'L1', sku: 'SEC-220', quantity: 1, lineItemCost: { value: '20.00', currency: 'EUR' } },
        {
          lineItemId: 'L2',
          sku: 'GAN-M',
          quantity: 2,
          lineItemCost: { value: '10.00', currency: 'EUR' },
          refunds: [{ amount: { value: '10.00', currency: 'EUR' } }],
        },
      ],
    });
    expect(pulled.ok).toBe(true);
    if (!pulled.ok) return;
    expect(pulled.order.lines.map((l) => [l.externalLineId, l.quantity, l.quantityCancelled])).toEqual([
      ['L1', 1, 0],
      ['L2', 2, 2],
    ]);
  });
});
