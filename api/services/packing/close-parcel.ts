import type { Database } from '../../../db/client.js';
import { AppError } from '../../errors.js';
import type { CarrierDeps } from '../carriers/load-carrier.js';
import type { Actor } from '../events/record-event.js';
import { loadPrinter } from '../printing/load-printer.js';
import { type PrintOutcome, sendLabels } from '../printing/send-labels.js';
import { type CloseBoxInput, closeBox } from './close-box.js';
import { type LabelledOrder, labelPackedOrder } from './label-packed-order.js';

export interface PrintResult {
  outcome: PrintOutcome | null;
  /** Why the labels did not reach the printer (they are booked and can be printed again). */
  error: { code: string; message: string } | null;
}

/**
 * The station's "parcel done": the box closes (rules checked first), and when it was the order's last
 * box the labels are booked and sent to the workstation's printer at once.
 */
export async function closeParcel(
  deps: { db: Database } & CarrierDeps,
  actor: Actor,
  input: CloseBoxInput & { printerId?: string | undefined },
  now: Date,
): Promise<{ orderId: string; labelled: LabelledOrder | null; print: PrintResult | null }> {
  const printer = input.printerId ? await loadPrinter(deps.db, input.printerId) : null;
  const closed = await closeBox(deps.db, actor, input, now);
  if (!closed.isLastBox) return { orderId: closed.orderId, labelled: null, print: null };
  return labelAndPrint(deps, actor, { orderId: closed.orderId, printerId: printer?.id }, now);
}

/** Books the order's labels (or finds them booked) and prints them where the station says. */
export async function labelAndPrint(
  deps: { db: Database } & CarrierDeps,
  actor: Actor,
  input: { orderId: string; printerId?: string | undefined },
  now: Date,
) {
  const printer = input.printerId ? await loadPrinter(deps.db, input.printerId) : null;
  const labelled = await labelPackedOrder(
    deps,
    actor,
    { orderId: input.orderId, labelFormat: printer?.kind === 'zpl_network' ? 'zpl' : 'pdf' },
    now,
  );
  if (!printer) return { orderId: input.orderId, labelled, print: null };
  try {
    const outcome = await sendLabels(
      deps.db,
      actor,
      {
        printerId: printer.id,
        parcelIds: labelled.parcels.map((p) => p.parcelId),
        reason: labelled.isReplay ? 'reprint' : 'first',
      },
      now,
    );
    return { orderId: input.orderId, labelled, print: { outcome, error: null } };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return {
      orderId: input.orderId,
      labelled,
      print: { outcome: null, error: { code: err.code, message: err.message } },
    };
  }
}
