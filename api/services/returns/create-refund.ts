import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import {
  orderLines,
  orders,
  type RefundReason,
  refundLines,
  refunds,
  returns,
} from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { queues } from '../../jobs/queues.js';
import { type Actor, recordEvent } from '../events/record-event.js';

export interface CreateRefundInput {
  orderId: string;
  returnId?: string | null | undefined;
  reason: RefundReason;
  note?: string | null | undefined;
  /** Refund shipping as well: each line's shipping not refunded yet. */
  includeShipping: boolean;
  /**
   * Lines to refund; absent means the whole order (every line's amount not refunded yet). Per line,
   * `amountMinor` refunds part of it; without it, `quantity` units at the unit price, else all that is left.
   */
  lines?:
    | { orderLineId: string; quantity?: number | undefined; amountMinor?: number | undefined }[]
    | undefined;
}

/**
 * Records a refund and queues its push to the channel in one transaction (the outbox rule: the job
 * exists if and only if the refund does). What was already refunded on a line (anything not refused by
 * the channel) caps what may still be refunded, under a lock on the order's lines.
 */
export async function createRefund(
  deps: { db: Database; jobs: JobQueue },
  actor: Actor,
  input: CreateRefundInput,
  now: Date,
) {
  return deps.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, input.orderId));
    if (!order) throw notFound('order_not_found', `Order ${input.orderId} does not exist.`);
    if (input.returnId) {
      const [ret] = await tx
        .select({ id: returns.id })
        .from(returns)
        .where(and(eq(returns.id, input.returnId), eq(returns.orderId, order.id)));
      if (!ret) throw notFound('return_not_found', `Return ${input.returnId} is not a return of this order.`);
    }
    const lines = await tx
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(orderLines.externalLineId)
      .for('update');
    const already = await tx
      .select({
        orderLineId: refundLines.orderLineId,
        amount: sql<number>`coalesce(sum(${refundLines.amountMinor}), 0)::int`,
        shipping: sql<number>`coalesce(sum(${refundLines.shippingMinor}), 0)::int`,
      })
      .from(refundLines)
      .innerJoin(refunds, eq(refunds.id, refundLines.refundId))
      .where(and(eq(refunds.orderId, order.id), ne(refunds.pushStatus, 'failed')))
      .groupBy(refundLines.orderLineId);
    const done = new Map(already.map((a) => [a.orderLineId, a]));
    const wanted: { orderLineId: string; quantity?: number | undefined; amountMinor?: number | undefined }[] =
      input.lines ?? lines.map((l) => ({ orderLineId: l.id }));
    const planned = wanted.map((w) => {
      const line = lines.find((l) => l.id === w.orderLineId);
      if (!line)
        throw new AppError('refund_line_unknown', 422, `Line ${w.orderLineId} is not on this order.`, {
          field: 'lines',
        });
      const total = line.unitPriceMinor * line.quantity;
      const leftAmount = total - Number(done.get(line.id)?.amount ?? 0);
      const leftShipping = line.shippingPriceMinor - Number(done.get(line.id)?.shipping ?? 0);
      const amount =
        w.amountMinor !== undefined
          ? w.amountMinor
          : w.quantity !== undefined
            ? Math.min(w.quantity * line.unitPriceMinor, leftAmount)
            : leftAmount;
      if (!Number.isSafeInteger(amount) || amount < 0 || amount > leftAmount)
        throw new AppError(
          'refund_exceeds_paid',
          422,
          `Line ${line.sku} has ${leftAmount} (minor units) left to refund; asked ${amount}.`,
          { expected: leftAmount, field: 'lines' },
        );
      const shipping = input.includeShipping ? Math.max(0, leftShipping) : 0;
      const quantity =
        w.quantity !== undefined
          ? w.quantity
          : line.unitPriceMinor > 0
            ? Math.floor(amount / line.unitPriceMinor)
            : 0;
      return { line, amount, shipping, quantity };
    });
    const kept = planned.filter((p) => p.amount + p.shipping > 0);
    if (kept.length === 0)
      throw new AppError('refund_nothing_left', 422, 'Nothing is left to refund on these lines.', {
        field: 'lines',
      });
    const refundId = newId('rfd');
    const itemsMinor = kept.reduce((s, p) => s + p.amount, 0);
    const shippingMinor = kept.reduce((s, p) => s + p.shipping, 0);
    await tx.insert(refunds).values({
      id: refundId,
      orderId: order.id,
      returnId: input.returnId ?? null,
      reason: input.reason,
      note: input.note ?? null,
      currency: order.currency,
      itemsMinor,
      shippingMinor,
      isShippingIncluded: input.includeShipping,
      createdBy: actor.userId ?? null,
      createdAt: now,
    });
    await tx.insert(refundLines).values(
      kept.map((p) => ({
        refundId,
        orderLineId: p.line.id,
        quantity: p.quantity,
        amountMinor: p.amount,
        shippingMinor: p.shipping,
      })),
    );
    await recordEvent(
      tx,
      actor,
      {
        type: 'refund.requested',
        orderId: order.id,
        entityType: 'refund',
        entityId: refundId,
        payload: {
          reason: input.reason,
          note: input.note ?? null,
          currency: order.currency,
          itemsMinor,
          shippingMinor,
          lines: kept.map((p) => ({ sku: p.line.sku, amountMinor: p.amount, shippingMinor: p.shipping })),
        },
      },
      now,
    );
    await deps.jobs.send(queues.pushRefund, { refundId }, { tx, singletonKey: refundId });
    return {
      refundId,
      currency: order.currency,
      itemsMinor,
      shippingMinor,
      totalMinor: itemsMinor + shippingMinor,
    };
  });
}
