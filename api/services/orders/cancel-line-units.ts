import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import {
  binStock,
  orderLines,
  pickTasks,
  reservations,
  waveOrders,
  waves,
} from '../../../db/schema/index.js';
import { releaseLine } from '../stock/release-line.js';

type LineRow = typeof orderLines.$inferSelect;

export interface LineCancellation {
  orderLineId: string;
  sku: string;
  /** Units taken off the line. */
  units: number;
  /** Of those, units that were already picked: the packer puts them back on the shelf. */
  pickedUnits: number;
  /** Units the channel cancelled that sit packed in a box: left on the line for a person to sort out. */
  packedUnits: number;
  isWhole: boolean;
}

const closed = new Set(['shipped', 'cancelled', 'refused']);

/**
 * The channel no longer wants `units` of one line. Unpicked units go first, then picked ones; units
 * already packed are not taken off (the box would no longer match the line) and are reported instead.
 * What the line held is given back to its bins (on-hand never moved: units leave the shelf only when
 * shipped), and open pick tasks shrink with it so their wave can still finish. Call inside the
 * transaction that applies the channel's update, with the order row locked.
 */
export async function cancelLineUnits(
  tx: Executor,
  line: LineRow,
  requested: number,
  now: Date,
): Promise<LineCancellation | null> {
  if (closed.has(line.status) || requested <= 0) return null;
  const cancellable = line.quantity - line.quantityPacked;
  const units = Math.min(requested, cancellable);
  const packedUnits = requested - units;
  if (units <= 0)
    return { orderLineId: line.id, sku: line.sku, units: 0, pickedUnits: 0, packedUnits, isWhole: false };
  const unpicked = line.quantity - line.quantityPicked;
  const fromUnpicked = Math.min(units, unpicked);
  const fromPicked = units - fromUnpicked;
  const isWhole = units === line.quantity;

  const held = await tx
    .select()
    .from(reservations)
    .where(and(eq(reservations.orderLineId, line.id), eq(reservations.status, 'active')))
    .for('update');
  await withdrawOpenTasks(
    tx,
    held.map((r) => r.id),
    isWhole ? Number.POSITIVE_INFINITY : fromUnpicked,
    now,
  );
  if (isWhole) {
    await releaseLine(tx, line.id);
    await tx
      .update(orderLines)
      .set({
        status: 'cancelled',
        quantityCancelled: sql`${orderLines.quantityCancelled} + ${units}`,
        quantityCancelledPicked: sql`${orderLines.quantityCancelledPicked} + ${line.quantityPicked}`,
      })
      .where(eq(orderLines.id, line.id));
    return {
      orderLineId: line.id,
      sku: line.sku,
      units,
      pickedUnits: line.quantityPicked,
      packedUnits,
      isWhole,
    };
  }

  let unpickedLeft = fromUnpicked;
  let pickedLeft = fromPicked;
  let stillHeld = 0;
  for (const r of held) {
    const fromFree = Math.min(unpickedLeft, r.quantity - r.quantityPicked);
    const fromTote = Math.min(pickedLeft, r.quantityPicked);
    unpickedLeft -= fromFree;
    pickedLeft -= fromTote;
    const take = fromFree + fromTote;
    stillHeld += r.quantity - take;
    if (take === 0) continue;
    await tx
      .update(reservations)
      .set({
        quantity: r.quantity - take,
        quantityPicked: r.quantityPicked - fromTote,
        ...(r.quantity === take ? { status: 'released' as const } : {}),
      })
      .where(eq(reservations.id, r.id));
    await tx
      .update(binStock)
      .set({ reserved: sql`${binStock.reserved} - ${take}` })
      .where(and(eq(binStock.binId, r.binId), eq(binStock.productId, r.productId)));
  }
  const quantity = line.quantity - units;
  const picked = line.quantityPicked - fromPicked;
  let status = line.status;
  if (status === 'reserved' || status === 'backordered') {
    if (picked === quantity) status = 'picked';
    else if (status === 'backordered' && stillHeld >= quantity) status = 'reserved';
  }
  await tx
    .update(orderLines)
    .set({
      quantity,
      quantityPicked: picked,
      status,
      quantityCancelled: sql`${orderLines.quantityCancelled} + ${units}`,
      quantityCancelledPicked: sql`${orderLines.quantityCancelledPicked} + ${fromPicked}`,
    })
    .where(eq(orderLines.id, line.id));
  return { orderLineId: line.id, sku: line.sku, units, pickedUnits: fromPicked, packedUnits, isWhole };
}

/**
 * Open pick tasks on these reservations lose up to `units` not yet picked, and their waves' totals with
 * them; a wave whose remaining units were all withdrawn is done, as if its last unit had been picked.
 */
export async function withdrawOpenTasks(tx: Executor, reservationIds: string[], units: number, now: Date) {
  if (reservationIds.length === 0 || units <= 0) return;
  const open = await tx
    .select()
    .from(pickTasks)
    .where(and(inArray(pickTasks.reservationId, reservationIds), eq(pickTasks.status, 'open')))
    .for('update');
  let left = units;
  const byWave = new Map<string, number>();
  for (const task of open) {
    const take = Math.min(left, task.quantity - task.quantityPicked - task.quantityShort);
    if (take <= 0) continue;
    left -= take;
    const isDone = task.quantityPicked + task.quantityShort === task.quantity - take;
    await tx
      .update(pickTasks)
      .set({
        quantity: task.quantity - take,
        ...(isDone
          ? { status: task.quantityPicked > 0 || task.quantityShort === 0 ? 'picked' : 'short' }
          : {}),
      })
      .where(eq(pickTasks.id, task.id));
    byWave.set(task.waveId, (byWave.get(task.waveId) ?? 0) + take);
  }
  for (const [waveId, withdrawn] of byWave) {
    const finishes = sql`${waves.status} = 'picking' and ${waves.unitsPicked} + ${waves.unitsShort} >= ${waves.unitsTotal} - ${withdrawn}`;
    const [wave] = await tx
      .update(waves)
      .set({
        unitsTotal: sql`${waves.unitsTotal} - ${withdrawn}`,
        status: sql`case when ${finishes} then 'done' else ${waves.status} end`,
        completedAt: sql`case when ${finishes} then ${now.toISOString()}::timestamptz else ${waves.completedAt} end`,
      })
      .where(eq(waves.id, waveId))
      .returning({ status: waves.status });
    if (wave?.status === 'done')
      await tx
        .update(waveOrders)
        .set({ isOpen: false })
        .where(and(eq(waveOrders.waveId, waveId), eq(waveOrders.isOpen, true)));
  }
}
