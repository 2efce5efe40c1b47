import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import {
  channels,
  orderCarrierChoices,
  orderLines,
  orders,
  prefetchedLabels,
  products,
  shipments,
} from '../../../db/schema/index.js';
import { CarrierError } from '../../carriers/carrier.js';
import { buildCarrierRequest } from './build-carrier-request.js';
import { type CarrierDeps, loadCarrier, preferredLabelFormat } from './load-carrier.js';

export type PrefetchOutcome = 'stored' | 'already_stored' | 'not_eligible';

/**
 * Books tomorrow's label of one order ahead, at the weight its products add up to, and stores it. The
 * booking key depends only on how many labels the order had booked ahead before, so a job retried after
 * a timeout books under the same key (carriers with an idempotency key then book once).
 */
export async function prefetchLabel(
  deps: CarrierDeps & { db: Database; clock: { now(): Date } },
  orderId: string,
): Promise<PrefetchOutcome> {
  const { db } = deps;
  const [row] = await db
    .select({ order: orders, channelName: channels.name, choice: orderCarrierChoices })
    .from(orders)
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .innerJoin(orderCarrierChoices, eq(orderCarrierChoices.orderId, orders.id))
    .where(eq(orders.id, orderId));
  if (!row || !['ready', 'picking'].includes(row.order.status)) return 'not_eligible';
  const [open] = await db
    .select({ id: shipments.id })
    .from(shipments)
    .where(and(eq(shipments.orderId, orderId), ne(shipments.status, 'cancelled')));
  if (open) return 'not_eligible';
  const [waiting] = await db
    .select({ id: prefetchedLabels.id })
    .from(prefetchedLabels)
    .where(and(eq(prefetchedLabels.orderId, orderId), eq(prefetchedLabels.status, 'ready')));
  if (waiting) return 'already_stored';

  const lines = await db
    .select({ quantity: orderLines.quantity, weight: products.weightGrams })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(
      and(eq(orderLines.orderId, orderId), inArray(orderLines.status, ['reserved', 'picked', 'packed'])),
    );
  const weightGrams = Math.max(
    1,
    lines.reduce((g, l) => g + l.weight * l.quantity, 0),
  );
  const [before] = await db
    .select({ n: count() })
    .from(prefetchedLabels)
    .where(eq(prefetchedLabels.orderId, orderId));
  const idempotencyKey = `${orderId}:pf${Number(before?.n ?? 0) + 1}`;
  const adapter = await loadCarrier(db, deps, row.choice.carrierAccountId);
  const created = await adapter.createShipment(
    buildCarrierRequest(row.order, {
      channelName: row.channelName,
      weightGrams,
      serviceCode: row.choice.serviceCode,
      relayPointId: row.choice.relayPointId,
      idempotencyKey,
      labelFormat: preferredLabelFormat(adapter),
    }),
  );
  const [parcel] = created.parcels;
  if (!parcel) throw new CarrierError(`${adapter.name} returned no parcel.`, 'carrier_bad_response', true);
  const inserted = await db
    .insert(prefetchedLabels)
    .values({
      id: newId('plb'),
      orderId,
      carrierAccountId: row.choice.carrierAccountId,
      serviceCode: row.choice.serviceCode,
      idempotencyKey,
      carrierShipmentId: created.carrierShipmentId,
      trackingNumber: parcel.trackingNumber,
      weightGrams,
      labelFormat: parcel.label.format,
      label: parcel.label.bytes,
      createdAt: deps.clock.now(),
    })
    .onConflictDoNothing()
    .returning({ id: prefetchedLabels.id });
  return inserted.length > 0 ? 'stored' : 'already_stored';
}
