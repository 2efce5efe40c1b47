import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { bins, pickTasks, reservations } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { requestCycleCount } from '../counts/request-cycle-count.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { findRecordedScan, isUniqueViolation } from '../scans/scan-replay.js';
import { reallocateLine } from '../stock/reallocate-line.js';
import { findWave } from './get-wave.js';
import { recordWaveProgress } from './record-wave-progress.js';
import { refreshOrderPickStatus, settleOrderPickStatus } from './refresh-order-pick-status.js';
import { findStepTasks } from './step-tasks.js';

export type ShortReason = 'short' | 'damaged';

/**
 * The bin is empty or short, or the unit is damaged: what the step still lacks is marked short, each
 * line's reservation moves to another bin (those units join the end of the walk) or the line is
 * backordered, and the bin is put up for a count. One client scan id, one report.
 */
export async function reportShort(
  db: Database,
  actor: Actor,
  input: { waveId: string; clientScanId: string; stepKey: string; reason: ShortReason },
  now: Date,
) {
  const recorded = await findRecordedScan(db, input.clientScanId);
  if (recorded) {
    if (recorded.type !== 'pick.short')
      throw new AppError('scan_already_rejected', 409, 'This client scan id was used for something else.');
    const wave = await findWave(db, input.waveId);
    const p = recorded.payload as {
      units: number;
      reallocated: number;
      backordered: number;
      countId: string;
    };
    return {
      isReplay: true,
      units: p.units,
      reallocated: p.reallocated,
      backordered: p.backordered,
      countId: p.countId,
      waveStatus: wave.status,
    };
  }
  const touched = new Set<string>();
  try {
    const result = await db.transaction(async (tx) => {
      const wave = await findWave(tx, input.waveId);
      if (wave.status !== 'picking')
        throw new AppError('wave_not_picking', 409, `Wave is ${wave.status}; start it first.`, {
          expected: 'picking',
        });
      const { tasks, binId, productId } = await findStepTasks(tx, wave.id, input.stepKey);
      if (tasks.length === 0) {
        throw new AppError(
          'step_not_open',
          409,
          'Nothing is left to pick on this step; it was finished or reported already.',
        );
      }
      let units = 0;
      let reallocated = 0;
      let backordered = 0;
      let added = 0;
      const [maxKey] = await tx
        .select({ n: sql<number>`coalesce(max(${pickTasks.sortKey}), 0)::int` })
        .from(pickTasks)
        .where(eq(pickTasks.waveId, wave.id));
      let sortKey = Number(maxKey?.n ?? 0);
      for (const task of tasks) {
        const missing = task.quantity - task.quantityPicked - task.quantityShort;
        await tx
          .update(pickTasks)
          .set({ quantityShort: sql`${pickTasks.quantityShort} + ${missing}`, status: 'short' })
          .where(and(eq(pickTasks.id, task.id), eq(pickTasks.status, 'open')));
        units += missing;
        const result = await reallocateLine(tx, task.orderLineId, { excludeBinId: binId });
        reallocated += result.reallocated;
        backordered += result.backordered;
        // The units found elsewhere are new reservations: they join this wave at the end of the walk.
        const known = tx
          .select({ id: pickTasks.reservationId })
          .from(pickTasks)
          .where(eq(pickTasks.orderLineId, task.orderLineId));
        const moved = await tx
          .select({
            id: reservations.id,
            binId: reservations.binId,
            quantity: reservations.quantity,
            picked: reservations.quantityPicked,
          })
          .from(reservations)
          .innerJoin(bins, eq(bins.id, reservations.binId))
          .where(
            and(
              eq(reservations.orderLineId, task.orderLineId),
              eq(reservations.status, 'active'),
              notInArray(reservations.id, known),
            ),
          )
          .orderBy(bins.pickSequence);
        for (const r of moved) {
          const quantity = r.quantity - r.picked;
          if (quantity <= 0) continue;
          await tx.insert(pickTasks).values({
            id: newId('pck'),
            waveId: wave.id,
            orderId: task.orderId,
            orderLineId: task.orderLineId,
            reservationId: r.id,
            binId: r.binId,
            productId,
            slot: task.slot,
            quantity,
            sortKey: ++sortKey,
          });
          added += quantity;
        }
        await refreshOrderPickStatus(tx, task.orderId, now);
        touched.add(task.orderId);
      }
      const countId = await requestCycleCount(
        tx,
        {
          binId,
          productId,
          reason: input.reason === 'damaged' ? 'damaged_at_pick' : 'short_pick',
          orderLineId: tasks[0]!.orderLineId,
        },
        now,
      );
      const payload = {
        waveId: wave.id,
        binId,
        productId,
        reason: input.reason,
        units,
        reallocated,
        backordered,
        countId,
      };
      await recordEvent(
        tx,
        actor,
        {
          type: 'pick.short',
          orderId: tasks.length === 1 ? tasks[0]!.orderId : null,
          entityType: 'wave',
          entityId: wave.id,
          clientScanId: input.clientScanId,
          payload,
        },
        now,
      );
      const progress = await recordWaveProgress(tx, actor, wave.id, { short: units, added }, now);
      return { isReplay: false, units, reallocated, backordered, countId, waveStatus: progress.status };
    });
    await settleOrderPickStatus(db, [...touched], now);
    return result;
  } catch (err) {
    if (isUniqueViolation(err) && (await findRecordedScan(db, input.clientScanId)))
      return reportShort(db, actor, input, now);
    throw err;
  }
}
