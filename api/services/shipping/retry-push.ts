import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { shipments } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { queues } from '../../jobs/queues.js';
import { type Actor, recordEvent } from '../events/record-event.js';

/**
 * The desk's Retry button: the push goes back on the queue. It still reads the channel back before
 * writing, so a retry of a push that did reach the channel confirms it instead of sending it twice.
 */
export async function retryPush(
  deps: { db: Database; jobs: JobQueue },
  actor: Actor,
  shipmentId: string,
  now: Date,
) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(shipments)
      .set({ channelPushStatus: 'pending', channelPushError: null })
      .where(and(eq(shipments.id, shipmentId), inArray(shipments.channelPushStatus, ['failed', 'pending'])))
      .returning({ orderId: shipments.orderId });
    if (!row)
      throw new AppError(
        'push_not_retryable',
        409,
        'Only a shipped parcel whose push failed or is pending can be retried.',
      );
    await recordEvent(
      tx,
      actor,
      { type: 'shipment.push_retried', orderId: row.orderId, entityType: 'shipment', entityId: shipmentId },
      now,
    );
    await deps.jobs.send(
      queues.pushShipment,
      { shipmentId },
      { tx, singletonKey: `${shipmentId}:retry:${now.getTime()}` },
    );
    return { shipmentId, queued: true };
  });
}
