import type { Database } from '../../../db/client.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { ingestOrder } from './ingest-order.js';
import {
  type BatchItem,
  IngestRejection,
  type IngestResult,
  ingestInTransaction,
  lookupProducts,
  unknownSkuRejection,
} from './ingest-transaction.js';

export type { BatchItem };
export type BatchOutcome = IngestResult | { outcome: 'rejected'; rejection: IngestRejection };

/**
 * Ingests one page of a pull in one transaction: the same rules as `ingestOrder`, with multi-row inserts
 * and one stock-push fan-out for the page, so a busy channel costs a few round trips per page instead
 * of a dozen per order. If anything in the batch fails, the page is ingested again order by order, so
 * one bad order is parked on its own and never takes the others down with it.
 */
export async function ingestOrders(
  deps: { db: Database; jobs: JobQueue },
  channel: { id: string; requiresAcceptance: boolean },
  batch: BatchItem[],
  now: Date,
): Promise<BatchOutcome[]> {
  if (batch.length === 0) return [];
  const bySku = await lookupProducts(
    deps.db,
    batch.flatMap((b) => b.order.lines.map((l) => l.sku)),
  );
  const outcomes: (BatchOutcome | null)[] = batch.map((b) => {
    const rejection = unknownSkuRejection(b.order, bySku);
    return rejection ? { outcome: 'rejected', rejection } : null;
  });
  // A page may carry the same order twice (a channel re-sending inside one page): keep the last.
  const lastIndex = new Map(batch.map((b, i) => [b.order.externalId, i]));
  const todo = batch
    .map((b, i) => ({ ...b, i }))
    .filter((b) => outcomes[b.i] === null && lastIndex.get(b.order.externalId) === b.i);
  try {
    const done = await deps.db.transaction((tx) =>
      ingestInTransaction(tx, deps.jobs, channel, todo, bySku, now),
    );
    for (const [i, result] of done) outcomes[i] = result;
  } catch {
    for (const b of todo) {
      try {
        outcomes[b.i] = await ingestOrder(deps, channel, b.order, b.raw, now);
      } catch (err) {
        if (err instanceof IngestRejection) outcomes[b.i] = { outcome: 'rejected', rejection: err };
        else if (isDataError(err)) {
          // The channel sent something our rules cannot store (duplicate line ids, out-of-range values):
          // park it with the database's reason rather than block every later order of the channel.
          const reason = `Could not be stored: ${dataErrorMessage(err)}`;
          outcomes[b.i] = { outcome: 'rejected', rejection: new IngestRejection('order_unstorable', reason) };
        } else throw err;
      }
    }
  }
  // Duplicates within the page answer like the copy that was ingested.
  return batch.map(
    (b, i) =>
      outcomes[i] ?? outcomes[lastIndex.get(b.order.externalId)!] ?? { outcome: 'unchanged', orderId: '' },
  );
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the data is wrong, not the database. */
function isDataError(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = String(e?.cause?.code ?? e?.code ?? '');
  return /^2[23]/.test(code);
}

function dataErrorMessage(err: unknown): string {
  const e = err as {
    message?: string;
    cause?: { message?: string; constraint?: string; constraint_name?: string };
  };
  const constraint = e.cause?.constraint ?? e.cause?.constraint_name;
  return `${e.cause?.message ?? e.message ?? String(err)}${constraint ? ` (${constraint})` : ''}`;
}
