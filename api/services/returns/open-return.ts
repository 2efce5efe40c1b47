import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { orders, type returnSources, returns } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { isUniqueViolation } from '../scans/scan-replay.js';

export interface OpenReturnInput {
  orderId: string;
  source: (typeof returnSources)[number];
  reason?: string | null;
  channelReturnId?: string | null;
  trackingNumber?: string | null;
  /** The lines and units the channel announced, recorded on the timeline with the opening. */
  announcedLines?: { orderLineId: string | null; externalLineId: string; quantity: number }[];
}

/**
 * Opens the return of an order, or answers the one already open: the bench, the desk and the channel
 * all reach the same return (one open return per order is a unique key, so a race yields one row).
 */
export async function openReturn(
  db: Database,
  actor: Actor,
  input: OpenReturnInput,
  now: Date,
): Promise<{ returnId: string; orderId: string; isNew: boolean }> {
  try {
    return await db.transaction((tx) => openInTx(tx, actor, input, now));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await findOpen(db, input.orderId);
    if (!existing) throw err;
    return { returnId: existing.id, orderId: input.orderId, isNew: false };
  }
}

async function findOpen(tx: Executor, orderId: string) {
  const [row] = await tx
    .select()
    .from(returns)
    .where(and(eq(returns.orderId, orderId), eq(returns.status, 'open')));
  return row ?? null;
}

async function openInTx(tx: Executor, actor: Actor, input: OpenReturnInput, now: Date) {
  const [order] = await tx
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(eq(orders.id, input.orderId));
  if (!order) throw notFound('order_not_found', `Order ${input.orderId} does not exist.`);
  if (order.status !== 'shipped')
    throw new AppError(
      'order_not_returnable',
      409,
      `Order is ${order.status}: only a shipped order can come back. Cancel it instead.`,
      { expected: 'shipped' },
    );
  if (input.channelReturnId) {
    const [known] = await tx
      .select()
      .from(returns)
      .where(and(eq(returns.orderId, order.id), eq(returns.channelReturnId, input.channelReturnId)));
    if (known) return { returnId: known.id, orderId: order.id, isNew: false };
  }
  const open = await findOpen(tx, order.id);
  if (open) {
    if (input.trackingNumber && !open.trackingNumber)
      await tx.update(returns).set({ trackingNumber: input.trackingNumber }).where(eq(returns.id, open.id));
    // The bench or the desk opened it first: the channel's notice names the same parcel from now on.
    if (input.channelReturnId && !open.channelReturnId)
      await tx.update(returns).set({ channelReturnId: input.channelReturnId }).where(eq(returns.id, open.id));
    return { returnId: open.id, orderId: order.id, isNew: false };
  }
  const returnId = newId('rma');
  await tx.insert(returns).values({
    id: returnId,
    orderId: order.id,
    source: input.source,
    reason: input.reason ?? null,
    channelReturnId: input.channelReturnId ?? null,
    trackingNumber: input.trackingNumber ?? null,
    openedBy: actor.userId ?? null,
    createdAt: now,
  });
  await recordEvent(
    tx,
    actor,
    {
      type: 'return.opened',
      orderId: order.id,
      entityType: 'return',
      entityId: returnId,
      payload: {
        source: input.source,
        reason: input.reason ?? null,
        trackingNumber: input.trackingNumber ?? null,
        ...(input.channelReturnId ? { channelReturnId: input.channelReturnId } : {}),
        ...(input.announcedLines ? { lines: input.announcedLines } : {}),
      },
    },
    now,
  );
  return { returnId, orderId: order.id, isNew: true };
}
