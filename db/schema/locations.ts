import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

export const warehouses = pgTable('warehouses', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const bins = pgTable(
  'bins',
  {
    id: text('id').primaryKey(),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    /** Human code printed on the shelf label, e.g. A-01-02-1 (zone-aisle-rack-level). */
    code: text('code').notNull(),
    zone: text('zone').notNull().default(''),
    aisle: text('aisle').notNull().default(''),
    rack: text('rack').notNull().default(''),
    level: text('level').notNull().default(''),
    position: text('position').notNull().default(''),
    /** Walking order through the warehouse; pick lists are sorted by it. */
    pickSequence: integer('pick_sequence').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bins_warehouse_code_uq').on(t.warehouseId, t.code),
    index('bins_pick_seq_idx').on(t.pickSequence),
    // Scanners often send the shelf code printed beside the barcode: look it up without a table scan.
    index('bins_code_idx').on(t.code),
  ],
);
