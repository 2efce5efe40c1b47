import { eq, sql } from 'drizzle-orm';
import { orderLines, orders, parcelLines, parcels, shipments } from '../../../db/schema/index.js';
import { ChannelError } from '../../channels/connector.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { loadChannel } from '../channels/load-channel.js';
import { recordEvent, systemActor } from '../events/record-event.js';

export type PushOutcome = 'confirmed' | 'already_confirmed' | 'confirmed_by_read_back' | 'rejected';

/**
 * Sends a shipped parcel's carrier and tracking number to its channel, exactly once. A retry (the job
 * ran before and did not record success) or an ambiguous failure first reads the channel back: if the
 * channel already shows this tracking number, it is recorded as confirmed without writing again.
 * Retryable failures are re-thrown for the queue's back-off; a refusal that will never succeed is
 * recorded as failed for the desk to see.
 */
export async function pushShipment(
  deps: Pick<AppDeps, 'db' | 'secrets' | 'connectors' | 'clock' | 'logger'>,
  shipmentId: string,
): Promise<PushOutcome> {
  const [claimed] = await deps.db
    .update(shipments)
    .set({ channelPushAttempts: sql`${shipments.channelPushAttempts} + 1` })
    .where(eq(shipments.id, shipmentId))
    .returning();
  if (!claimed) throw notFound('shipment_not_found', `Shipment ${shipmentId} does not exist.`);
  if (claimed.channelPushStatus === 'confirmed') return 'already_confirmed';
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, claimed.orderId));
  if (!order) throw notFound('order_not_found', `Order ${claimed.orderId} does not exist.`);
  const channel = await loadChannel(deps, order.channelId);
  // An order split at the desk is still one order at the channel, under the channel's own id.
  const channelOrderId = order.channelExternalId ?? order.externalId;
  const parcelRows = await deps.db
    .select({
      trackingNumber: parcels.trackingNumber,
      externalLineId: orderLines.externalLineId,
      quantity: parcelLines.quantity,
    })
    .from(parcels)
    .innerJoin(parcelLines, eq(parcelLines.parcelId, parcels.id))
    .innerJoin(orderLines, eq(orderLines.id, parcelLines.orderLineId))
    .where(eq(parcels.shipmentId, shipmentId));
  const trackingNumber = parcelRows[0]?.trackingNumber;
  if (!trackingNumber) throw notFound('parcel_not_found', `Shipment ${shipmentId} has no parcel.`);
  const trackingNumbers = [...new Set(parcelRows.map((p) => p.trackingNumber))];

  const alreadyThere = async () => {
    const state = await channel.connector.readShipmentState(channelOrderId);
    // One parcel of several: the order is not "shipped" yet, but this parcel's number is there.
    if (trackingNumbers.every((n) => state.trackingNumbers?.includes(n))) return true;
    return state.shipped && state.trackingNumber === trackingNumber;
  };
  if (claimed.channelPushAttempts > 1 && (await alreadyThere())) {
    await markConfirmed(deps, shipmentId, order.id, trackingNumber, 'read_back');
    return 'confirmed_by_read_back';
  }
  try {
    await channel.connector.confirmShipment({
      externalOrderId: channelOrderId,
      carrierCode: claimed.carrierCode,
      carrierName: claimed.carrierName,
      carrierUrl: claimed.trackingUrl,
      trackingNumber,
      ...(trackingNumbers.length > 1 ? { trackingNumbers } : {}),
      lines: parcelRows.map((p) => ({ externalLineId: p.externalLineId, quantity: p.quantity })),
    });
  } catch (err) {
    if (err instanceof ChannelError && err.ambiguous && (await alreadyThere().catch(() => false))) {
      await markConfirmed(deps, shipmentId, order.id, trackingNumber, 'read_back');
      return 'confirmed_by_read_back';
    }
    const message = err instanceof Error ? err.message : String(err);
    const isFinal = err instanceof ChannelError && !err.retryable && !err.ambiguous;
    await deps.db
      .update(shipments)
      .set({ channelPushError: message, channelPushStatus: isFinal ? 'failed' : 'pending' })
      .where(eq(shipments.id, shipmentId));
    if (isFinal) {
      await recordEvent(
        deps.db,
        systemActor,
        {
          type: 'shipment.channel_rejected',
          orderId: order.id,
          entityType: 'shipment',
          entityId: shipmentId,
          payload: { message },
        },
        deps.clock.now(),
      );
      return 'rejected';
    }
    throw err;
  }
  await markConfirmed(deps, shipmentId, order.id, trackingNumber, 'write');
  return 'confirmed';
}

async function markConfirmed(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  shipmentId: string,
  orderId: string,
  trackingNumber: string,
  via: 'write' | 'read_back',
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(shipments)
      .set({ channelPushStatus: 'confirmed', channelConfirmedAt: now, channelPushError: null })
      .where(eq(shipments.id, shipmentId));
    await recordEvent(
      tx,
      systemActor,
      {
        type: 'shipment.confirmed_at_channel',
        orderId,
        entityType: 'shipment',
        entityId: shipmentId,
        payload: { trackingNumber, via },
      },
      now,
    );
  });
}
