import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { binStock, bins, orderLines, orders, reservations, shipments } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { queues } from '../../jobs/queues.js';
import { scheduleStockPush } from '../allocation/schedule-stock-push.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { applyMovement } from '../stock/apply-movement.js';

/**
 * The parcel leaves: stock goes out of its bins, the order is shipped, and the push of the tracking
 * number to the channel is queued — all in one transaction, so a crash leaves either all or none.
 * Shipping twice is harmless: the second call finds the shipment shipped and changes nothing.
 */
export async function shipShipment(
  deps: { db: Database; jobs: JobQueue },
  actor: Actor,
  shipmentId: string,
  now: Date,
): Promise<{ shipmentId: string; isReplay: boolean }> {
  return deps.db.transaction(async (tx) => {
    const [shipment] = await tx
      .update(shipments)
      .set({ status: 'shipped', shippedAt: now, channelPushStatus: 'pending' })
      .where(and(eq(shipments.id, shipmentId), eq(shipments.status, 'labelled')))
      .returning();
    if (!shipment) {
      const [current] = await tx.select().from(shipments).where(eq(shipments.id, shipmentId));
      if (!current) throw notFound('shipment_not_found', `Shipment ${shipmentId} does not exist.`);
      if (current.status === 'shipped') return { shipmentId, isReplay: true };
      throw new AppError('shipment_not_shippable', 409, `Shipment is ${current.status}.`);
    }
    const lines = await tx
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.orderId, shipment.orderId), eq(orderLines.status, 'packed')));
    const lineIds = lines.map((l) => l.id);
    const held = lineIds.length
      ? await tx
          .update(reservations)
          .set({ status: 'consumed' })
          .where(and(inArray(reservations.orderLineId, lineIds), eq(reservations.status, 'active')))
          .returning()
      : [];
    await lockBinRows(tx, held);
    for (const r of held) {
      // The units leave the reservation first, then the shelf through the ledger's one entry point.
      await tx
        .update(binStock)
        .set({ reserved: sql`${binStock.reserved} - ${r.quantity}` })
        .where(and(eq(binStock.binId, r.binId), eq(binStock.productId, r.productId)));
      await applyMovement(
        tx,
        actor,
        { productId: r.productId, binId: r.binId, delta: -r.quantity, reason: 'ship', reference: shipmentId },
        now,
      );
    }
    if (lineIds.length) {
      await tx
        .update(orderLines)
        .set({ status: 'shipped', quantityShipped: sql`${orderLines.quantityPacked}` })
        .where(inArray(orderLines.id, lineIds));
    }
    await tx
      .update(orders)
      .set({ status: 'shipped', shippedAt: now, updatedAt: now })
      .where(eq(orders.id, shipment.orderId));
    await recordEvent(
      tx,
      actor,
      { type: 'shipment.shipped', orderId: shipment.orderId, entityType: 'shipment', entityId: shipmentId },
      now,
    );
    await deps.jobs.send(queues.pushShipment, { shipmentId }, { tx, singletonKey: shipmentId });
    // On-hand fell with the reservations it consumed; channels re-read it (pushes coalesce).
    await scheduleStockPush(
      tx,
      deps.jobs,
      held.map((r) => r.productId),
    );
    return { shipmentId, isReplay: false };
  });
}

/**
 * Locks the bin rows the reservations are consumed from, before any of them changes, in the order
 * `reserveLines` locks them (product, then walking order). The reservations come back in no particular
 * order, so two packers shipping orders that share shelves would otherwise take the same rows in
 * opposite orders and deadlock; this way the second waits for the first (and a reservation batch being
 * ingested meanwhile queues the same way).
 */
async function lockBinRows(tx: Executor, held: readonly { productId: string; binId: string }[]) {
  if (held.length === 0) return;
  await tx
    .select({ id: binStock.id })
    .from(binStock)
    .innerJoin(bins, eq(bins.id, binStock.binId))
    .where(or(...held.map((r) => and(eq(binStock.productId, r.productId), eq(binStock.binId, r.binId)))))
    .orderBy(asc(binStock.productId), asc(bins.pickSequence), asc(bins.code), asc(binStock.id))
    .for('update', { of: binStock });
}
