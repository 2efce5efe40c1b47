import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import {
  labelPrints,
  manifestParcels,
  orderShippingDecisions,
  orders,
  parcels,
  shipments,
} from '../../../db/schema/index.js';

export interface PrintQueueParcel {
  parcelId: string;
  shipmentId: string;
  orderId: string;
  orderRef: string;
  orderStatus: string;
  priority: number;
  holdReason: string | null;
  shipBy: string | null;
  trackingNumber: string;
  weightGrams: number;
  labelFormat: 'pdf' | 'zpl';
  printCount: number;
  lastPrintedAt: string | null;
  manifestId: string | null;
  scannedOutAt: string | null;
  rule: { source: string; name: string | null; reason: string | null } | null;
}

export interface PrintQueueGroup {
  carrierCode: string;
  carrierName: string;
  service: string;
  parcels: PrintQueueParcel[];
}

/**
 * Labels not yet handed over (shipment labelled), grouped by carrier and service, expedited orders first,
 * then by ship-by. With `unprintedOnly`, only parcels whose label no one printed at the desk yet.
 */
export async function listPrintQueue(
  db: Database,
  input: { unprintedOnly?: boolean | undefined } = {},
): Promise<PrintQueueGroup[]> {
  const printCount = sql<number>`(select count(*)::int from ${labelPrints} where ${labelPrints.parcelId} = ${parcels.id})`;
  const rows = await db
    .select({
      parcelId: parcels.id,
      shipmentId: shipments.id,
      carrierCode: shipments.carrierCode,
      carrierName: shipments.carrierName,
      service: shipments.service,
      orderId: orders.id,
      orderRef: orders.externalId,
      orderStatus: orders.status,
      priority: orders.priority,
      holdReason: orders.holdReason,
      shipBy: orders.shipBy,
      trackingNumber: parcels.trackingNumber,
      weightGrams: parcels.weightGrams,
      labelFormat: parcels.labelFormat,
      printCount,
      lastPrintedAt: sql<
        Date | string | null
      >`(select max(${labelPrints.printedAt}) from ${labelPrints} where ${labelPrints.parcelId} = ${parcels.id})`,
      manifestId: manifestParcels.manifestId,
      scannedOutAt: manifestParcels.scannedOutAt,
      decision: orderShippingDecisions,
    })
    .from(parcels)
    .innerJoin(shipments, eq(shipments.id, parcels.shipmentId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .leftJoin(manifestParcels, eq(manifestParcels.parcelId, parcels.id))
    .leftJoin(orderShippingDecisions, eq(orderShippingDecisions.orderId, orders.id))
    .where(
      and(inArray(shipments.status, ['labelled']), input.unprintedOnly ? sql`${printCount} = 0` : undefined),
    )
    .orderBy(desc(orders.priority), sql`${orders.shipBy} asc nulls last`, parcels.createdAt)
    .limit(2000);
  const groups = new Map<string, PrintQueueGroup>();
  for (const r of rows) {
    const key = `${r.carrierCode}\u0000${r.service}`;
    let group = groups.get(key);
    if (!group) {
      group = { carrierCode: r.carrierCode, carrierName: r.carrierName, service: r.service, parcels: [] };
      groups.set(key, group);
    }
    const last = r.lastPrintedAt === null ? null : new Date(r.lastPrintedAt);
    group.parcels.push({
      parcelId: r.parcelId,
      shipmentId: r.shipmentId,
      orderId: r.orderId,
      orderRef: r.orderRef,
      orderStatus: r.orderStatus,
      priority: r.priority,
      holdReason: r.holdReason,
      shipBy: r.shipBy?.toISOString() ?? null,
      trackingNumber: r.trackingNumber,
      weightGrams: r.weightGrams,
      labelFormat: r.labelFormat,
      printCount: Number(r.printCount),
      lastPrintedAt: last?.toISOString() ?? null,
      manifestId: r.manifestId,
      scannedOutAt: r.scannedOutAt?.toISOString() ?? null,
      rule: r.decision
        ? { source: r.decision.source, name: r.decision.ruleName, reason: r.decision.reason }
        : null,
    });
  }
  return [...groups.values()].sort(
    (a, b) => a.carrierName.localeCompare(b.carrierName) || a.service.localeCompare(b.service),
  );
}
