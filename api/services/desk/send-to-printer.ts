import type { Executor } from '../../../db/client.js';
import { AppError } from '../../errors.js';
import { queryPrinterStatus } from '../printing/check-printer.js';
import { loadPrinter, printerTimeouts } from '../printing/load-printer.js';
import { exchangeRaw } from '../printing/raw-tcp.js';

/**
 * Hands a desk print job to a network label printer (raw TCP 9100) through the printing module, after its
 * status check so a printer out of labels says so instead of swallowing the batch. Only ZPL goes there:
 * a PDF batch is printed from the browser.
 */
export async function sendToPrinter(
  db: Executor,
  printerId: string,
  zpl: Uint8Array,
): Promise<{ printerName: string }> {
  const printer = await loadPrinter(db, printerId);
  if (printer.kind !== 'zpl_network' || !printer.host)
    throw new AppError(
      'printer_not_network',
      409,
      `${printer.name} prints from the browser; download the batch instead.`,
    );
  const status = await queryPrinterStatus(printer);
  if (!status.isReady)
    throw new AppError('printer_not_ready', 503, `${printer.name} is not ready: ${status.message}.`);
  await exchangeRaw({ host: printer.host, port: printer.port }, Buffer.from(zpl), {
    timeoutMs: printerTimeouts.jobMs,
  });
  return { printerName: printer.name };
}
