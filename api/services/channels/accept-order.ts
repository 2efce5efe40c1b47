import { eq } from 'drizzle-orm';
import { orderLines, orders } from '../../../db/schema/index.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { recordEvent, systemActor } from '../events/record-event.js';
import { loadChannel } from './load-channel.js';
import { requestPullNow } from './request-pull.js';

/**
 * Accepts every line of an order at the channel (Mirakl OR21). Acceptance is idempotent at the channel
 * for an order still waiting; an order that moved on meanwhile is left alone. A pull is queued right
 * after, so the order becomes pickable as soon as the channel confirms payment.
 */
export async function acceptOrder(
  deps: Pick<AppDeps, 'db' | 'jobs' | 'secrets' | 'connectors' | 'clock'>,
  orderId: string,
): Promise<{ accepted: boolean }> {
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw notFound('order_not_found', `Order ${orderId} does not exist.`);
  if (order.acceptedAt || order.channelState !== 'awaiting_acceptance' || order.status === 'cancelled') {
    return { accepted: false };
  }
  const channel = await loadChannel(deps, order.channelId);
  const lines = await deps.db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
  await channel.connector.acceptLines(
    order.externalId,
    lines.map((l) => ({ externalLineId: l.externalLineId, accepted: true })),
  );
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.update(orders).set({ acceptedAt: now, updatedAt: now }).where(eq(orders.id, orderId));
    await recordEvent(
      tx,
      systemActor,
      { type: 'order.accepted_at_channel', orderId, payload: { lines: lines.length } },
      now,
    );
    await requestPullNow(deps.jobs, order.channelId, tx);
  });
  return { accepted: true };
}
