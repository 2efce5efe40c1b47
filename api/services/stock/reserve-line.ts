import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { binStock, bins, reservations } from '../../../db/schema/index.js';

/**
 * Reserves up to `quantity` units for one order line, bin by bin in pick order. Each bin is taken by a
 * conditional UPDATE (`on_hand - reserved >= n`), so concurrent ingests can never reserve the same unit
 * twice: the loser's update matches no row and it moves on. Returns the quantity reserved.
 */
export async function reserveLine(
  tx: Executor,
  line: { id: string; productId: string; quantity: number },
  options: { excludeBinId?: string | null } = {},
): Promise<number> {
  let missing = line.quantity;
  const candidates = await tx
    .select({ binId: binStock.binId, available: sql<number>`${binStock.onHand} - ${binStock.reserved}` })
    .from(binStock)
    .innerJoin(bins, eq(bins.id, binStock.binId))
    .where(
      and(
        eq(binStock.productId, line.productId),
        sql`${binStock.onHand} - ${binStock.reserved} > 0`,
        options.excludeBinId ? ne(binStock.binId, options.excludeBinId) : undefined,
      ),
    )
    .orderBy(asc(bins.pickSequence), asc(bins.code));
  for (const candidate of candidates) {
    if (missing === 0) break;
    const take = await takeFromBin(tx, candidate.binId, line.productId, missing);
    if (take === 0) continue;
    await tx.insert(reservations).values({
      id: newId('rsv'),
      orderLineId: line.id,
      productId: line.productId,
      binId: candidate.binId,
      quantity: take,
    });
    missing -= take;
  }
  return line.quantity - missing;
}

/**
 * Reserves min(wanted, available) in this bin by a conditional UPDATE (`on_hand - reserved >= n`). When a
 * concurrent taker got there first the update matches nothing: re-read what is left and try again.
 */
async function takeFromBin(tx: Executor, binId: string, productId: string, wanted: number) {
  for (;;) {
    const [row] = await tx
      .select({ available: sql<number>`${binStock.onHand} - ${binStock.reserved}` })
      .from(binStock)
      .where(and(eq(binStock.binId, binId), eq(binStock.productId, productId)));
    const take = Math.min(wanted, Number(row?.available ?? 0));
    if (take <= 0) return 0;
    const updated = await tx
      .update(binStock)
      .set({ reserved: sql`${binStock.reserved} + ${take}` })
      .where(
        and(
          eq(binStock.binId, binId),
          eq(binStock.productId, productId),
          sql`${binStock.onHand} - ${binStock.reserved} >= ${take}`,
        ),
      )
      .returning({ binId: binStock.binId });
    if (updated.length > 0) return take;
  }
}
