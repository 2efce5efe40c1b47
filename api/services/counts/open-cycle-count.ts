import type { Database } from '../../../db/client.js';
import { AppError } from '../../errors.js';
import { resolveBinCode, resolveProductCode } from '../scans/resolve-scan.js';
import { requestCycleCount } from './request-cycle-count.js';

/** A count asked for by hand, naming the bin (and optionally the item) the way a scanner reads them. */
export async function openCycleCount(
  db: Database,
  input: { binCode: string; itemCode: string | null; reason: string },
  now: Date,
): Promise<{ countId: string }> {
  const bin = await resolveBinCode(db, input.binCode);
  if (!bin)
    throw new AppError('scan_unknown_bin', 422, `No bin is labelled "${input.binCode}".`, {
      field: 'binCode',
    });
  const product = input.itemCode ? await resolveProductCode(db, input.itemCode) : null;
  if (input.itemCode && !product)
    throw new AppError(
      'scan_unknown_item',
      422,
      `"${input.itemCode}" is not a known product barcode or SKU.`,
      {
        field: 'itemCode',
      },
    );
  const countId = await db.transaction((tx) =>
    requestCycleCount(tx, { binId: bin.id, productId: product?.id ?? null, reason: input.reason }, now),
  );
  return { countId };
}
