import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.js';
import { labelFormats, parcels } from './shipments.js';

export const labelPrintKinds = ['batch', 'reprint'] as const;

/** Every time the desk sent a parcel's label to a printer (or downloaded it for one). */
export const labelPrints = pgTable(
  'label_prints',
  {
    id: text('id').primaryKey(),
    parcelId: text('parcel_id')
      .notNull()
      .references(() => parcels.id),
    batchId: text('batch_id').notNull(),
    kind: text('kind', { enum: labelPrintKinds }).notNull(),
    format: text('format', { enum: labelFormats }).notNull(),
    printedBy: text('printed_by'),
    printedAt: createdAt(),
  },
  (t) => [index('label_prints_parcel_idx').on(t.parcelId)],
);

/** One carrier's end-of-day list of parcels, signed by its driver. */
export const manifests = pgTable('manifests', {
  id: text('id').primaryKey(),
  carrierCode: text('carrier_code').notNull(),
  carrierName: text('carrier_name').notNull(),
  carrierAccountId: text('carrier_account_id'),
  parcelCount: integer('parcel_count').notNull(),
  weightGrams: integer('weight_grams').notNull(),
  closedBy: text('closed_by'),
  closedAt: createdAt(),
});

export const manifestParcels = pgTable(
  'manifest_parcels',
  {
    manifestId: text('manifest_id')
      .notNull()
      .references(() => manifests.id),
    parcelId: text('parcel_id')
      .notNull()
      .references(() => parcels.id),
    /** Set once, by a conditional update: a second scan of the same parcel is refused. */
    scannedOutAt: tstz('scanned_out_at'),
    scannedOutBy: text('scanned_out_by'),
  },
  (t) => [
    // A parcel is on one manifest only: two desks closing the same carrier at once cannot both take it.
    uniqueIndex('manifest_parcels_parcel_uq').on(t.parcelId),
    index('manifest_parcels_manifest_idx').on(t.manifestId),
  ],
);
