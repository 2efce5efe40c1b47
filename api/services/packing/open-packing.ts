import { and, desc, eq, max, ne, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { orderLines, orders, packBoxes, waveOrders, waves } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { applyShippingRulesToUndecided } from '../shipping-rules/apply-shipping-rules.js';
import { getPackingView } from './get-packing-view.js';

const packable = new Set(['picked', 'packed']);

/** The order a station scan names: a tote from picking (`tot_…`), an order id, or the channel's order number. */
async function resolveOrder(db: Executor, rawCode: string) {
  const code = rawCode.trim();
  if (/^tot_/i.test(code)) {
    // A tote is reused wave after wave: the latest wave that carried it holds the order now at the station.
    const [held] = await db
      .select({ id: orders.id, status: orders.status })
      .from(waveOrders)
      .innerJoin(waves, eq(waves.id, waveOrders.waveId))
      .innerJoin(orders, eq(orders.id, waveOrders.orderId))
      .where(eq(waveOrders.toteCode, code))
      .orderBy(desc(waves.createdAt))
      .limit(1);
    if (!held)
      throw new AppError('tote_empty', 404, `Tote ${code} carries no order. Scan the order's packing slip.`, {
        expected: 'a tote from picking or an order number',
      });
    return held;
  }
  const found = await db
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(or(eq(orders.id, code), eq(orders.externalId, code)))
    .limit(2);
  if (found.length === 0)
    throw new AppError('order_not_found', 404, `"${code}" is neither a tote nor an order number.`, {
      expected: 'a tote (tot_…) or an order number',
    });
  if (found.length > 1)
    throw new AppError('order_ambiguous', 409, `Several channels have an order "${code}": scan its tote.`);
  return found[0]!;
}

/**
 * Opens an order at the packing station from a scan. A box is ready to fill while units remain to pack;
 * a second station opening the same order shares its open box (one open box per order, by a unique key).
 */
export async function openPacking(db: Database, code: string, now: Date) {
  const order = await resolveOrder(db, code);
  if (!packable.has(order.status))
    throw new AppError(
      'order_not_packable',
      409,
      order.status === 'shipped'
        ? `Order ${order.id} has already shipped.`
        : `Order ${order.id} is ${order.status}; only fully picked orders are packed.`,
      { expected: 'a picked order' },
    );
  // The station shows, and checks the boxes against, the carrier the shipping rules choose.
  await applyShippingRulesToUndecided(db, now, [order.id]);
  await ensureOpenBox(db, order.id, now);
  return getPackingView(db, order.id);
}

/** Opens the next box unless one is open or every unit is already packed. */
export async function ensureOpenBox(db: Executor, orderId: string, now: Date) {
  const [left] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orderLines)
    .where(
      and(
        eq(orderLines.orderId, orderId),
        ne(orderLines.status, 'cancelled'),
        sql`${orderLines.quantityPacked} < ${orderLines.quantity}`,
      ),
    );
  if (!left || Number(left.n) === 0) return;
  const [last] = await db
    .select({ seq: max(packBoxes.seq) })
    .from(packBoxes)
    .where(eq(packBoxes.orderId, orderId));
  await db
    .insert(packBoxes)
    .values({ id: newId('box'), orderId, seq: (last?.seq ?? 0) + 1, status: 'open', createdAt: now })
    .onConflictDoNothing();
}
