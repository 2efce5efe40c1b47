import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { bins, waveOrders } from '../../../db/schema/index.js';

/**
 * Bin labels carry the bin id (`bin_…`), read by primary key; the shelf code beside it is accepted too.
 * Two lookups rather than one `id = x or code = x`, which no single index serves.
 */
export async function resolveBin(tx: Executor, raw: string) {
  const code = raw.trim();
  const [bin] = await tx
    .select({ id: bins.id, code: bins.code })
    .from(bins)
    .where(code.startsWith('bin_') ? eq(bins.id, code) : eq(bins.code, code))
    .limit(1);
  return bin ?? null;
}

/** The order a tote stands for on this wave's cart. */
export async function resolveTote(tx: Executor, waveId: string, raw: string) {
  const [row] = await tx
    .select({ orderId: waveOrders.orderId, slot: waveOrders.slot })
    .from(waveOrders)
    .where(
      and(eq(waveOrders.toteCode, raw.trim()), eq(waveOrders.waveId, waveId), eq(waveOrders.isOpen, true)),
    );
  return row ?? null;
}
