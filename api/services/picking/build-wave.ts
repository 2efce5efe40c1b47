import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import {
  bins,
  orderLines,
  orders,
  pickTasks,
  products,
  reservations,
  waveOrders,
  waves,
} from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';

/**
 * Creates a wave of the given ready orders, in the given order (the slot on the cart), with one task per
 * unpicked reservation, walked by the bins' pick sequence. The partial unique index on wave_orders
 * settles a race between two desks putting the same order in two waves.
 */
export async function buildWave(
  tx: Executor,
  actor: Actor,
  input: { orderIds: string[]; name?: string | undefined; criteria: Record<string, unknown> },
  now: Date,
): Promise<string> {
  const found = await tx
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(inArray(orders.id, input.orderIds));
  const bad = input.orderIds.filter((id) => !found.some((o) => o.id === id && o.status === 'ready'));
  if (bad.length > 0) {
    throw new AppError(
      'order_not_pickable',
      422,
      `Only ready orders can join a wave; not ready or unknown: ${bad.join(', ')}.`,
      { expected: 'ready orders', orderIds: bad },
    );
  }
  const rows = await tx
    .select({
      reservationId: reservations.id,
      orderLineId: reservations.orderLineId,
      orderId: orderLines.orderId,
      binId: reservations.binId,
      productId: reservations.productId,
      quantity: sql<number>`${reservations.quantity} - ${reservations.quantityPicked}`,
    })
    .from(reservations)
    .innerJoin(orderLines, eq(orderLines.id, reservations.orderLineId))
    .innerJoin(bins, eq(bins.id, reservations.binId))
    .innerJoin(products, eq(products.id, reservations.productId))
    .where(
      and(
        inArray(orderLines.orderId, input.orderIds),
        eq(reservations.status, 'active'),
        sql`${reservations.quantity} > ${reservations.quantityPicked}`,
      ),
    )
    .orderBy(asc(bins.pickSequence), asc(bins.code), asc(products.sku));
  const empty = input.orderIds.filter((id) => !rows.some((r) => r.orderId === id));
  if (empty.length > 0) {
    throw new AppError('order_nothing_to_pick', 422, `Nothing is reserved to pick for ${empty.join(', ')}.`, {
      expected: 'orders with reserved units',
      orderIds: empty,
    });
  }
  const waveId = newId('wav');
  const slots = new Map(input.orderIds.map((id, i) => [id, i + 1]));
  const unitsTotal = rows.reduce((n, r) => n + Number(r.quantity), 0);
  await tx.insert(waves).values({
    id: waveId,
    name: input.name ?? `Wave ${now.toISOString().slice(0, 16).replace('T', ' ')}`,
    criteria: input.criteria,
    unitsTotal,
    createdBy: actor.userId ?? null,
    createdAt: now,
  });
  await tx
    .insert(waveOrders)
    .values(input.orderIds.map((orderId) => ({ waveId, orderId, slot: slots.get(orderId) ?? 0 })));
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.insert(pickTasks).values(
      rows.slice(i, i + 1000).map((r, j) => ({
        id: newId('pck'),
        waveId,
        orderId: r.orderId,
        orderLineId: r.orderLineId,
        reservationId: r.reservationId,
        binId: r.binId,
        productId: r.productId,
        slot: slots.get(r.orderId) ?? 0,
        quantity: Number(r.quantity),
        sortKey: i + j + 1,
      })),
    );
  }
  await recordEvent(
    tx,
    actor,
    {
      type: 'wave.created',
      entityType: 'wave',
      entityId: waveId,
      payload: { orders: input.orderIds.length, units: unitsTotal, criteria: input.criteria },
    },
    now,
  );
  return waveId;
}
