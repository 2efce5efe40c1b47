import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import {
  carrierAccounts,
  manifestParcels,
  manifests,
  orders,
  parcels,
  shipments,
} from '../../../db/schema/index.js';
import { renderManifestPdf } from '../../../labels/index.js';
import { notFound, unprocessable } from '../../errors.js';
import { shipFrom } from '../shipping/self-issued-carrier.js';

/** The manifest as the driver signs it: one row and one Code 128 per parcel still on it. */
export async function renderManifest(db: Database, manifestId: string): Promise<Uint8Array> {
  const [manifest] = await db.select().from(manifests).where(eq(manifests.id, manifestId));
  if (!manifest) throw notFound('manifest_not_found', `Manifest ${manifestId} does not exist.`);
  const rows = await db
    .select({
      trackingNumber: parcels.trackingNumber,
      weightGrams: parcels.weightGrams,
      service: shipments.service,
      orderRef: orders.externalId,
      address: orders.shippingAddress,
    })
    .from(manifestParcels)
    .innerJoin(parcels, eq(parcels.id, manifestParcels.parcelId))
    .innerJoin(shipments, eq(shipments.id, parcels.shipmentId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(eq(manifestParcels.manifestId, manifestId))
    .orderBy(asc(parcels.createdAt), asc(parcels.id));
  if (rows.length === 0)
    throw unprocessable(
      'manifest_empty',
      'Every parcel of this manifest was voided; there is nothing to sign.',
    );
  let accountNumber: string | null = null;
  if (manifest.carrierAccountId) {
    const [account] = await db
      .select({ settings: carrierAccounts.settings })
      .from(carrierAccounts)
      .where(eq(carrierAccounts.id, manifest.carrierAccountId));
    const value = account?.settings.accountNumber;
    accountNumber = typeof value === 'string' && value.trim() ? value : null;
  }
  return renderManifestPdf({
    carrierName: manifest.carrierName,
    accountNumber,
    warehouseName: String(shipFrom.name),
    closedAt: manifest.closedAt.toISOString(),
    parcels: rows.map((r) => ({
      trackingNumber: r.trackingNumber,
      orderRef: r.orderRef,
      service: r.service,
      destination: `${r.address.postalCode} ${r.address.city} ${r.address.countryCode.toUpperCase()}`,
      weightGrams: Math.max(1, r.weightGrams),
    })),
  });
}
