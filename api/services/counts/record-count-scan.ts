import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { bins, cycleCountLines, cycleCounts } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { resolveBinCode, resolveProductCode } from '../scans/resolve-scan.js';
import { findRecordedScan } from '../scans/scan-replay.js';

export interface CountScanInput {
  clientScanId: string;
  binCode: string;
  itemCode: string;
  quantity: number;
}

/**
 * One scan while counting a bin: the counter scans the bin label, then each item (or an item and a
 * quantity). Scans add up per product; a re-sent scan counts once.
 */
export async function recordCountScan(
  db: Database,
  actor: Actor,
  countId: string,
  input: CountScanInput,
  now: Date,
): Promise<{ isReplay: boolean; productId: string; counted: number }> {
  const [count] = await db
    .select({
      id: cycleCounts.id,
      binId: cycleCounts.binId,
      productId: cycleCounts.productId,
      status: cycleCounts.status,
      binCode: bins.code,
    })
    .from(cycleCounts)
    .innerJoin(bins, eq(bins.id, cycleCounts.binId))
    .where(eq(cycleCounts.id, countId));
  if (!count) throw notFound('count_not_found', `Cycle count ${countId} does not exist.`);
  const replay = await findRecordedScan(db, input.clientScanId);
  if (replay) {
    const payload = replay.payload as { productId?: string; counted?: number };
    return { isReplay: true, productId: payload.productId ?? '', counted: payload.counted ?? 0 };
  }
  if (count.status !== 'open')
    throw new AppError('count_not_open', 409, `This count is ${count.status}; scans are no longer taken.`);
  const bin = await resolveBinCode(db, input.binCode);
  if (!bin || bin.id !== count.binId) {
    throw new AppError(
      'scan_wrong_bin',
      422,
      `Scanned "${input.binCode}", expected the label of bin ${count.binCode}.`,
      { field: 'binCode', expected: count.binCode },
    );
  }
  const product = await resolveProductCode(db, input.itemCode);
  if (!product)
    throw new AppError(
      'scan_unknown_item',
      422,
      `"${input.itemCode}" is not a known product barcode or SKU.`,
      {
        field: 'itemCode',
      },
    );
  if (count.productId && product.id !== count.productId) {
    throw new AppError(
      'scan_unexpected_item',
      422,
      `This count is for one product only; ${product.sku} is not it.`,
      {
        field: 'itemCode',
      },
    );
  }
  const units = input.quantity * product.unitsPerScan;
  return db.transaction(async (tx) => {
    const [line] = await tx
      .insert(cycleCountLines)
      .values({ id: newId('cnl'), countId, productId: product.id, counted: units })
      .onConflictDoUpdate({
        target: [cycleCountLines.countId, cycleCountLines.productId],
        set: { counted: sql`${cycleCountLines.counted} + ${units}` },
      })
      .returning({ counted: cycleCountLines.counted });
    const counted = line?.counted ?? units;
    await recordEvent(
      tx,
      actor,
      {
        type: 'count.scanned',
        entityType: 'cycle_count',
        entityId: countId,
        clientScanId: input.clientScanId,
        payload: { productId: product.id, sku: product.sku, units, counted },
      },
      now,
    );
    return { isReplay: false, productId: product.id, counted };
  });
}
