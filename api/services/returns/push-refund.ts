import { and, eq, ne, sql } from 'drizzle-orm';
import { orderLines, orders, refundLines, refunds } from '../../../db/schema/index.js';
import { type ChannelConnector, ChannelError, type ChannelRefund } from '../../channels/connector.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { loadChannel } from '../channels/load-channel.js';
import { recordEvent, systemActor } from '../events/record-event.js';

export type RefundPushOutcome = 'confirmed' | 'already_confirmed' | 'confirmed_by_read_back' | 'rejected';

type Deps = Pick<AppDeps, 'db' | 'secrets' | 'connectors' | 'clock' | 'logger'>;

/**
 * Sends a refund to its channel, exactly once — the shipment push's rules. A retry, or a write that may
 * have landed (timeout), first reads the channel's refunds back: refunds on our lines that no other
 * refund of ours accounts for, with our amounts, mean it landed, and it is confirmed without writing.
 * A channel that cannot read refunds back and answered ambiguously is not written again by the queue:
 * the desk checks the channel and retries by hand.
 */
export async function pushRefund(deps: Deps, refundId: string): Promise<RefundPushOutcome> {
  const [claimed] = await deps.db
    .update(refunds)
    .set({ pushAttempts: sql`${refunds.pushAttempts} + 1` })
    .where(eq(refunds.id, refundId))
    .returning();
  if (!claimed) throw notFound('refund_not_found', `Refund ${refundId} does not exist.`);
  if (claimed.pushStatus === 'confirmed') return 'already_confirmed';
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, claimed.orderId));
  if (!order) throw notFound('order_not_found', `Order ${claimed.orderId} does not exist.`);
  const lines = await deps.db
    .select({
      externalLineId: orderLines.externalLineId,
      amountMinor: refundLines.amountMinor,
      shippingMinor: refundLines.shippingMinor,
      quantity: refundLines.quantity,
    })
    .from(refundLines)
    .innerJoin(orderLines, eq(orderLines.id, refundLines.orderLineId))
    .where(eq(refundLines.refundId, refundId));
  const { connector } = await loadChannel(deps, order.channelId);
  if (!connector.refund)
    return reject(
      deps,
      claimed,
      `The ${connector.type} channel takes no refunds through its API; refund there by hand.`,
    );

  const landed = async () => {
    if (!connector.readRefunds) return null;
    return matchLanded(connector, deps, order.externalId, order.id, refundId, lines);
  };
  if (claimed.pushAttempts > 1) {
    const ids = await landed();
    if (ids) return confirm(deps, claimed, ids.join(','), 'read_back');
  }
  let result: { refundId: string | null };
  try {
    result = await connector.refund({
      externalOrderId: order.externalId,
      reason: claimed.reason,
      currency: claimed.currency,
      comment: claimed.note,
      lines,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ChannelError && err.ambiguous) {
      const ids = await landed().catch(() => null);
      if (ids) return confirm(deps, claimed, ids.join(','), 'read_back');
      if (!connector.readRefunds)
        return reject(
          deps,
          claimed,
          `${message} — it may have reached the channel: check there before retrying.`,
        );
    }
    const isFinal = err instanceof ChannelError && !err.retryable && !err.ambiguous;
    if (isFinal) return reject(deps, claimed, message);
    await deps.db.update(refunds).set({ pushError: message }).where(eq(refunds.id, refundId));
    throw err;
  }
  return confirm(deps, claimed, result.refundId, 'write');
}

/** Channel refund ids on our lines that none of our other confirmed refunds claimed, matched by amounts. */
async function matchLanded(
  connector: ChannelConnector,
  deps: Deps,
  externalOrderId: string,
  orderId: string,
  refundId: string,
  lines: { externalLineId: string; amountMinor: number; shippingMinor: number }[],
): Promise<string[] | null> {
  const known = await deps.db
    .select({ ids: refunds.channelRefundId })
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), ne(refunds.id, refundId), eq(refunds.pushStatus, 'confirmed')));
  const claimedIds = new Set(known.flatMap((k) => (k.ids ?? '').split(',').filter(Boolean)));
  let free: ChannelRefund[] = (await connector.readRefunds!(externalOrderId)).filter(
    (r) => !claimedIds.has(r.refundId),
  );
  const ids: string[] = [];
  for (const line of lines) {
    const hit = free.find(
      (r) =>
        r.externalLineId === line.externalLineId &&
        r.amountMinor === line.amountMinor &&
        r.shippingMinor === line.shippingMinor,
    );
    if (!hit) return null;
    ids.push(hit.refundId);
    free = free.filter((r) => r !== hit);
  }
  return ids;
}

type Claimed = typeof refunds.$inferSelect;

async function confirm(
  deps: Deps,
  refund: Claimed,
  channelRefundId: string | null,
  via: 'write' | 'read_back',
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(refunds)
      .set({ pushStatus: 'confirmed', confirmedAt: now, pushError: null, channelRefundId })
      .where(eq(refunds.id, refund.id));
    await recordEvent(
      tx,
      systemActor,
      {
        type: 'refund.confirmed_at_channel',
        orderId: refund.orderId,
        entityType: 'refund',
        entityId: refund.id,
        payload: { channelRefundId, via, totalMinor: refund.itemsMinor + refund.shippingMinor },
      },
      now,
    );
  });
  return via === 'write' ? ('confirmed' as const) : ('confirmed_by_read_back' as const);
}

async function reject(deps: Deps, refund: Claimed, message: string) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(refunds)
      .set({ pushStatus: 'failed', pushError: message })
      .where(eq(refunds.id, refund.id));
    await recordEvent(
      tx,
      systemActor,
      {
        type: 'refund.channel_rejected',
        orderId: refund.orderId,
        entityType: 'refund',
        entityId: refund.id,
        payload: { message },
      },
      now,
    );
  });
  return 'rejected' as const;
}
