import type { Database } from '../../../db/client.js';
import type { CanonicalOrder } from '../../channels/canonical.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { ingestInTransaction, lookupProducts, unknownSkuRejection } from './ingest-transaction.js';

export { IngestRejection, type IngestResult, initialStatus } from './ingest-transaction.js';

/**
 * One order in its own transaction (desk orders, webhooks, the per-order fallback of a page): the same
 * transaction as a pulled page, with a batch of one. Throws IngestRejection for orders to be parked.
 */
export async function ingestOrder(
  deps: { db: Database; jobs: JobQueue },
  channel: { id: string; requiresAcceptance: boolean },
  order: CanonicalOrder,
  raw: unknown,
  now: Date,
) {
  const bySku = await lookupProducts(
    deps.db,
    order.lines.map((l) => l.sku),
  );
  const rejection = unknownSkuRejection(order, bySku);
  if (rejection) throw rejection;
  const results = await deps.db.transaction((tx) =>
    ingestInTransaction(tx, deps.jobs, channel, [{ order, raw, i: 0 }], bySku, now),
  );
  return results.get(0)!;
}
