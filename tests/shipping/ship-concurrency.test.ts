import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestOrder } from '../../api/services/orders/ingest-order.js';
import { scanPack } from '../../api/services/packing/scan-pack.js';
import { getPickList } from '../../api/services/picking/get-pick-list.js';
import { scanPick } from '../../api/services/picking/scan-pick.js';
import { createShipment } from '../../api/services/shipping/create-shipment.js';
import { shipShipment } from '../../api/services/shipping/ship-shipment.js';
import { applyMovement } from '../../api/services/stock/apply-movement.js';
import { binStock, orders, stockMovements } from '../../db/schema/index.js';
import { canonicalOrder, makeBin, makeChannel, makeProduct, makeWarehouse } from '../stock/factories.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Packers ship orders that take units from the same shelves, side by side. Each order holds units of
 * several shared bin rows, reserved in a different order from one order to the next, so two ship
 * transactions that took their rows in the order the reservations come back would take them in opposite
 * orders and one would be aborted by a deadlock. On PostgreSQL (DATABASE_URL) the orders are shipped all
 * at once, over several connections; PGlite is one connection, so there they ship one after the other
 * and the test checks only the stock.
 */
const isPostgres = Boolean(process.env.DATABASE_URL);
const SKUS = ['SHIP-RACE-A', 'SHIP-RACE-B', 'SHIP-RACE-C', 'SHIP-RACE-D'];
const ORDERS = 48;
const UNITS_PER_BIN = 200;

describe('shipping orders that share bins, concurrently', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('ships every order once, with no deadlock, and leaves the stock consistent', async () => {
    const { db, secrets, jobs } = t.system.deps;
    const now = new Date();
    const warehouseId = await makeWarehouse(db);
    const shelves = [
      await makeBin(db, warehouseId, 'S-01-01-1', 10),
      await makeBin(db, warehouseId, 'S-01-02-1', 20),
    ];
    const productIds: string[] = [];
    for (const [i, sku] of SKUS.entries()) {
      const productId = await makeProduct(db, sku, ean13(`40012345678${i}`));
      productIds.push(productId);
      for (const binId of shelves)
        await applyMovement(db, {}, { productId, binId, delta: UNITS_PER_BIN, reason: 'receipt' }, now);
    }
    const channelId = await makeChannel(db, secrets, 'Ship race');

    // Every order takes three of the four products, starting at a different one each time.
    const orderIds: string[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const skus = [0, 1, 2].map((k) => SKUS[(i + k) % SKUS.length]!);
      const ingested = await ingestOrder(
        { db, jobs },
        { id: channelId, requiresAcceptance: false },
        canonicalOrder(
          skus.map((sku) => ({ sku, quantity: 1 })),
          `SHIP-RACE-${i}`,
        ),
        {},
        now,
      );
      orderIds.push(ingested.orderId);
    }
    const shipmentIds: string[] = [];
    for (const orderId of orderIds) shipmentIds.push(await pickPackLabel(orderId, now));

    const ship = (shipmentId: string) => shipShipment({ db, jobs }, {}, shipmentId, now);
    const results: PromiseSettledResult<unknown>[] = [];
    if (isPostgres) results.push(...(await Promise.allSettled(shipmentIds.map(ship))));
    else for (const id of shipmentIds) results.push(...(await Promise.allSettled([ship(id)])));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [describeError(r.reason)] : []));
    expect(failures).toEqual([]);

    const shipped = await db
      .select({ status: orders.status })
      .from(orders)
      .where(inArray(orders.id, orderIds));
    expect(shipped.map((o) => o.status)).toEqual(orderIds.map(() => 'shipped'));
    const stock = await db.select().from(binStock).where(inArray(binStock.productId, productIds));
    expect(stock.every((row) => row.reserved === 0)).toBe(true);
    // 48 orders × 3 units, out of 4 products × 2 bins × 200 units.
    expect(stock.reduce((n, row) => n + row.onHand, 0)).toBe(SKUS.length * 2 * UNITS_PER_BIN - ORDERS * 3);
    const [ledger] = await db
      .select({ sum: sql<number>`coalesce(sum(${stockMovements.delta}), 0)::int` })
      .from(stockMovements)
      .where(inArray(stockMovements.productId, productIds));
    expect(Number(ledger?.sum)).toBe(stock.reduce((n, row) => n + row.onHand, 0));
  }, 120_000);

  /** One order through picking and packing to a labelled shipment, as a picker and a packer would. */
  async function pickPackLabel(orderId: string, now: Date): Promise<string> {
    const { db } = t.system.deps;
    let scan = 0;
    for (const step of await getPickList(db, orderId)) {
      for (let n = step.quantityPicked; n < step.quantity; n++) {
        await scanPick(
          db,
          {},
          {
            orderId,
            clientScanId: `pick-${orderId}-${scan++}`,
            binCode: step.binCode,
            itemCode: step.barcodes[0]!,
            quantity: 1,
          },
          now,
        );
      }
    }
    for (const step of await getPickList(db, orderId))
      for (let n = 0; n < step.quantity; n++)
        await scanPack(
          db,
          {},
          { orderId, clientScanId: `pack-${orderId}-${step.orderLineId}-${n}`, code: step.barcodes[0]! },
          now,
        );
    const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    expect(order?.status).toBe('packed');
    return (await createShipment(db, {}, { orderId }, now)).shipmentId;
  }
});

/** A deadlock shows as PostgreSQL's 40P01, on the error or its cause. */
function describeError(err: unknown): string {
  const code = (err as { code?: unknown })?.code ?? (err as { cause?: { code?: unknown } })?.cause?.code;
  return `${String(code ?? '')} ${err instanceof Error ? err.message : String(err)}`.trim();
}

/** The 12 digits with their EAN-13 check digit. */
function ean13(digits: string): string {
  const sum = [...digits].reduce((n, d, i) => n + Number(d) * (i % 2 ? 3 : 1), 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}
