import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { parcels, shipments } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { queryPrinterStatus } from './check-printer.js';
import { loadPrinter, printerTimeouts } from './load-printer.js';
import { exchangeRaw } from './raw-tcp.js';

export interface PrintOutcome {
  printerId: string;
  /** `sent`: the ZPL reached the printer; `browser`: the station opens the PDF in the print dialog. */
  via: 'sent' | 'browser';
  parcelIds: string[];
  /** Status check plus transfer, as the server saw it. */
  ms: number;
}

/**
 * Sends parcels' labels to a workstation's printer. A network printer gets one ZPL stream over raw TCP,
 * after a `~HS` check so a printer out of labels is reported rather than silently fed; a browser printer
 * is told to open the PDF. Each print is an event (reprints included), for the audit trail.
 */
export async function sendLabels(
  db: Executor,
  actor: Actor,
  input: { printerId: string; parcelIds: string[]; reason: 'first' | 'reprint' },
  now: Date,
): Promise<PrintOutcome> {
  const printer = await loadPrinter(db, input.printerId);
  const started = performance.now();
  const rows = await db
    .select({ id: parcels.id, format: parcels.labelFormat, label: parcels.label, orderId: shipments.orderId })
    .from(parcels)
    .innerJoin(shipments, eq(shipments.id, parcels.shipmentId))
    .where(inArray(parcels.id, input.parcelIds));
  const labels = input.parcelIds.map((id) => rows.find((r) => r.id === id));
  if (labels.some((l) => !l))
    throw new AppError('parcel_not_found', 404, 'A parcel to print does not exist.');

  let via: PrintOutcome['via'] = 'browser';
  if (printer.kind === 'zpl_network') {
    const wrong = labels.find((l) => l?.format !== 'zpl');
    if (wrong)
      throw new AppError(
        'printer_format_mismatch',
        409,
        `Parcel ${wrong.id} has a PDF label; ${printer.name} prints ZPL. Print it from the browser.`,
      );
    if (!printer.host) throw new AppError('printer_not_configured', 409, `${printer.name} has no address.`);
    const status = await queryPrinterStatus(printer);
    if (!status.isReady)
      throw new AppError('printer_not_ready', 503, `${printer.name} is not ready: ${status.message}.`, {
        status: status.status,
      });
    const stream = Buffer.concat(labels.map((l) => Buffer.from(l!.label)));
    await exchangeRaw({ host: printer.host, port: printer.port }, stream, {
      timeoutMs: printerTimeouts.jobMs,
    });
    via = 'sent';
  }
  const ms = Math.round(performance.now() - started);
  for (const label of labels) {
    await recordEvent(
      db,
      actor,
      {
        type: 'parcel.label_printed',
        orderId: label!.orderId,
        entityType: 'parcel',
        entityId: label!.id,
        payload: { printerId: printer.id, via, reason: input.reason, ms },
      },
      now,
    );
  }
  return { printerId: printer.id, via, parcelIds: input.parcelIds, ms };
}
