import { jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/**
 * Saved column mappings for importing manual orders from a CSV/XLSX file: which column of the file
 * holds each field of ours (`{ reference: "N° commande", sku: "Réf", … }`), plus defaults for fields
 * the file does not carry (currency). Named, so the desk picks "Grossiste Dupont" instead of mapping
 * the same export again each week.
 */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** What the file feeds: `orders` (manual order import) or `products` (the ERP's product base). */
    kind: text('kind').notNull().default('orders'),
    columns: jsonb('columns').$type<Record<string, string>>().notNull(),
    defaults: jsonb('defaults').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('import_mappings_name_uq').on(t.name)],
);
