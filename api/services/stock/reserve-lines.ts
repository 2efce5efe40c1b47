import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { binStock, bins, reservations } from '../../../db/schema/index.js';

export interface LineToReserve {
  id: string;
  productId: string;
  quantity: number;
}

/**
 * Reserves many order lines at once (a pulled page): every candidate bin row of their products is locked
 * in one statement, in one fixed order (product, then walking order), so concurrent batches queue behind
 * each other instead of deadlocking. The split is computed in memory, then applied with one conditional
 * UPDATE per bin row touched — the same `on_hand - reserved >= n` guard as `reserveLine`, which cannot
 * fail while the rows are locked; if it ever does, the whole transaction is abandoned. Lines are served
 * in the order given. Returns the quantity reserved per line id.
 */
export async function reserveLines(
  tx: Executor,
  lines: readonly LineToReserve[],
): Promise<Map<string, number>> {
  const reserved = new Map(lines.map((l) => [l.id, 0]));
  if (lines.length === 0) return reserved;
  const productIds = [...new Set(lines.map((l) => l.productId))].sort();
  const rows = await tx
    .select({
      id: binStock.id,
      binId: binStock.binId,
      productId: binStock.productId,
      onHand: binStock.onHand,
      reserved: binStock.reserved,
    })
    .from(binStock)
    .innerJoin(bins, eq(bins.id, binStock.binId))
    .where(inArray(binStock.productId, productIds))
    .orderBy(asc(binStock.productId), asc(bins.pickSequence), asc(bins.code), asc(binStock.id))
    .for('update', { of: binStock });
  const available = new Map(rows.map((r) => [r.id, r.onHand - r.reserved]));
  const taken = new Map<string, number>();
  const toInsert: (typeof reservations.$inferInsert)[] = [];
  for (const line of lines) {
    let missing = line.quantity;
    for (const row of rows) {
      if (missing === 0) break;
      if (row.productId !== line.productId) continue;
      const take = Math.min(missing, available.get(row.id) ?? 0);
      if (take <= 0) continue;
      available.set(row.id, (available.get(row.id) ?? 0) - take);
      taken.set(row.id, (taken.get(row.id) ?? 0) + take);
      toInsert.push({
        id: newId('rsv'),
        orderLineId: line.id,
        productId: line.productId,
        binId: row.binId,
        quantity: take,
      });
      missing -= take;
    }
    reserved.set(line.id, line.quantity - missing);
  }
  for (const [id, take] of taken) {
    const updated = await tx
      .update(binStock)
      .set({ reserved: sql`${binStock.reserved} + ${take}` })
      .where(and(eq(binStock.id, id), sql`${binStock.onHand} - ${binStock.reserved} >= ${take}`))
      .returning({ id: binStock.id });
    if (updated.length === 0) throw new Error(`bin_stock ${id} changed under a row lock`);
  }
  if (toInsert.length > 0) await tx.insert(reservations).values(toInsert);
  return reserved;
}
