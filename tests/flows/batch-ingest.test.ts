import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullChannel } from '../../api/services/channels/pull-channel.js';
import { orders, parkedOrders, reservations } from '../../db/schema/index.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/** A page is ingested in one transaction; a bad order in it is parked alone and the page still lands. */
describe('batch ingest of a pulled page', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('ingests a page of 120 orders with one reservation per line', async () => {
    const made = Array.from({ length: 120 }, () =>
      t.simulator.createOrder({ lines: [{ sku: 'GRA-TOM', quantity: 1 }] }),
    );
    const summary = await pullChannel(t.system.deps, t.channelId);
    expect(summary.created).toBe(120);
    const { db } = t.system.deps;
    const stored = await db.select({ id: orders.id }).from(orders);
    expect(stored.length).toBe(120);
    expect((await db.select().from(reservations)).length).toBe(120);
    expect(new Set(made.map((m) => m.order_id)).size).toBe(120);
  });

  it('parks an order the database refuses (duplicate line ids) and keeps the rest of the page', async () => {
    const good = t.simulator.createOrder({ lines: [{ sku: 'SEC-220', quantity: 1 }] });
    const bad = t.simulator.buildOrder({
      lines: [
        { sku: 'GAN-M', quantity: 1 },
        { sku: 'GAN-L', quantity: 1 },
      ],
    });
    bad.order_lines[1]!.order_line_id = bad.order_lines[0]!.order_line_id;
    t.simulator.addRawOrder(bad);
    const after = t.simulator.createOrder({ lines: [{ sku: 'NIC-BOIS', quantity: 1 }] });
    const summary = await pullChannel(t.system.deps, t.channelId);
    expect(summary.parked).toBe(1);
    const { db } = t.system.deps;
    for (const id of [good.order_id, after.order_id]) {
      expect(await db.select().from(orders).where(eq(orders.externalId, id))).toHaveLength(1);
    }
    expect(await db.select().from(orders).where(eq(orders.externalId, bad.order_id))).toHaveLength(0);
    const [parked] = await db.select().from(parkedOrders).where(eq(parkedOrders.externalId, bad.order_id));
    expect(parked?.reason).toMatch(/Could not be stored/);
    expect(parked?.reason).toMatch(/order_lines_order_external_uq/);
  });
});
