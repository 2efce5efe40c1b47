import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { type orderCarrierChoices, prefetchedLabels, shipments } from '../../../db/schema/index.js';
import { type CarrierAdapter, CarrierError, type CarrierLabel } from '../../carriers/carrier.js';
import { AppError } from '../../errors.js';
import { buildCarrierRequest, isWeightWithinTolerance } from '../carriers/build-carrier-request.js';
import { type CarrierDeps, loadCarrier, preferredLabelFormat } from '../carriers/load-carrier.js';
import { settlePrefetchedLabel } from '../carriers/settle-prefetched-label.js';
import type { Actor } from '../events/record-event.js';
import { loadPackedOrder } from './load-packed-order.js';
import { recordShipment } from './record-shipment.js';

type Choice = typeof orderCarrierChoices.$inferSelect;

/**
 * The label of an order that ships with a carrier account. A label booked ahead is used when it was booked
 * with the same account and the packed weight is within tolerance, so packing goes on while the carrier is
 * down; otherwise the carrier books one now (outside the transaction: no row stays locked during HTTP),
 * and the unused label booked ahead is cancelled at the carrier.
 */
export async function createCarrierShipment(
  db: Database,
  deps: CarrierDeps,
  actor: Actor,
  input: { orderId: string; weightGrams?: number | undefined; choice: Choice },
  now: Date,
) {
  const { choice } = input;
  const packed = await loadPackedOrder(db, input.orderId, input.weightGrams, false);
  const [ready] = await db
    .select()
    .from(prefetchedLabels)
    .where(and(eq(prefetchedLabels.orderId, input.orderId), eq(prefetchedLabels.status, 'ready')));
  const usable =
    ready &&
    ready.carrierAccountId === choice.carrierAccountId &&
    isWeightWithinTolerance(ready.weightGrams, packed.weightGrams)
      ? ready
      : null;
  const adapter = await loadCarrier(db, deps, choice.carrierAccountId);

  let booked: { carrierShipmentId: string; parcel: { trackingNumber: string; label: CarrierLabel } };
  if (usable) {
    booked = {
      carrierShipmentId: usable.carrierShipmentId,
      parcel: {
        trackingNumber: usable.trackingNumber,
        label: { format: usable.labelFormat, bytes: new Uint8Array(usable.label) },
      },
    };
  } else {
    booked = await bookNow(db, adapter, packed, choice);
  }

  let created: Awaited<ReturnType<typeof recordShipment>>;
  try {
    created = await db.transaction(async (tx) => {
      const locked = await loadPackedOrder(tx, input.orderId, packed.weightGrams, true);
      if (usable) {
        const [taken] = await tx
          .update(prefetchedLabels)
          .set({ status: 'used', settledAt: now })
          .where(and(eq(prefetchedLabels.id, usable.id), eq(prefetchedLabels.status, 'ready')))
          .returning({ id: prefetchedLabels.id });
        if (!taken)
          throw new AppError(
            'prefetched_label_taken',
            409,
            'The label booked ahead was used by another packing; try again.',
          );
      }
      return recordShipment(tx, actor, now, {
        packed: locked,
        carrier: {
          code: adapter.code,
          name: adapter.name,
          service: choice.serviceCode,
          trackingUrl: null,
          carrierShipmentId: booked.carrierShipmentId,
          carrierAccountId: choice.carrierAccountId,
        },
        parcel: booked.parcel,
        via: usable ? 'prefetched' : 'booked',
      });
    });
  } catch (err) {
    // A label booked for a shipment we did not record would be billed for nothing.
    if (!usable) await adapter.cancel({ carrierShipmentId: booked.carrierShipmentId }).catch(() => undefined);
    throw err;
  }
  if (ready && !usable) await settlePrefetchedLabel(db, deps, ready.id, 'discarded', now);
  return created;
}

async function bookNow(
  db: Database,
  adapter: CarrierAdapter,
  packed: Awaited<ReturnType<typeof loadPackedOrder>>,
  choice: Choice,
) {
  // A key per booking attempt of the order: stable across the adapter's own retries, new after a cancel.
  const [row] = await db.select({ n: count() }).from(shipments).where(eq(shipments.orderId, packed.order.id));
  const request = buildCarrierRequest(packed.order, {
    channelName: packed.channelName,
    weightGrams: packed.weightGrams,
    serviceCode: choice.serviceCode,
    relayPointId: choice.relayPointId,
    idempotencyKey: `${packed.order.id}:pk${Number(row?.n ?? 0) + 1}`,
    labelFormat: preferredLabelFormat(adapter),
  });
  try {
    const created = await adapter.createShipment(request);
    const [parcel] = created.parcels;
    if (!parcel) throw new CarrierError(`${adapter.name} returned no parcel.`, 'carrier_bad_response', false);
    return { carrierShipmentId: created.carrierShipmentId, parcel };
  } catch (err) {
    if (!(err instanceof CarrierError)) throw err;
    const status = err.retryable ? 503 : 502;
    throw new AppError(
      err.retryable ? 'carrier_unavailable' : 'carrier_rejected',
      status,
      `${adapter.name}: ${err.message}`,
      {
        retryable: err.retryable,
      },
    );
  }
}
