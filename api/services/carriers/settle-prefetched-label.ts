import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { prefetchedLabels } from '../../../db/schema/index.js';
import { type CarrierDeps, loadCarrier } from './load-carrier.js';

/**
 * Retires a label booked ahead that will not be used: it is cancelled at the carrier so it is not billed;
 * when the carrier refuses or is down, the row says `cancel_failed` for the desk to void it by hand.
 */
export async function settlePrefetchedLabel(
  db: Database,
  deps: CarrierDeps,
  prefetchedId: string,
  outcome: 'discarded',
  now: Date,
): Promise<'discarded' | 'cancel_failed'> {
  const [row] = await db.select().from(prefetchedLabels).where(eq(prefetchedLabels.id, prefetchedId));
  if (row?.status !== 'ready') return 'discarded';
  let status: 'discarded' | 'cancel_failed' = outcome;
  try {
    const adapter = await loadCarrier(db, deps, row.carrierAccountId);
    await adapter.cancel({ carrierShipmentId: row.carrierShipmentId });
  } catch {
    status = 'cancel_failed';
  }
  await db
    .update(prefetchedLabels)
    .set({ status, settledAt: now })
    .where(eq(prefetchedLabels.id, prefetchedId));
  return status;
}
