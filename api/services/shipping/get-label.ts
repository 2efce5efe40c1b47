import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { parcels } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';

export async function getParcelLabel(db: Database, parcelId: string) {
  const [row] = await db
    .select({ label: parcels.label, format: parcels.labelFormat, trackingNumber: parcels.trackingNumber })
    .from(parcels)
    .where(eq(parcels.id, parcelId));
  if (!row) throw notFound('parcel_not_found', `Parcel ${parcelId} does not exist.`);
  return { bytes: new Uint8Array(row.label), format: row.format, trackingNumber: row.trackingNumber };
}
