import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestOrder } from '../../api/services/orders/ingest-order.js';
import { applyMovement } from '../../api/services/stock/apply-movement.js';
import { binStock, orderLines, stockMovements } from '../../db/schema/index.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { canonicalOrder, makeBin, makeChannel, makeProduct, makeWarehouse } from './factories.js';

/**
 * 50 orders for one unit each from 5 channels race for 10 units. On PGlite the transactions serialise,
 * so the property is only really under load on PostgreSQL (DATABASE_URL); the assertions are the same.
 */
describe('reservations under concurrent ingest', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('reserves exactly the 10 units there are and backorders the other 40 lines', async () => {
    const { db, secrets, jobs } = t.system.deps;
    const warehouseId = await makeWarehouse(db);
    // Two bins so the race crosses bins as well as rows.
    const binA = await makeBin(db, warehouseId, 'R-01-01-1', 10);
    const binB = await makeBin(db, warehouseId, 'R-01-02-1', 20);
    const productId = await makeProduct(db, 'RACE-1');
    const now = new Date();
    await db.transaction(async (tx) => {
      await applyMovement(tx, {}, { productId, binId: binA, delta: 6, reason: 'receipt' }, now);
      await applyMovement(tx, {}, { productId, binId: binB, delta: 4, reason: 'receipt' }, now);
    });
    const channelIds: string[] = [];
    for (let i = 0; i < 5; i++) channelIds.push(await makeChannel(db, secrets, `Race ${i}`));

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        ingestOrder(
          { db, jobs },
          { id: channelIds[i % 5]!, requiresAcceptance: false },
          canonicalOrder([{ sku: 'RACE-1', quantity: 1 }], `RACE-${i}`),
          {},
          now,
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

    const lines = await db
      .select({ status: orderLines.status, n: sql<number>`count(*)::int` })
      .from(orderLines)
      .where(eq(orderLines.productId, productId))
      .groupBy(orderLines.status);
    const byStatus = Object.fromEntries(lines.map((l) => [l.status, Number(l.n)]));
    expect(byStatus).toEqual({ reserved: 10, backordered: 40 });

    const stock = await db.select().from(binStock).where(eq(binStock.productId, productId));
    for (const row of stock) {
      expect(row.onHand).toBeGreaterThanOrEqual(0);
      expect(row.reserved).toBeLessThanOrEqual(row.onHand);
    }
    expect(stock.reduce((n, r) => n + r.reserved, 0)).toBe(10);
    const [ledger] = await db
      .select({ sum: sql<number>`coalesce(sum(${stockMovements.delta}), 0)::int` })
      .from(stockMovements)
      .where(eq(stockMovements.productId, productId));
    expect(Number(ledger?.sum)).toBe(stock.reduce((n, r) => n + r.onHand, 0));
  }, 120_000);
});
