import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import {
  events,
  type OrderStatus,
  orderLines,
  orderPayloads,
  orders,
  parkedOrders,
  products,
} from '../../../db/schema/index.js';
import type { CanonicalOrder, CanonicalOrderStatus } from '../../channels/canonical.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { queues } from '../../jobs/queues.js';
import { scheduleStockPush } from '../allocation/schedule-stock-push.js';
import { reserveLines } from '../stock/reserve-lines.js';
import { applyChannelUpdate } from './apply-channel-update.js';

export type BatchItem = { order: CanonicalOrder; raw: unknown };

/** An order that cannot enter the queue as it is; it is parked with its payload and this reason. */
export class IngestRejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type IngestResult = { outcome: 'created' | 'updated' | 'unchanged'; orderId: string };

export function initialStatus(state: CanonicalOrderStatus): OrderStatus {
  switch (state) {
    case 'awaiting_acceptance':
    case 'awaiting_payment':
      return 'pending';
    case 'to_ship':
      return 'ready';
    case 'shipped':
    case 'delivered':
    case 'closed':
      return 'shipped';
    case 'cancelled':
    case 'refused':
      return 'cancelled';
  }
}

const holdsStock = (s: string) => s === 'pending' || s === 'ready';

/** Product ids by SKU, and the SKUs of each order that are not in the catalogue. */
export async function lookupProducts(db: Database, skus: readonly string[]) {
  const unique = [...new Set(skus)];
  const known = unique.length
    ? await db
        .select({ id: products.id, sku: products.sku })
        .from(products)
        .where(inArray(products.sku, unique))
    : [];
  return new Map(known.map((p) => [p.sku, p.id]));
}

export function unknownSkuRejection(
  order: CanonicalOrder,
  bySku: Map<string, string>,
): IngestRejection | null {
  const unknown = [...new Set(order.lines.map((l) => l.sku))].filter((s) => !bySku.has(s));
  if (unknown.length === 0) return null;
  return new IngestRejection(
    'unknown_product',
    `Unknown SKU${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
  );
}

/**
 * The ingest of one or many orders in the caller's transaction. Idempotent: the (channel, external id)
 * unique key decides whether an order is new or a re-delivery. New orders get their lines, reservations,
 * event and acceptance job; a re-delivery only moves the channel state forward (applyChannelUpdate).
 */
export async function ingestInTransaction(
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
    status: b.order.lines.every((l) => l.quantityCancelled >= l.quantity)
      ? ('cancelled' as const)
      : initialStatus(b.order.status),
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
    return b.order.lines.map((line) => {
      // A line the channel cancelled before we saw it keeps its quantity for the record, holds nothing.
      const isLineCancelled = line.quantityCancelled >= line.quantity;
      return {
        id: newId('oln'),
        orderId: newIds.get(b.order.externalId)!,
        externalLineId: line.externalLineId,
        productId: bySku.get(line.sku)!,
        sku: line.sku,
        title: line.title,
        quantity: isLineCancelled ? line.quantity : line.quantity - line.quantityCancelled,
        quantityCancelled: line.quantityCancelled,
        unitPriceMinor: line.unitPriceMinor,
        shippingPriceMinor: line.shippingPriceMinor,
        channelStatus: line.channelStatus,
        status:
          status === 'cancelled' || isLineCancelled
            ? ('cancelled' as const)
            : holdsStock(status)
              ? ('reserved' as const)
              : ('shipped' as const),
      };
    });
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
