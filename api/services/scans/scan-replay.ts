import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { events } from '../../../db/schema/index.js';

/**
 * A device re-sends a scan when it did not see the answer (lost Wi-Fi, offline replay). The first
 * recording wins: the caller answers from it instead of applying the scan twice.
 */
export async function findRecordedScan(tx: Executor, clientScanId: string) {
  const [row] = await tx.select().from(events).where(eq(events.clientScanId, clientScanId));
  return row ?? null;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
