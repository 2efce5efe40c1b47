import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/**
 * `zpl_network`: a thermal printer reached over raw TCP (port 9100) from the server; `pdf_browser`: the
 * workstation's own print dialog, for a printer the browser knows.
 */
export const printerKinds = ['zpl_network', 'pdf_browser'] as const;
export type PrinterKind = (typeof printerKinds)[number];

/** The label printers of the warehouse; each workstation picks one (kept on the device). */
export const printers = pgTable('printers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: printerKinds }).notNull(),
  host: text('host'),
  port: integer('port').notNull().default(9100),
  dpi: integer('dpi').notNull().default(203),
  isEnabled: boolean('is_enabled').notNull().default(true),
  createdAt: createdAt(),
});
