import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { type PickMode, waves } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { findWave, waveSummary } from './get-wave.js';

/**
 * A picker takes a wave and chooses how to pick it. Single walks order after order, so the path is
 * renumbered by slot first; batch and cluster walk the bins once. Starting again with the same mode is
 * a no-op (the handheld retries after a lost answer).
 */
export async function startWave(db: Database, actor: Actor, waveId: string, mode: PickMode, now: Date) {
  return db.transaction(async (tx) => {
    const wave = await findWave(tx, waveId);
    if (wave.status === 'picking' && wave.mode === mode) return waveSummary(wave);
    const [started] = await tx
      .update(waves)
      .set({ status: 'picking', mode, pickerUserId: actor.userId ?? null, startedAt: now })
      .where(and(eq(waves.id, waveId), eq(waves.status, 'open')))
      .returning();
    if (!started) {
      throw new AppError(
        'wave_not_startable',
        409,
        `Wave is ${wave.status} in ${wave.mode} mode; only an open wave can be started.`,
        {
          expected: 'open',
        },
      );
    }
    const order =
      mode === 'single'
        ? sql`t.slot, b.pick_sequence, b.code, p.sku`
        : sql`b.pick_sequence, b.code, p.sku, t.slot`;
    await tx.execute(sql`
      update pick_tasks set sort_key = r.n
      from (
        select t.id, row_number() over (order by ${order})::int as n
        from pick_tasks t join bins b on b.id = t.bin_id join products p on p.id = t.product_id
        where t.wave_id = ${waveId}
      ) r
      where pick_tasks.id = r.id`);
    await recordEvent(
      tx,
      actor,
      { type: 'wave.started', entityType: 'wave', entityId: waveId, payload: { mode } },
      now,
    );
    return waveSummary(started);
  });
}
