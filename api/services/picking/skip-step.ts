import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { pickTasks } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { findRecordedScan, isUniqueViolation } from '../scans/scan-replay.js';
import { findWave } from './get-wave.js';
import { findStepTasks } from './step-tasks.js';

/** Skip and come back: the step moves past the last one of the walk. A re-sent skip moves it once. */
export async function skipStep(
  db: Database,
  actor: Actor,
  input: { waveId: string; clientScanId: string; stepKey: string },
  now: Date,
) {
  if (await findRecordedScan(db, input.clientScanId)) return { isReplay: true };
  try {
    return await db.transaction(async (tx) => {
      const wave = await findWave(tx, input.waveId);
      if (wave.status !== 'picking')
        throw new AppError('wave_not_picking', 409, `Wave is ${wave.status}; start it first.`, {
          expected: 'picking',
        });
      const { tasks, binId, productId } = await findStepTasks(tx, wave.id, input.stepKey);
      if (tasks.length === 0)
        throw new AppError('step_not_open', 409, 'Nothing is left to pick on this step.');
      const [max] = await tx
        .select({ n: sql<number>`coalesce(max(${pickTasks.sortKey}), 0)::int` })
        .from(pickTasks)
        .where(eq(pickTasks.waveId, wave.id));
      await tx
        .update(pickTasks)
        .set({ sortKey: Number(max?.n ?? 0) + 1 })
        .where(
          inArray(
            pickTasks.id,
            tasks.map((t) => t.id),
          ),
        );
      await recordEvent(
        tx,
        actor,
        {
          type: 'pick.skipped',
          entityType: 'wave',
          entityId: wave.id,
          clientScanId: input.clientScanId,
          payload: { waveId: wave.id, binId, productId },
        },
        now,
      );
      return { isReplay: false };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { isReplay: true };
    throw err;
  }
}
