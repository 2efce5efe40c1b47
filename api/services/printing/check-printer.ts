import type { Executor } from '../../../db/client.js';
import { AppError } from '../../errors.js';
import { type HostStatus, isHostStatusComplete, parseHostStatus } from './host-status.js';
import { loadPrinter, type Printer, printerTimeouts } from './load-printer.js';
import { exchangeRaw } from './raw-tcp.js';

export interface PrinterStatus {
  printerId: string;
  isReady: boolean;
  /** Why it is not ready, in words ("out of labels", "not answering…"). */
  message: string;
  status: HostStatus | null;
  ms: number;
}

/**
 * Asks a network printer how it is (`~HS`). A Zebra does not answer while out of media, out of ribbon or
 * with its head open, so silence within the timeout is reported as such rather than waited on.
 */
export async function queryPrinterStatus(printer: Printer): Promise<PrinterStatus> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  if (printer.kind !== 'zpl_network' || !printer.host)
    return { printerId: printer.id, isReady: true, message: 'printed from the browser', status: null, ms: 0 };
  try {
    const answer = await exchangeRaw(
      { host: printer.host, port: printer.port },
      new TextEncoder().encode('~HS'),
      { timeoutMs: printerTimeouts.statusMs, isComplete: isHostStatusComplete },
    );
    const status = parseHostStatus(answer);
    if (!status)
      return { printerId: printer.id, isReady: false, message: 'unreadable status answer', status, ms: ms() };
    const isReady = status.problems.length === 0;
    return {
      printerId: printer.id,
      isReady,
      message: isReady ? 'ready' : status.problems.join(', '),
      status,
      ms: ms(),
    };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { printerId: printer.id, isReady: false, message: err.message, status: null, ms: ms() };
  }
}

export async function checkPrinter(db: Executor, printerId: string): Promise<PrinterStatus> {
  return queryPrinterStatus(await loadPrinter(db, printerId));
}
