import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { waveOrders, waves } from '../../../db/schema/index.js';
import { type Actor, recordEvent } from '../events/record-event.js';

/**
 * Adds picked / short / newly planned units to the wave's counters (kept by conditional update, so the
 * check constraint rejects a double count) and closes the wave when nothing is left.
 */
export async function recordWaveProgress(
  tx: Executor,
  actor: Actor,
  waveId: string,
  delta: { picked?: number; short?: number; added?: number },
  now: Date,
) {
  const [wave] = await tx
    .update(waves)
    .set({
      unitsPicked: sql`${waves.unitsPicked} + ${delta.picked ?? 0}`,
      unitsShort: sql`${waves.unitsShort} + ${delta.short ?? 0}`,
      unitsTotal: sql`${waves.unitsTotal} + ${delta.added ?? 0}`,
    })
    .where(and(eq(waves.id, waveId), eq(waves.status, 'picking')))
    .returning();
  if (!wave) throw new Error(`wave ${waveId} is not picking`);
  if (wave.unitsPicked + wave.unitsShort < wave.unitsTotal) return wave;
  const [done] = await tx
    .update(waves)
    .set({ status: 'done', completedAt: now })
    .where(and(eq(waves.id, waveId), eq(waves.status, 'picking')))
    .returning();
  await tx.update(waveOrders).set({ isOpen: false }).where(eq(waveOrders.waveId, waveId));
  await recordEvent(
    tx,
    actor,
    {
      type: 'wave.completed',
      entityType: 'wave',
      entityId: waveId,
      payload: { picked: wave.unitsPicked, short: wave.unitsShort },
    },
    now,
  );
  return done ?? wave;
}
