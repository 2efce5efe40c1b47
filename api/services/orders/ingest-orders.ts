import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import {
  events,
  orderLines,
  orderPayloads,
  orders,
  parkedOrders,
  products,
} from '../../../db/schema/index.js';
import type { CanonicalOrder } from '../../channels/canonical.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { queues } from '../../jobs/queues.js';
import { scheduleStockPush } from '../allocation/schedule-stock-push.js';
import { reserveLines } from '../stock/reserve-lines.js';
import { applyChannelUpdate } from './apply-channel-update.js';
import { IngestRejection, type IngestResult, ingestOrder, initialStatus } from './ingest-order.js';

export type BatchItem = { order: CanonicalOrder; raw: unknown };
export type BatchOutcome = IngestResult | { outcome: 'rejected'; rejection: IngestRejection };

const holdsStock = (s: string) => s === 'pending' || s === 'ready';

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
  const skus = [...new Set(batch.flatMap((b) => b.order.lines.map((l) => l.sku)))];
  const known = await deps.db
    .select({ id: products.id, sku: products.sku })
    .from(products)
    .where(inArray(products.sku, skus));
  const bySku = new Map(known.map((p) => [p.sku, p.id]));
  const outcomes: (BatchOutcome | null)[] = batch.map((b) => {
    const unknown = [...new Set(b.order.lines.map((l) => l.sku))].filter((s) => !bySku.has(s));
    if (unknown.length === 0) return null;
    const message = `Unknown SKU${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`;
    return { outcome: 'rejected', rejection: new IngestRejection('unknown_product', message) };
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

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function ingestInTransaction(
  tx: Tx,
  jobs: JobQueue,
  channel: { id: string; requiresAcceptance: boolean },
  todo: (BatchItem & { i: number })[],
  bySku: Map<string, string>,
  now: Date,
): Promise<Map<number, IngestResult>> {
  const results = new Map<number, IngestResult>();
  if (todo.length === 0) return results;
  const rows = todo.map((b) => ({
    id: newId('ord'),
    channelId: channel.id,
    externalId: b.order.externalId,
    status: initialStatus(b.order.status),
    channelState: b.order.status,
    channelStatus: b.order.channelStatus,
    placedAt: new Date(b.order.placedAt),
    channelUpdatedAt: new Date(b.order.updatedAt),
    shipBy: b.order.shipBy ? new Date(b.order.shipBy) : null,
    currency: b.order.currency,
    totalMinor: b.order.totalMinor,
    shippingMinor: b.order.shippingMinor,
    serviceLevel: b.order.serviceLevel,
    buyerName: b.order.buyer.name,
    buyerEmail: b.order.buyer.email,
    buyerPhone: b.order.buyer.phone,
    shippingAddress: b.order.shippingAddress,
  }));
  const inserted = await tx
    .insert(orders)
    .values(rows)
    .onConflictDoNothing({ target: [orders.channelId, orders.externalId] })
    .returning({ id: orders.id, externalId: orders.externalId });
  const newIds = new Map(inserted.map((r) => [r.externalId, r.id]));
  await tx
    .update(parkedOrders)
    .set({ resolvedAt: now })
    .where(
      and(
        eq(parkedOrders.channelId, channel.id),
        inArray(
          parkedOrders.externalId,
          todo.map((b) => b.order.externalId),
        ),
      ),
    );

  for (const b of todo) {
    if (!newIds.has(b.order.externalId))
      results.set(b.i, await applyChannelUpdate(tx, jobs, channel, b.order, b.raw, now));
  }
  const fresh = todo.filter((b) => newIds.has(b.order.externalId));
  if (fresh.length === 0) return results;

  await tx
    .insert(orderPayloads)
    .values(
      fresh.map((b) => ({ orderId: newIds.get(b.order.externalId)!, raw: b.raw as object, receivedAt: now })),
    );
  const lines = fresh.flatMap((b) => {
    const status = initialStatus(b.order.status);
    return b.order.lines.map((line) => ({
      id: newId('oln'),
      orderId: newIds.get(b.order.externalId)!,
      externalLineId: line.externalLineId,
      productId: bySku.get(line.sku)!,
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      shippingPriceMinor: line.shippingPriceMinor,
      channelStatus: line.channelStatus,
      status: holdsStock(status)
        ? ('reserved' as const)
        : status === 'cancelled'
          ? ('cancelled' as const)
          : ('shipped' as const),
    }));
  });
  await tx.insert(orderLines).values(lines);

  // Served by deadline within a product, like the queue; bin rows are locked in a fixed order inside.
  const toReserve = lines.filter((l) => l.status === 'reserved');
  const reservedByLine = await reserveLines(tx, toReserve);
  const short = new Set(
    toReserve.filter((l) => (reservedByLine.get(l.id) ?? 0) < l.quantity).map((l) => l.id),
  );
  if (short.size > 0)
    await tx
      .update(orderLines)
      .set({ status: 'backordered' })
      .where(inArray(orderLines.id, [...short]));
  if (toReserve.length > 0)
    await scheduleStockPush(tx, jobs, [...new Set(toReserve.map((l) => l.productId))]);

  await tx.insert(events).values(
    fresh.map((b) => {
      const orderId = newIds.get(b.order.externalId)!;
      const reservedAll = !lines.some((l) => l.orderId === orderId && short.has(l.id));
      return {
        id: newId('evt'),
        occurredAt: now,
        type: 'order.imported',
        orderId,
        entityType: 'order',
        entityId: orderId,
        payload: { externalId: b.order.externalId, channelStatus: b.order.channelStatus, reservedAll },
      };
    }),
  );
  const toAccept = channel.requiresAcceptance
    ? fresh.filter((b) => b.order.status === 'awaiting_acceptance')
    : [];
  await jobs.sendMany(
    queues.acceptOrder,
    toAccept.map((b) => ({
      data: { orderId: newIds.get(b.order.externalId)! },
      singletonKey: newIds.get(b.order.externalId)!,
    })),
    { tx },
  );
  for (const b of fresh) results.set(b.i, { outcome: 'created', orderId: newIds.get(b.order.externalId)! });
  return results;
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
