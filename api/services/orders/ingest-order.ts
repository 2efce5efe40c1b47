import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import {
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
import { recordEvent, systemActor } from '../events/record-event.js';
import { reserveLine } from '../stock/reserve-line.js';
import { applyChannelUpdate } from './apply-channel-update.js';

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

const holdsStock = (s: OrderStatus) => s === 'pending' || s === 'ready';

/**
 * Idempotent: the (channel, external id) unique key decides whether this is a new order or a
 * re-delivery. A new order gets its lines and reservations in the same transaction; a re-delivery
 * only moves the channel state forward. Throws IngestRejection for orders that must be parked.
 */
export async function ingestOrder(
  deps: { db: Database; jobs: JobQueue },
  channel: { id: string; requiresAcceptance: boolean },
  order: CanonicalOrder,
  raw: unknown,
  now: Date,
): Promise<IngestResult> {
  const skus = [...new Set(order.lines.map((l) => l.sku))];
  const known = await deps.db
    .select({ id: products.id, sku: products.sku })
    .from(products)
    .where(inArray(products.sku, skus));
  const bySku = new Map(known.map((p) => [p.sku, p.id]));
  const unknown = skus.filter((s) => !bySku.has(s));
  if (unknown.length > 0) {
    throw new IngestRejection(
      'unknown_product',
      `Unknown SKU${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
    );
  }
  return deps.db.transaction(async (tx) => {
    const status = initialStatus(order.status);
    const [inserted] = await tx
      .insert(orders)
      .values({
        id: newId('ord'),
        channelId: channel.id,
        externalId: order.externalId,
        status,
        channelState: order.status,
        channelStatus: order.channelStatus,
        placedAt: new Date(order.placedAt),
        channelUpdatedAt: new Date(order.updatedAt),
        shipBy: order.shipBy ? new Date(order.shipBy) : null,
        currency: order.currency,
        totalMinor: order.totalMinor,
        shippingMinor: order.shippingMinor,
        serviceLevel: order.serviceLevel,
        buyerName: order.buyer.name,
        buyerEmail: order.buyer.email,
        buyerPhone: order.buyer.phone,
        shippingAddress: order.shippingAddress,
      })
      .onConflictDoNothing({ target: [orders.channelId, orders.externalId] })
      .returning({ id: orders.id });
    await resolveParked(tx, channel.id, order.externalId, now);
    if (!inserted) return applyChannelUpdate(tx, deps.jobs, channel, order, raw, now);

    const orderId = inserted.id;
    await tx.insert(orderPayloads).values({ orderId, raw: raw as object, receivedAt: now });
    let reservedAll = true;
    // Reserve in one global order (by product id): two orders holding the same products in opposite
    // line order would otherwise lock stock rows in opposite order and deadlock on PostgreSQL.
    const linesByProduct = [...order.lines].sort((a, b) =>
      bySku.get(a.sku)!.localeCompare(bySku.get(b.sku)!),
    );
    for (const line of linesByProduct) {
      const lineId = newId('oln');
      const productId = bySku.get(line.sku)!;
      await tx.insert(orderLines).values({
        id: lineId,
        orderId,
        externalLineId: line.externalLineId,
        productId,
        sku: line.sku,
        title: line.title,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        shippingPriceMinor: line.shippingPriceMinor,
        channelStatus: line.channelStatus,
        status: holdsStock(status) ? 'reserved' : status === 'cancelled' ? 'cancelled' : 'shipped',
      });
      if (!holdsStock(status)) continue;
      const reserved = await reserveLine(tx, { id: lineId, productId, quantity: line.quantity });
      if (reserved < line.quantity) {
        reservedAll = false;
        await tx.update(orderLines).set({ status: 'backordered' }).where(eq(orderLines.id, lineId));
      }
    }
    // Every other channel must now show less: queue the coalesced pushes with the reservation.
    if (holdsStock(status)) await scheduleStockPush(tx, deps.jobs, [...bySku.values()]);
    await recordEvent(
      tx,
      systemActor,
      {
        type: 'order.imported',
        orderId,
        entityType: 'order',
        entityId: orderId,
        payload: { externalId: order.externalId, channelStatus: order.channelStatus, reservedAll },
      },
      now,
    );
    if (channel.requiresAcceptance && order.status === 'awaiting_acceptance') {
      await deps.jobs.send(queues.acceptOrder, { orderId }, { tx, singletonKey: orderId });
    }
    return { outcome: 'created', orderId };
  });
}

async function resolveParked(tx: Executor, channelId: string, externalId: string, now: Date) {
  await tx
    .update(parkedOrders)
    .set({ resolvedAt: now })
    .where(and(eq(parkedOrders.channelId, channelId), eq(parkedOrders.externalId, externalId)));
}
