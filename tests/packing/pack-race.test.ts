import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, orderLines, orders } from '../../db/schema/index.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { asJson, type Client, packClients, pickedOrder, type View } from './helpers.js';

// Small, light items so the demo stock covers every order of the test.
const skus = ['GAN-M', 'GAN-L', 'GRA-TOM', 'SEC-220'];
const orderCount = 6;

/**
 * Packers scanning different lines of one order at the same moment (two stations, or one scanner and a
 * replayed offline queue): whichever scan lands last must see the other lines packed and close the order.
 * PGlite serialises transactions, so the race only bites on PostgreSQL; the assertions hold on both.
 */
describe('concurrent pack scans of one order', () => {
  let t: TestSystem;
  let picker: Client;
  let packer: Client;
  const orderIds: string[] = [];

  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    ({ picker, packer } = await packClients(t));
    for (let i = 0; i < orderCount; i++)
      orderIds.push(
        await pickedOrder(
          t,
          picker,
          skus.map((sku) => ({ sku, quantity: 1 })),
        ),
      );
  }, 180_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('marks every order packed when all its lines are scanned at once', async () => {
    const views = await Promise.all(
      orderIds.map(async (id) => asJson<View>(await packer.post('/api/pack/open', { code: id }))),
    );
    // Every scan of every order in flight together: the station route (into the open box) for half of
    // the orders, the plain order route for the other half.
    const responses = await Promise.all(
      views.flatMap((view, i) =>
        view.lines.map((line) => {
          const box = view.boxes.find((b) => b.status === 'open');
          return i % 2 === 0 && box
            ? packer.post(`/api/pack/orders/${view.order.id}/scans`, {
                clientScanId: randomUUID(),
                code: line.barcodes[0],
                boxId: box.id,
              })
            : packer.post(`/api/orders/${view.order.id}/pack-scans`, {
                clientScanId: randomUUID(),
                code: line.barcodes[0],
              });
        }),
      ),
    );
    const statuses = await Promise.all(responses.map(async (r) => `${r.status} ${await r.text()}`));
    expect(statuses.filter((s) => !s.startsWith('200 '))).toEqual([]);

    const db = t.system.deps.db;
    const lines = await db
      .select({ orderId: orderLines.orderId, packed: orderLines.quantityPacked, status: orderLines.status })
      .from(orderLines)
      .where(inArray(orderLines.orderId, orderIds));
    expect(lines).toHaveLength(orderCount * skus.length);
    expect(lines.every((l) => l.packed === 1 && l.status === 'packed')).toBe(true);
    const rows = await db
      .select({ id: orders.id, status: orders.status })
      .from(orders)
      .where(inArray(orders.id, orderIds));
    expect(rows.map((r) => r.status)).toEqual(orderIds.map(() => 'packed'));
    // One scan event per unit, none lost or doubled by the lock.
    const scans = await db.select({ id: events.id }).from(events).where(eq(events.type, 'pack.scanned'));
    expect(scans.length).toBe(orderCount * skus.length);
  }, 120_000);

  it('refuses a further scan once the order is packed', async () => {
    const again = await packer.post(`/api/orders/${orderIds[0]}/pack-scans`, {
      clientScanId: randomUUID(),
      code: 'GAN-M',
    });
    const problem = await asJson<{ code: string }>(again, 409);
    expect(problem.code).toBe('order_not_packable');
  });
});
