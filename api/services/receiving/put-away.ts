import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { receipts } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { scheduleStockPush } from '../allocation/schedule-stock-push.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { resolveBinCode, resolveProductCode } from '../scans/resolve-scan.js';
import { findRecordedScan } from '../scans/scan-replay.js';
import { allocateBackorders } from '../stock/allocate-backorders.js';
import { applyMovement } from '../stock/apply-movement.js';

export interface PutAwayInput {
  clientScanId: string;
  /** The item (barcode or SKU) and then the bin label it was put in. */
  itemCode: string;
  binCode: string;
  quantity: number;
}

/**
 * Received goods go on a shelf: this is when they become on-hand (a `receipt` movement per receipt it
 * draws from, oldest first, carrying lot and expiry), backorders take their share, and channels are told.
 */
export async function putAway(
  deps: { db: Database; jobs: JobQueue },
  actor: Actor,
  input: PutAwayInput,
  now: Date,
): Promise<{ isReplay: boolean; binId: string; productId: string; quantity: number }> {
  const replay = await findRecordedScan(deps.db, input.clientScanId);
  if (replay) {
    const p = replay.payload as { binId: string; productId: string; quantity: number };
    return { isReplay: true, ...p };
  }
  const bin = await resolveBinCode(deps.db, input.binCode);
  if (!bin)
    throw new AppError('scan_unknown_bin', 422, `No bin is labelled "${input.binCode}".`, {
      field: 'binCode',
    });
  const product = await resolveProductCode(deps.db, input.itemCode);
  if (!product)
    throw new AppError(
      'scan_unknown_item',
      422,
      `"${input.itemCode}" is not a known product barcode or SKU.`,
      { field: 'itemCode' },
    );
  const units = input.quantity * product.unitsPerScan;
  return deps.db.transaction(async (tx) => {
    const waiting = await tx
      .select()
      .from(receipts)
      .where(and(eq(receipts.productId, product.id), sql`${receipts.quantityPutAway} < ${receipts.quantity}`))
      .orderBy(asc(receipts.receivedAt), asc(receipts.id))
      .for('update');
    const total = waiting.reduce((n, r) => n + r.quantity - r.quantityPutAway, 0);
    if (total < units)
      throw new AppError(
        'putaway_exceeds_received',
        422,
        `Only ${total} unit(s) of ${product.sku} are waiting to be put away; got ${units}.`,
        {
          field: 'quantity',
          expected: total,
        },
      );
    let left = units;
    for (const r of waiting) {
      if (left === 0) break;
      const take = Math.min(left, r.quantity - r.quantityPutAway);
      await tx
        .update(receipts)
        .set({ quantityPutAway: sql`${receipts.quantityPutAway} + ${take}`, lastBinId: bin.id })
        .where(eq(receipts.id, r.id));
      await applyMovement(
        tx,
        actor,
        {
          productId: product.id,
          binId: bin.id,
          delta: take,
          reason: 'receipt',
          reference: r.id,
          lot: r.lot,
          expiresOn: r.expiresOn,
        },
        now,
      );
      left -= take;
    }
    await allocateBackorders(tx, product.id);
    await scheduleStockPush(tx, deps.jobs, [product.id]);
    const payload = { binId: bin.id, productId: product.id, quantity: units };
    await recordEvent(
      tx,
      actor,
      {
        type: 'putaway.scanned',
        entityType: 'bin',
        entityId: bin.id,
        clientScanId: input.clientScanId,
        payload: { ...payload, sku: product.sku, bin: bin.code },
      },
      now,
    );
    return { isReplay: false, ...payload };
  });
}
