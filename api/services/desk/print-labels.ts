import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { events, labelPrints } from '../../../db/schema/index.js';
import { concatZpl, mergeLabelPdfs } from '../../../labels/index.js';
import type { Actor } from '../events/record-event.js';
import { loadPrintParcels } from './load-print-parcels.js';
import { labelBytesIn } from './render-stored-label.js';

export interface PrintJob {
  batchId: string;
  format: 'pdf' | 'zpl';
  count: number;
  bytes: Uint8Array;
}

/**
 * N labels as one print job: one merged PDF (pages in the order given, or four to an A4 sheet) or one
 * ZPL stream of N ^XA…^XZ blocks. Each parcel's print is recorded, and each order gets an event, so the
 * desk sees what was printed, when, and how often.
 */
export async function printLabels(
  db: Database,
  actor: Actor,
  input: {
    parcelIds: string[];
    /** Absent: the format the first label was stored in (a reprint comes out as it did the first time). */
    format?: 'pdf' | 'zpl' | undefined;
    kind: 'batch' | 'reprint';
    fourUpA4?: boolean | undefined;
  },
  now: Date,
): Promise<PrintJob> {
  const parcels = await loadPrintParcels(db, input.parcelIds);
  const format = input.format ?? parcels[0]?.parcel.labelFormat ?? 'pdf';
  const labels: Uint8Array[] = [];
  for (const p of parcels) labels.push(await labelBytesIn(p, format));
  const bytes =
    format === 'pdf'
      ? await mergeLabelPdfs(labels, { fourUpA4: input.fourUpA4 ?? false })
      : new TextEncoder().encode(concatZpl(labels.map((l) => new TextDecoder().decode(l))));
  const batchId = newId('prb');
  await db.transaction(async (tx) => {
    await tx.insert(labelPrints).values(
      parcels.map((p) => ({
        id: newId('lpr'),
        parcelId: p.parcel.id,
        batchId,
        kind: input.kind,
        format,
        printedBy: actor.userId ?? null,
        printedAt: now,
      })),
    );
    await tx.insert(events).values(
      parcels.map((p) => ({
        id: newId('evt'),
        occurredAt: now,
        type: input.kind === 'reprint' ? 'label.reprinted' : 'label.printed',
        orderId: p.order.id,
        entityType: 'parcel',
        entityId: p.parcel.id,
        actorUserId: actor.userId ?? null,
        actorTokenId: actor.tokenId ?? null,
        deviceId: actor.deviceId ?? null,
        payload: { batchId, format, trackingNumber: p.parcel.trackingNumber },
      })),
    );
  });
  return { batchId, format, count: parcels.length, bytes };
}
