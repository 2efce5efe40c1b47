import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { orderLines, orderPayloads, orders, reservations } from '../../../db/schema/index.js';
import { type CanonicalOrder, unitsWanted } from '../../channels/canonical.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { scheduleStockPush } from '../allocation/schedule-stock-push.js';
import { recordEvent, systemActor } from '../events/record-event.js';
import { refreshOrderPickStatus } from '../picking/refresh-order-pick-status.js';
import { releaseLine } from '../stock/release-line.js';
import { cancelLineUnits, type LineCancellation, withdrawOpenTasks } from './cancel-line-units.js';
import type { IngestResult } from './ingest-order.js';

const holding = new Set(['reserved', 'backordered', 'picked', 'packed']);

/**
 * A re-delivered order: never a second order, never a second reservation. Only the channel's view moves:
 * payment confirmed (pending → ready), cancelled at the channel before we shipped, or some lines or units
 * cancelled while the rest goes on. Units already picked raise `order.cancelled_after_pick`, the packer's
 * cue to put them back on the shelf.
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
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, current.id));
  const cancellations: LineCancellation[] = [];
  const isCancelled = order.status === 'cancelled' || order.status === 'refused';
  if (isCancelled && status !== 'shipped' && status !== 'cancelled') {
    status = 'cancelled';
    const open = lines.filter((l) => holding.has(l.status));
    const held = open.length
      ? await tx
          .select({ id: reservations.id })
          .from(reservations)
          .where(
            and(
              inArray(
                reservations.orderLineId,
                open.map((l) => l.id),
              ),
              eq(reservations.status, 'active'),
            ),
          )
      : [];
    await withdrawOpenTasks(
      tx,
      held.map((r) => r.id),
      Number.POSITIVE_INFINITY,
      now,
    );
    for (const line of open) await releaseLine(tx, line.id);
    // Released units are for sale again: queue the channel pushes with the release.
    await scheduleStockPush(
      tx,
      jobs,
      open.map((l) => l.productId),
    );
    await tx
      .update(orderLines)
      .set({
        status: 'cancelled',
        quantityCancelled: sql`case when ${orderLines.status} in ('shipped', 'cancelled', 'refused') then ${orderLines.quantityCancelled} else ${orderLines.quantityCancelled} + ${orderLines.quantity} end`,
        quantityCancelledPicked: sql`case when ${orderLines.status} in ('shipped', 'cancelled', 'refused') then ${orderLines.quantityCancelledPicked} else ${orderLines.quantityCancelledPicked} + ${orderLines.quantityPicked} end`,
      })
      .where(eq(orderLines.orderId, current.id));
    for (const l of open)
      cancellations.push({
        orderLineId: l.id,
        sku: l.sku,
        units: l.quantity,
        pickedUnits: l.quantityPicked,
        packedUnits: 0,
        isWhole: true,
      });
  } else if (status !== 'shipped' && status !== 'cancelled') {
    // Lines the channel cancelled while the order goes on (see CanonicalOrderLine).
    const wanted = new Map(order.lines.map((l) => [l.externalLineId, unitsWanted(l)]));
    const channelStates = new Map(order.lines.map((l) => [l.externalLineId, l.channelStatus]));
    for (const line of lines) {
      const state = channelStates.get(line.externalLineId);
      if (state !== undefined && state !== line.channelStatus)
        await tx.update(orderLines).set({ channelStatus: state }).where(eq(orderLines.id, line.id));
      const done = await cancelLineUnits(
        tx,
        line,
        line.quantity - (wanted.get(line.externalLineId) ?? 0),
        now,
      );
      if (done) cancellations.push(done);
    }
    if (cancellations.some((c) => c.units > 0)) {
      await scheduleStockPush(tx, jobs, [
        ...new Set(
          lines.filter((l) => cancellations.some((c) => c.orderLineId === l.id)).map((l) => l.productId),
        ),
      ]);
      const after = await tx
        .select({ status: orderLines.status })
        .from(orderLines)
        .where(eq(orderLines.orderId, current.id));
      if (after.every((l) => l.status === 'cancelled' || l.status === 'refused')) status = 'cancelled';
      else if (status === 'picking') {
        // The units withdrawn may have been the last ones the pickers still lacked.
        await refreshOrderPickStatus(tx, current.id, now);
        const [row] = await tx
          .select({ status: orders.status })
          .from(orders)
          .where(eq(orders.id, current.id));
        status = row?.status ?? status;
      }
    }
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
  const toPutBack = cancellations.filter((c) => c.pickedUnits > 0 || c.packedUnits > 0);
  for (const c of cancellations.filter((x) => x.units > 0 || x.packedUnits > 0))
    await recordEvent(
      tx,
      systemActor,
      {
        type: 'order.line_cancelled',
        orderId: current.id,
        entityType: 'order_line',
        entityId: c.orderLineId,
        payload: { ...c },
      },
      now,
    );
  if (toPutBack.length > 0) {
    // The packer's exception: units in a tote or a box the channel no longer wants.
    await recordEvent(
      tx,
      systemActor,
      {
        type: 'order.cancelled_after_pick',
        orderId: current.id,
        entityType: 'order',
        entityId: current.id,
        payload: {
          lines: toPutBack.map((c) => ({
            sku: c.sku,
            pickedUnits: c.pickedUnits,
            packedUnits: c.packedUnits,
          })),
        },
      },
      now,
    );
  }
  return { outcome: 'updated', orderId: current.id };
}
