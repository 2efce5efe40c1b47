import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { orderCarrierChoices, orders } from '../../../db/schema/index.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { queues } from '../../jobs/queues.js';

/**
 * Queues one label prefetch per order that must leave by the end of tomorrow (UTC), is ready or being
 * picked, and has a chosen carrier. One job per order at a time (singleton key = order id).
 */
export async function queueLabelPrefetch(deps: { db: Database; jobs: JobQueue }, now: Date): Promise<number> {
  const endOfTomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 2));
  const rows = await deps.db
    .select({ id: orders.id })
    .from(orders)
    .innerJoin(orderCarrierChoices, eq(orderCarrierChoices.orderId, orders.id))
    .where(
      and(
        inArray(orders.status, ['ready', 'picking']),
        isNotNull(orders.shipBy),
        lt(orders.shipBy, endOfTomorrow),
      ),
    );
  for (const row of rows)
    await deps.jobs.send(queues.prefetchLabel, { orderId: row.id }, { singletonKey: row.id });
  return rows.length;
}
