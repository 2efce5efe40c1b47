import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { pickTasks, waveOrders } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { resolveProductCode } from '../scans/resolve-scan.js';
import { findRecordedScan, isUniqueViolation } from '../scans/scan-replay.js';
import { findWave } from './get-wave.js';

/**
 * Sort station after a batch walk: each unit scanned is assigned to the first order (by slot) that has
 * it picked but not yet sorted, and the answer says which order and slot it goes to.
 */
export async function sortUnit(
  db: Database,
  actor: Actor,
  input: { waveId: string; clientScanId: string; itemCode: string },
  now: Date,
) {
  const recorded = await findRecordedScan(db, input.clientScanId);
  if (recorded?.type === 'pick.sorted')
    return { isReplay: true, ...(recorded.payload as { orderId: string; slot: number }) };
  if (recorded)
    throw new AppError('scan_already_rejected', 409, 'This client scan id was used for something else.');
  const wave = await findWave(db, input.waveId);
  const product = await resolveProductCode(db, input.itemCode);
  try {
    return await db.transaction(async (tx) => {
      const [task] = product
        ? await tx
            .select({ id: pickTasks.id, orderId: pickTasks.orderId, slot: pickTasks.slot })
            .from(pickTasks)
            .where(
              and(
                eq(pickTasks.waveId, wave.id),
                eq(pickTasks.productId, product.id),
                sql`${pickTasks.quantitySorted} < ${pickTasks.quantityPicked}`,
              ),
            )
            .orderBy(asc(pickTasks.slot))
            .limit(1)
            .for('update')
        : [];
      if (!task) {
        throw new AppError(
          'scan_unexpected_item',
          422,
          `"${input.itemCode}" is not a picked unit of this wave waiting to be sorted.`,
          {
            expected: 'a picked unit of this wave',
          },
        );
      }
      await tx
        .update(pickTasks)
        .set({ quantitySorted: sql`${pickTasks.quantitySorted} + 1` })
        .where(eq(pickTasks.id, task.id));
      const [member] = await tx
        .select({ toteCode: waveOrders.toteCode })
        .from(waveOrders)
        .where(and(eq(waveOrders.waveId, wave.id), eq(waveOrders.orderId, task.orderId)));
      const payload = { orderId: task.orderId, slot: task.slot, toteCode: member?.toteCode ?? null };
      await recordEvent(
        tx,
        actor,
        {
          type: 'pick.sorted',
          orderId: task.orderId,
          entityType: 'wave',
          entityId: wave.id,
          clientScanId: input.clientScanId,
          payload,
        },
        now,
      );
      return { isReplay: false, ...payload };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return sortUnit(db, actor, input, now);
    throw err;
  }
}
