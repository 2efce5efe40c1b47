import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { waveOrders } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { isUniqueViolation } from '../scans/scan-replay.js';
import { findWave } from './get-wave.js';

const toteCodePattern = /^tot_[0-9a-z]{4,40}$/i;

/**
 * Cluster picking: each tote scanned at the start of the wave goes to the next order without one, in slot
 * order. Scanning a tote already on this cart answers with its order (a retry, not a second tote).
 */
export async function assignTote(db: Database, actor: Actor, waveId: string, rawCode: string, now: Date) {
  const toteCode = rawCode.trim();
  if (!toteCodePattern.test(toteCode)) {
    throw new AppError('scan_not_a_tote', 422, `"${toteCode}" is not a tote label. Scan a tote (tot_…).`, {
      expected: 'tot_…',
    });
  }
  const wave = await findWave(db, waveId);
  if (wave.mode !== 'cluster' || wave.status !== 'picking') {
    throw new AppError('wave_not_cluster', 409, 'Totes are assigned to a started cluster wave only.', {
      expected: 'picking cluster wave',
    });
  }
  const [already] = await db
    .select()
    .from(waveOrders)
    .where(and(eq(waveOrders.waveId, waveId), eq(waveOrders.toteCode, toteCode)));
  if (already)
    return { ...(await remainingOf(db, waveId)), orderId: already.orderId, slot: already.slot, toteCode };
  try {
    return await db.transaction(async (tx) => {
      const [next] = await tx
        .select({ orderId: waveOrders.orderId, slot: waveOrders.slot })
        .from(waveOrders)
        .where(and(eq(waveOrders.waveId, waveId), isNull(waveOrders.toteCode)))
        .orderBy(asc(waveOrders.slot))
        .limit(1);
      if (!next)
        throw new AppError('wave_totes_complete', 409, 'Every order of this wave already has a tote.');
      const [set] = await tx
        .update(waveOrders)
        .set({ toteCode })
        .where(
          and(
            eq(waveOrders.waveId, waveId),
            eq(waveOrders.orderId, next.orderId),
            isNull(waveOrders.toteCode),
          ),
        )
        .returning();
      if (!set) throw new AppError('pick_conflict', 409, 'Another tote was assigned meanwhile; scan again.');
      await recordEvent(
        tx,
        actor,
        {
          type: 'wave.tote_assigned',
          orderId: next.orderId,
          entityType: 'wave',
          entityId: waveId,
          payload: { toteCode, slot: next.slot },
        },
        now,
      );
      return { ...(await remainingOf(tx, waveId)), orderId: next.orderId, slot: next.slot, toteCode };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError(
        'tote_in_use',
        409,
        `Tote ${toteCode} is on another live cart. Scan an empty tote.`,
        {
          expected: 'a free tote',
        },
      );
    }
    throw err;
  }
}

async function remainingOf(db: Parameters<typeof findWave>[0], waveId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(waveOrders)
    .where(and(eq(waveOrders.waveId, waveId), isNull(waveOrders.toteCode)));
  return { ordersWithoutTote: Number(row?.n ?? 0) };
}
