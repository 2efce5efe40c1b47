import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.js';
import { orderLines, orders } from './orders.js';
import { parcels } from './shipments.js';

/** `open`: units are going in; `closed`: weighed, measured and checked, waiting for (or with) its label. */
export const packBoxStatuses = ['open', 'closed'] as const;

/**
 * A box at the packing station before it is a parcel with a label: an order may fill several. Each box
 * keeps its own packaging, weight and size; `parcelId` is set once its label is booked.
 */
export const packBoxes = pgTable(
  'pack_boxes',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    /** 1-based place among the order's boxes ("parcel 2 of 3"). */
    seq: integer('seq').notNull(),
    status: text('status', { enum: packBoxStatuses }).notNull().default('open'),
    packagingCode: text('packaging_code'),
    /** Typed or read from the scale; null until closed, when the computed weight is used if none was read. */
    weightGrams: integer('weight_grams'),
    lengthCm: integer('length_cm'),
    widthCm: integer('width_cm'),
    heightCm: integer('height_cm'),
    parcelId: text('parcel_id').references(() => parcels.id),
    closedAt: tstz('closed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('pack_boxes_order_seq_uq').on(t.orderId, t.seq),
    // One box is filled at a time: two stations cannot open a second box for the same order.
    uniqueIndex('pack_boxes_open_uq').on(t.orderId).where(sql`${t.status} = 'open'`),
  ],
);

/** Units of each order line in a box; scan-to-verify adds one per scan, in the scan's transaction. */
export const packBoxLines = pgTable(
  'pack_box_lines',
  {
    boxId: text('box_id')
      .notNull()
      .references(() => packBoxes.id),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    uniqueIndex('pack_box_lines_pk').on(t.boxId, t.orderLineId),
    index('pack_box_lines_line_idx').on(t.orderLineId),
  ],
);
