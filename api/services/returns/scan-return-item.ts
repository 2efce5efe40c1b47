import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import {
  orderLines,
  type ReturnCondition,
  type ReturnDecision,
  returnLines,
  returns,
} from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { scheduleStockPush } from '../allocation/schedule-stock-push.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { resolveBinCode, resolveProductCode } from '../scans/resolve-scan.js';
import { isUniqueViolation } from '../scans/scan-replay.js';
import { allocateBackorders } from '../stock/allocate-backorders.js';
import { applyMovement } from '../stock/apply-movement.js';

export interface ReturnItemInput {
  clientScanId: string;
  /** The returned item's barcode or SKU. */
  itemCode: string;
  quantity: number;
  condition: ReturnCondition;
  decision: ReturnDecision;
  /** The bin label scanned for a restock. */
  binCode?: string | null | undefined;
  note?: string | null | undefined;
}

export interface ReturnItemResult {
  isReplay: boolean;
  returnLineId: string;
  sku: string;
  quantity: number;
  decision: ReturnDecision;
  binCode: string | null;
}

/**
 * One returned item at the bench: which order line it is, the state it came back in, and what becomes
 * of it. A restock puts it on the scanned bin through the ledger (backorders first, then every channel
 * is told); quarantine and dispose are recorded and leave sellable stock as it is.
 */
export async function scanReturnItem(
  deps: { db: Database; jobs: JobQueue },
  actor: Actor,
  returnId: string,
  input: ReturnItemInput,
  now: Date,
): Promise<ReturnItemResult> {
  const replay = await findLine(deps.db, input.clientScanId);
  if (replay) return replay;
  const [ret] = await deps.db.select().from(returns).where(eq(returns.id, returnId));
  if (!ret) throw notFound('return_not_found', `Return ${returnId} does not exist.`);
  if (ret.status !== 'open') throw new AppError('return_closed', 409, `Return is ${ret.status}.`);
  const product = await resolveProductCode(deps.db, input.itemCode);
  const lines = await deps.db.select().from(orderLines).where(eq(orderLines.orderId, ret.orderId));
  const expectedSkus = lines.filter((l) => l.quantityShipped > 0).map((l) => l.sku);
  const line = product ? lines.find((l) => l.productId === product.id && l.quantityShipped > 0) : undefined;
  if (!product || !line)
    throw new AppError(
      'scan_unexpected_item',
      422,
      product
        ? `${product.sku} was not shipped on this order. Expected one of: ${expectedSkus.join(', ')}.`
        : `"${input.itemCode}" is not a known product barcode or SKU. Expected one of: ${expectedSkus.join(', ')}.`,
      { expected: expectedSkus, field: 'itemCode' },
    );
  const units = input.quantity * (product.unitsPerScan ?? 1);
  if (input.decision === 'restock' && input.condition !== 'resellable')
    throw new AppError(
      'restock_not_resellable',
      422,
      `Only a resellable item goes back on a shelf; this one is ${input.condition}: quarantine or dispose it.`,
      {
        expected: ['quarantine', 'dispose'],
        field: 'decision',
      },
    );
  if (input.condition === 'missing' && input.decision !== 'dispose')
    throw new AppError('missing_item_decision', 422, 'A missing item can only be written off (dispose).', {
      expected: ['dispose'],
      field: 'decision',
    });
  const bin =
    input.decision === 'restock'
      ? input.binCode
        ? await resolveBinCode(deps.db, input.binCode)
        : null
      : null;
  if (input.decision === 'restock' && !bin)
    throw new AppError(
      'scan_unknown_bin',
      422,
      input.binCode
        ? `No bin is labelled "${input.binCode}". Scan a bin label.`
        : 'Scan the bin the item goes into.',
      { expected: 'bin', field: 'binCode' },
    );
  try {
    return await deps.db.transaction(async (tx) => {
      // Two benches scanning the same order cannot return more than was shipped: the line row is locked.
      await tx.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.id, line.id)).for('update');
      const [done] = await tx
        .select({ n: sql<number>`coalesce(sum(${returnLines.quantity}), 0)::int` })
        .from(returnLines)
        .where(eq(returnLines.orderLineId, line.id));
      const left = line.quantityShipped - Number(done?.n ?? 0);
      if (units > left)
        throw new AppError(
          'return_exceeds_shipped',
          422,
          `Only ${left} unit(s) of ${line.sku} were shipped and not yet returned; got ${units}.`,
          { expected: left, field: 'quantity' },
        );
      const returnLineId = newId('rml');
      await tx.insert(returnLines).values({
        id: returnLineId,
        returnId,
        orderLineId: line.id,
        productId: product.id,
        quantity: units,
        condition: input.condition,
        decision: input.decision,
        binId: bin?.id ?? null,
        note: input.note ?? null,
        clientScanId: input.clientScanId,
        createdBy: actor.userId ?? null,
        createdAt: now,
      });
      if (bin) {
        await applyMovement(
          tx,
          actor,
          { productId: product.id, binId: bin.id, delta: units, reason: 'return', reference: returnId },
          now,
        );
        await allocateBackorders(tx, product.id);
        await scheduleStockPush(tx, deps.jobs, [product.id]);
      }
      await recordEvent(
        tx,
        actor,
        {
          type: 'return.item_scanned',
          orderId: ret.orderId,
          entityType: 'return',
          entityId: returnId,
          clientScanId: input.clientScanId,
          payload: {
            sku: line.sku,
            units,
            condition: input.condition,
            decision: input.decision,
            bin: bin?.code ?? null,
          },
        },
        now,
      );
      return {
        isReplay: false,
        returnLineId,
        sku: line.sku,
        quantity: units,
        decision: input.decision,
        binCode: bin?.code ?? null,
      };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const first = await findLine(deps.db, input.clientScanId);
    if (!first) throw err;
    return first;
  }
}

async function findLine(db: Database, clientScanId: string): Promise<ReturnItemResult | null> {
  const [row] = await db
    .select({ line: returnLines, sku: orderLines.sku })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .where(eq(returnLines.clientScanId, clientScanId));
  if (!row) return null;
  let binCode: string | null = null;
  if (row.line.binId) binCode = (await resolveBinCode(db, row.line.binId))?.code ?? null;
  return {
    isReplay: true,
    returnLineId: row.line.id,
    sku: row.sku,
    quantity: row.line.quantity,
    decision: row.line.decision,
    binCode,
  };
}
