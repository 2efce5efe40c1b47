import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { returns } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';

/** The parcel is dealt with: the return leaves the bench. Closing twice answers the same. */
export async function closeReturn(db: Database, actor: Actor, returnId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(returns)
      .set({ status: 'closed', closedAt: now })
      .where(and(eq(returns.id, returnId), eq(returns.status, 'open')))
      .returning();
    if (!row) {
      const [current] = await tx.select().from(returns).where(eq(returns.id, returnId));
      if (!current) throw notFound('return_not_found', `Return ${returnId} does not exist.`);
      if (current.status === 'closed') return { returnId, status: 'closed' as const };
      throw new AppError('return_not_open', 409, `Return is ${current.status}.`);
    }
    await recordEvent(
      tx,
      actor,
      { type: 'return.closed', orderId: row.orderId, entityType: 'return', entityId: returnId },
      now,
    );
    return { returnId, status: 'closed' as const };
  });
}
