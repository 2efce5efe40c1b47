import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeCycleCount } from '../../api/services/counts/complete-cycle-count.js';
import { recordCountScan } from '../../api/services/counts/record-count-scan.js';
import { requestCycleCount } from '../../api/services/counts/request-cycle-count.js';
import { ingestOrder } from '../../api/services/orders/ingest-order.js';
import { applyMovement } from '../../api/services/stock/apply-movement.js';
import { reallocateLine } from '../../api/services/stock/reallocate-line.js';
import { binStock, orderLines, reservations, stockMovements } from '../../db/schema/index.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { canonicalOrder, makeBin, makeChannel, makeProduct, makeWarehouse } from './factories.js';

type Op =
  | { kind: 'receipt'; bin: number; quantity: number }
  | { kind: 'order'; quantity: number }
  | { kind: 'cancel'; order: number }
  | { kind: 'shortPick'; reservation: number; picked: number }
  | { kind: 'count'; bin: number; counted: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('receipt' as const),
    bin: fc.nat(2),
    quantity: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({ kind: fc.constant('order' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('cancel' as const), order: fc.nat(20) }),
  fc.record({ kind: fc.constant('shortPick' as const), reservation: fc.nat(20), picked: fc.nat(2) }),
  fc.record({ kind: fc.constant('count' as const), bin: fc.nat(2), counted: fc.nat(8) }),
);

/**
 * Random sequences of everything that moves stock, against the real services and database. After each
 * sequence: on-hand per bin equals the sum of its movements, reserved equals the active reservations and
 * never exceeds on-hand, and no line holds more than it ordered.
 */
describe('stock ledger invariants over random operations', () => {
  let t: TestSystem;
  let channelId: string;
  let warehouseId: string;
  let run = 0;
  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    channelId = await makeChannel(t.system.deps.db, t.system.deps.secrets, 'Property channel');
    warehouseId = await makeWarehouse(t.system.deps.db);
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('keeps on-hand = Σ movements and 0 ≤ reserved ≤ on-hand', async () => {
    const { db, jobs } = t.system.deps;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 18 }), async (ops) => {
        run++;
        const sku = `PROP-${run}`;
        const productId = await makeProduct(db, sku);
        const bins = [
          await makeBin(db, warehouseId, `P${run}-1`, 1),
          await makeBin(db, warehouseId, `P${run}-2`, 2),
          await makeBin(db, warehouseId, `P${run}-3`, 3),
        ];
        const orders: string[] = [];
        let scan = 0;
        for (const step of ops) {
          const now = new Date();
          if (step.kind === 'receipt') {
            await db.transaction((tx) =>
              applyMovement(
                tx,
                {},
                { productId, binId: bins[step.bin]!, delta: step.quantity, reason: 'receipt' },
                now,
              ),
            );
          } else if (step.kind === 'order') {
            const externalId = `${sku}-O${orders.length}`;
            orders.push(externalId);
            await ingestOrder(
              { db, jobs },
              { id: channelId, requiresAcceptance: false },
              canonicalOrder([{ sku, quantity: step.quantity }], externalId),
              {},
              now,
            );
          } else if (step.kind === 'cancel') {
            const externalId = orders[step.order % Math.max(1, orders.length)];
            if (!externalId) continue;
            const order = {
              ...canonicalOrder([{ sku, quantity: 1 }], externalId),
              status: 'cancelled' as const,
              channelStatus: 'CANCELED',
              updatedAt: new Date(Date.now() + 60_000).toISOString(),
            };
            await ingestOrder({ db, jobs }, { id: channelId, requiresAcceptance: false }, order, {}, now);
          } else if (step.kind === 'shortPick') {
            await shortPick(step.reservation, step.picked, productId, now);
          } else {
            const countId = await db.transaction((tx) =>
              requestCycleCount(tx, { binId: bins[step.bin]!, productId, reason: 'property' }, now),
            );
            if (step.counted > 0) {
              await recordCountScan(
                db,
                {},
                countId,
                {
                  clientScanId: `${sku}-scan-${scan++}`,
                  binCode: bins[step.bin]!,
                  itemCode: sku,
                  quantity: step.counted,
                },
                now,
              );
            }
            await completeCycleCount({ db, jobs }, {}, countId, now);
          }
        }
        await checkInvariants(productId);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  /** The picker took `picked` units (at most what was left) and found the rest missing. */
  async function shortPick(index: number, picked: number, productId: string, now: Date) {
    const { db } = t.system.deps;
    const active = await db
      .select()
      .from(reservations)
      .where(
        and(
          eq(reservations.productId, productId),
          eq(reservations.status, 'active'),
          sql`${reservations.quantityPicked} < ${reservations.quantity}`,
        ),
      )
      .orderBy(reservations.id);
    const r = active[index % Math.max(1, active.length)];
    if (!r) return;
    const take = Math.min(picked, r.quantity - r.quantityPicked - 1);
    await db.transaction(async (tx) => {
      if (take > 0) {
        await tx
          .update(reservations)
          .set({ quantityPicked: sql`${reservations.quantityPicked} + ${take}` })
          .where(eq(reservations.id, r.id));
        await tx
          .update(orderLines)
          .set({ quantityPicked: sql`${orderLines.quantityPicked} + ${take}` })
          .where(eq(orderLines.id, r.orderLineId));
      }
      await reallocateLine(tx, r.orderLineId, { excludeBinId: r.binId });
      await requestCycleCount(
        tx,
        { binId: r.binId, productId, reason: 'short_pick', orderLineId: r.orderLineId },
        now,
      );
    });
  }

  async function checkInvariants(productId: string) {
    const { db } = t.system.deps;
    const stock = await db.select().from(binStock).where(eq(binStock.productId, productId));
    const ledger = await db
      .select({ binId: stockMovements.binId, sum: sql<number>`sum(${stockMovements.delta})::int` })
      .from(stockMovements)
      .where(eq(stockMovements.productId, productId))
      .groupBy(stockMovements.binId);
    const held = await db
      .select({ binId: reservations.binId, sum: sql<number>`sum(${reservations.quantity})::int` })
      .from(reservations)
      .where(and(eq(reservations.productId, productId), eq(reservations.status, 'active')))
      .groupBy(reservations.binId);
    for (const row of stock) {
      expect(row.onHand).toBe(Number(ledger.find((l) => l.binId === row.binId)?.sum ?? 0));
      expect(row.reserved).toBeGreaterThanOrEqual(0);
      expect(row.reserved).toBeLessThanOrEqual(row.onHand);
      expect(row.reserved).toBe(Number(held.find((h) => h.binId === row.binId)?.sum ?? 0));
    }
    const overHeld = await db
      .select({ id: orderLines.id })
      .from(orderLines)
      .where(
        and(
          eq(orderLines.productId, productId),
          sql`${orderLines.quantity} < (select coalesce(sum(${reservations.quantity}), 0) from ${reservations} where ${reservations.orderLineId} = ${orderLines.id} and ${reservations.status} = 'active')`,
        ),
      );
    expect(overHeld).toEqual([]);
  }
});
