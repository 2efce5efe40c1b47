import { and, count, desc, eq, ne } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { bins, orderLines, orderShippingDecisions, orders, reservations } from '../../../db/schema/index.js';
import { conflict, unprocessable } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { applyShippingRules } from '../shipping-rules/apply-shipping-rules.js';
import { recordDecision } from '../shipping-rules/record-decision.js';
import { assertNotInWave, lockOrder } from './order-guards.js';

const splittable = new Set(['pending', 'ready', 'on_hold']);

export interface SplitInput {
  orderId: string;
  /** What moves to the new order: whole lines, or part of a line's quantity. */
  lines: { orderLineId: string; quantity: number }[];
  reason: string;
}

/**
 * Moves lines (or part of their quantities) to a new order that follows the same path: same channel
 * order (tracking is pushed under the channel's id), same state, its own carrier decision. Nothing is
 * picked yet, and the stock held for what moves goes with it: reservation rows are re-pointed (or cut in
 * two), so bin totals do not change. The part that stays keeps its reserved units first.
 */
export async function splitOrder(
  db: Database,
  actor: Actor,
  input: SplitInput,
  now: Date,
): Promise<{ orderId: string; externalId: string }> {
  return db.transaction(async (tx) => {
    const parent = await lockOrder(tx, input.orderId);
    if (!splittable.has(parent.status))
      throw conflict(
        'order_not_splittable',
        `Order is ${parent.status}; only orders not yet picked can be split.`,
      );
    await assertNotInWave(tx, parent.id);
    const lines = await tx
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.orderId, parent.id), ne(orderLines.status, 'cancelled')));
    const moves = validateMoves(lines, input.lines);

    const root = parent.channelExternalId ?? parent.externalId;
    const [siblings] = await tx
      .select({ n: count() })
      .from(orders)
      .where(and(eq(orders.channelId, parent.channelId), eq(orders.channelExternalId, root)));
    const childId = newId('ord');
    const externalId = `${root}~${Number(siblings?.n ?? 0) + 2}`;
    const movedValue = moves.reduce((v, m) => v + m.line.unitPriceMinor * m.quantity, 0);
    const { id: _id, externalId: _e, createdAt: _c, ...copied } = parent;
    await tx.insert(orders).values({
      ...copied,
      id: childId,
      externalId,
      channelExternalId: root,
      splitFromOrderId: parent.id,
      totalMinor: movedValue,
      shippingMinor: 0,
      createdAt: now,
      updatedAt: now,
    });
    await tx
      .update(orders)
      .set({ totalMinor: Math.max(0, parent.totalMinor - movedValue), updatedAt: now })
      .where(eq(orders.id, parent.id));
    for (const move of moves) await moveLine(tx, move.line, move.quantity, childId);

    const payload = {
      reason: input.reason,
      lines: moves.map((m) => ({ orderLineId: m.line.id, sku: m.line.sku, quantity: m.quantity })),
    };
    await recordEvent(
      tx,
      actor,
      { type: 'order.split', orderId: parent.id, entityType: 'order', entityId: childId, payload },
      now,
    );
    await recordEvent(
      tx,
      actor,
      {
        type: 'order.split_created',
        orderId: childId,
        entityType: 'order',
        entityId: parent.id,
        payload: { ...payload, from: parent.id },
      },
      now,
    );
    // The new order gets its own carrier: the rules see its weight, or the desk's override is kept.
    const [decision] = await tx
      .select()
      .from(orderShippingDecisions)
      .where(eq(orderShippingDecisions.orderId, parent.id));
    if (decision?.source === 'override') {
      const { orderId: _o, decidedBy: _b, decidedAt: _a, ...kept } = decision;
      await recordDecision(tx, actor, { id: childId, relayPointId: parent.relayPointId }, kept, now);
    } else {
      await applyShippingRules(tx, actor, childId, now);
    }
    return { orderId: childId, externalId };
  });
}

type Line = typeof orderLines.$inferSelect;

function validateMoves(lines: Line[], wanted: SplitInput['lines']): { line: Line; quantity: number }[] {
  if (new Set(wanted.map((w) => w.orderLineId)).size !== wanted.length)
    throw unprocessable('split_line_twice', 'Each line may appear once in a split.');
  const moves = wanted.map((w) => {
    const line = lines.find((l) => l.id === w.orderLineId);
    if (!line)
      throw unprocessable('split_line_unknown', `Line ${w.orderLineId} is not an open line of this order.`);
    if (line.quantityPicked > 0 || !['reserved', 'backordered'].includes(line.status))
      throw unprocessable(
        'split_line_started',
        `${line.sku} is already ${line.status}; only unpicked lines move.`,
      );
    if (w.quantity > line.quantity)
      throw unprocessable(
        'split_quantity_too_large',
        `${line.sku}: ${w.quantity} asked, the line has ${line.quantity}.`,
      );
    return { line, quantity: w.quantity };
  });
  const left = lines.reduce((n, l) => n + l.quantity, 0) - moves.reduce((n, m) => n + m.quantity, 0);
  if (left <= 0)
    throw unprocessable('split_takes_everything', 'A split leaves at least one unit on the original order.');
  return moves;
}

async function moveLine(tx: Executor, line: Line, quantity: number, childId: string): Promise<void> {
  if (quantity === line.quantity) {
    // The whole line moves; its reservations point at the line, so they move with it.
    await tx.update(orderLines).set({ orderId: childId }).where(eq(orderLines.id, line.id));
    return;
  }
  const childLineId = newId('oln');
  const { id: _id, orderId: _o, ...rest } = line;
  await tx.insert(orderLines).values({ ...rest, id: childLineId, orderId: childId, quantity });
  const keep = line.quantity - quantity;
  const held = await tx
    .select({ id: reservations.id, quantity: reservations.quantity })
    .from(reservations)
    .innerJoin(bins, eq(bins.id, reservations.binId))
    .where(and(eq(reservations.orderLineId, line.id), eq(reservations.status, 'active')))
    .orderBy(desc(bins.pickSequence), desc(bins.code))
    .for('update', { of: reservations });
  const heldTotal = held.reduce((n, r) => n + r.quantity, 0);
  // The staying part keeps its reserved units first; only what it cannot use travels.
  let excess = Math.max(0, heldTotal - keep);
  for (const r of held) {
    if (excess === 0) break;
    if (r.quantity <= excess) {
      await tx.update(reservations).set({ orderLineId: childLineId }).where(eq(reservations.id, r.id));
      excess -= r.quantity;
    } else {
      await tx
        .update(reservations)
        .set({ quantity: r.quantity - excess })
        .where(eq(reservations.id, r.id));
      const [row] = await tx.select().from(reservations).where(eq(reservations.id, r.id));
      if (row)
        await tx.insert(reservations).values({
          ...row,
          id: newId('rsv'),
          orderLineId: childLineId,
          quantity: excess,
          createdAt: row.createdAt,
        });
      excess = 0;
    }
  }
  const movedHeld = Math.max(0, heldTotal - keep);
  await tx
    .update(orderLines)
    .set({ quantity: keep, status: heldTotal >= keep ? 'reserved' : 'backordered' })
    .where(eq(orderLines.id, line.id));
  await tx
    .update(orderLines)
    .set({ status: movedHeld >= quantity ? 'reserved' : 'backordered' })
    .where(eq(orderLines.id, childLineId));
}
