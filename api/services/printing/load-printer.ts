import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { printers } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';

export async function loadPrinter(db: Executor, printerId: string) {
  const [printer] = await db.select().from(printers).where(eq(printers.id, printerId));
  if (!printer) throw notFound('printer_not_found', `Printer ${printerId} does not exist.`);
  if (!printer.isEnabled) throw new AppError('printer_disabled', 409, `Printer ${printer.name} is disabled.`);
  return printer;
}

export type Printer = Awaited<ReturnType<typeof loadPrinter>>;

/** Bounded waits: a status answer comes within milliseconds on a LAN; a job of a few labels within a second. */
export const printerTimeouts = {
  statusMs: Number(process.env.PRINTER_STATUS_TIMEOUT_MS ?? 1500),
  jobMs: Number(process.env.PRINTER_JOB_TIMEOUT_MS ?? 5000),
};
