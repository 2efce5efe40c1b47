import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { orderLines, orderPayloads, orders } from '../../../db/schema/index.js';
import type { CanonicalOrder } from '../../channels/canonical.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { scheduleStockPush } from '../allocation/schedule-stock-push.js';
import { recordEvent, systemActor } from '../events/record-event.js';
import { releaseLine } from '../stock/release-line.js';
import type { IngestResult } from './ingest-order.js';

/**
 * A re-delivered order: never a second order, never a second reservation. Only the channel's view moves:
 * payment confirmed (pending → ready), or cancelled at the channel before we shipped.
 */
export async function applyChannelUpdate(
  tx: Executor,
  jobs: JobQueue,
  channel: { id: string },
  order: CanonicalOrder,
  raw: unknown,
  now: Date,
): Promise<IngestResult> {
  const [current] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.channelId, channel.id), eq(orders.externalId, order.externalId)))
    .for('update');
  if (!current) throw new Error('order vanished during ingest');
  if (
    current.channelStatus === order.channelStatus &&
    current.channelUpdatedAt.getTime() >= Date.parse(order.updatedAt)
  ) {
    return { outcome: 'unchanged', orderId: current.id };
  }
  let status = current.status;
  if (order.status === 'to_ship' && status === 'pending') status = 'ready';
  const isCancelled = order.status === 'cancelled' || order.status === 'refused';
  if (isCancelled && status !== 'shipped' && status !== 'cancelled') {
    status = 'cancelled';
    const open = await tx
      .select({ id: orderLines.id, productId: orderLines.productId })
      .from(orderLines)
      .where(
        and(
          eq(orderLines.orderId, current.id),
          inArray(orderLines.status, ['reserved', 'backordered', 'picked']),
        ),
      );
    for (const line of open) await releaseLine(tx, line.id);
    // Released units are for sale again: queue the channel pushes with the release.
    await scheduleStockPush(
      tx,
      jobs,
      open.map((l) => l.productId),
    );
    await tx.update(orderLines).set({ status: 'cancelled' }).where(eq(orderLines.orderId, current.id));
  }
  await tx
    .update(orders)
    .set({
      status,
      channelState: order.status,
      channelStatus: order.channelStatus,
      channelUpdatedAt: new Date(order.updatedAt),
      shipBy: order.shipBy ? new Date(order.shipBy) : current.shipBy,
      updatedAt: now,
    })
    .where(eq(orders.id, current.id));
  await tx
    .update(orderPayloads)
    .set({ raw: raw as object, receivedAt: now })
    .where(eq(orderPayloads.orderId, current.id));
  await recordEvent(
    tx,
    systemActor,
    {
      type: 'order.channel_updated',
      orderId: current.id,
      entityType: 'order',
      entityId: current.id,
      payload: { from: current.channelStatus, to: order.channelStatus, status },
    },
    now,
  );
  return { outcome: 'updated', orderId: current.id };
}
