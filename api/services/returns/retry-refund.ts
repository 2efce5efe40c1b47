import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { refunds } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { queues } from '../../jobs/queues.js';
import { type Actor, recordEvent } from '../events/record-event.js';

/**
 * The desk's Retry on a refund the channel refused or never confirmed. The push reads the channel back
 * before writing, so retrying a refund that did land confirms it instead of paying the buyer twice.
 */
export async function retryRefund(
  deps: { db: Database; jobs: JobQueue },
  actor: Actor,
  refundId: string,
  now: Date,
) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(refunds)
      .set({ pushStatus: 'pending', pushError: null })
      .where(and(eq(refunds.id, refundId), inArray(refunds.pushStatus, ['failed', 'pending'])))
      .returning({ orderId: refunds.orderId });
    if (!row)
      throw new AppError(
        'refund_not_retryable',
        409,
        'Only a refund whose push failed or is pending can be retried.',
      );
    await recordEvent(
      tx,
      actor,
      { type: 'refund.push_retried', orderId: row.orderId, entityType: 'refund', entityId: refundId },
      now,
    );
    await deps.jobs.send(
      queues.pushRefund,
      { refundId },
      { tx, singletonKey: `${refundId}:retry:${now.getTime()}` },
    );
    return { refundId, queued: true };
  });
}
