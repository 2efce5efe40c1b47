import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { orders, waveOrders, waves } from '../../../db/schema/index.js';
import { waveNotFound } from './wave-errors.js';
import { loadSteps, type WaveStep } from './wave-steps.js';

export type WaveRow = typeof waves.$inferSelect;

export function waveSummary(w: WaveRow) {
  return {
    id: w.id,
    name: w.name,
    status: w.status,
    mode: w.mode,
    unitsTotal: w.unitsTotal,
    unitsPicked: w.unitsPicked,
    unitsShort: w.unitsShort,
    pickerUserId: w.pickerUserId,
    createdAt: w.createdAt.toISOString(),
  };
}

export async function findWave(tx: Executor, waveId: string): Promise<WaveRow> {
  const [wave] = await tx.select().from(waves).where(eq(waves.id, waveId));
  if (!wave) throw waveNotFound(waveId);
  return wave;
}

/**
 * The whole wave as the handheld caches it for offline picking: its orders (slot, tote) and every open
 * step in walking order, with the barcodes each step accepts.
 */
export async function getWave(tx: Executor, waveId: string) {
  const wave = await findWave(tx, waveId);
  const members = await tx
    .select({
      orderId: waveOrders.orderId,
      externalId: orders.externalId,
      slot: waveOrders.slot,
      toteCode: waveOrders.toteCode,
    })
    .from(waveOrders)
    .innerJoin(orders, eq(orders.id, waveOrders.orderId))
    .where(eq(waveOrders.waveId, waveId))
    .orderBy(asc(waveOrders.slot));
  const steps: WaveStep[] =
    wave.status === 'picking' || wave.status === 'open' ? await loadSteps(tx, waveId, wave.mode) : [];
  return { wave: waveSummary(wave), orders: members, steps };
}
