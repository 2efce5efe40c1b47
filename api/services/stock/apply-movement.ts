import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { binStock, type movementReasons, stockMovements } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../events/record-event.js';

export interface MovementInput {
  productId: string;
  binId: string;
  /** Signed change of on-hand in this bin. */
  delta: number;
  reason: (typeof movementReasons)[number];
  reference?: string | null;
  lot?: string | null;
  expiresOn?: string | null;
}

/**
 * The only way on-hand changes: one ledger row and the matching change of `bin_stock`, in the caller's
 * transaction. A decrease is a conditional update that keeps on-hand at or above what is reserved, so
 * no path takes stock below zero or below what orders hold; when it cannot, nothing is written.
 */
export async function applyMovement(
  tx: Executor,
  actor: Actor,
  input: MovementInput,
  now: Date,
): Promise<{ onHand: number; reserved: number }> {
  if (!Number.isInteger(input.delta)) throw new Error('movement delta must be an integer');
  const where = and(eq(binStock.binId, input.binId), eq(binStock.productId, input.productId));
  let row: { onHand: number; reserved: number } | undefined;
  if (input.delta >= 0) {
    [row] = await tx
      .insert(binStock)
      .values({ id: newId('bin'), binId: input.binId, productId: input.productId, onHand: input.delta })
      .onConflictDoUpdate({
        target: [binStock.binId, binStock.productId],
        set: { onHand: sql`${binStock.onHand} + ${input.delta}` },
      })
      .returning({ onHand: binStock.onHand, reserved: binStock.reserved });
  } else {
    [row] = await tx
      .update(binStock)
      .set({ onHand: sql`${binStock.onHand} + ${input.delta}` })
      .where(and(where, sql`${binStock.onHand} + ${input.delta} >= ${binStock.reserved}`))
      .returning({ onHand: binStock.onHand, reserved: binStock.reserved });
    if (!row) {
      const [current] = await tx
        .select({ onHand: binStock.onHand, reserved: binStock.reserved })
        .from(binStock)
        .where(where);
      const free = current ? current.onHand - current.reserved : 0;
      throw new AppError(
        'stock_insufficient',
        409,
        `Only ${free} unreserved unit(s) in this bin (on hand ${current?.onHand ?? 0}, reserved ${current?.reserved ?? 0}); cannot take ${-input.delta}.`,
        { binId: input.binId, productId: input.productId, available: free, requested: -input.delta },
      );
    }
  }
  if (input.delta !== 0) {
    await tx.insert(stockMovements).values({
      id: newId('mov'),
      productId: input.productId,
      binId: input.binId,
      delta: input.delta,
      reason: input.reason,
      reference: input.reference ?? null,
      lot: input.lot ?? null,
      expiresOn: input.expiresOn ?? null,
      userId: actor.userId ?? null,
      deviceId: actor.deviceId ?? null,
      createdAt: now,
    });
  }
  return row!;
}
