import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { binStock, bins, products } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { scheduleStockPush } from '../allocation/schedule-stock-push.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { allocateBackorders } from './allocate-backorders.js';
import { applyMovement } from './apply-movement.js';
import {
  type CsvProblem,
  csvInvalid,
  parseStockCsv,
  type StockCsvKind,
  type StockCsvRow,
} from './parse-stock-csv.js';

/**
 * A till's sales export or an ERP stock file, applied in one transaction: shop sales leave bins in
 * pick order (`shop_sale`), stock levels set a bin's on-hand (`adjustment`). Either every line applies
 * or none does, and channels are re-pushed for each product touched.
 */
export async function importStockCsv(
  deps: { db: Database; jobs: JobQueue },
  actor: Actor,
  kind: StockCsvKind,
  text: string,
  now: Date,
): Promise<{ lines: number; movements: number }> {
  const rows = parseStockCsv(kind, text);
  const skus = [...new Set(rows.map((r) => r.sku))];
  const binCodes = [...new Set(rows.flatMap((r) => (r.bin ? [r.bin] : [])))];
  const known = await deps.db
    .select({ id: products.id, sku: products.sku })
    .from(products)
    .where(inArray(products.sku, skus));
  const knownBins = binCodes.length
    ? await deps.db
        .select({ id: bins.id, code: bins.code })
        .from(bins)
        .where(or(inArray(bins.code, binCodes), inArray(bins.id, binCodes)))
    : [];
  const productOf = new Map(known.map((p) => [p.sku, p.id]));
  const binOf = new Map(knownBins.flatMap((b) => [[b.code, b.id] as const, [b.id, b.id] as const]));
  const problems: CsvProblem[] = [];
  for (const r of rows) {
    if (!productOf.has(r.sku))
      problems.push({ line: r.line, field: 'sku', message: `unknown SKU "${r.sku}"` });
    if (r.bin && !binOf.has(r.bin))
      problems.push({ line: r.line, field: 'bin', message: `unknown bin "${r.bin}"` });
  }
  if (problems.length) throw csvInvalid(problems);
  return deps.db.transaction(async (tx) => {
    let movements = 0;
    for (const r of rows) {
      const productId = productOf.get(r.sku)!;
      const binId = r.bin ? binOf.get(r.bin)! : null;
      try {
        movements +=
          kind === 'shop-sales'
            ? await sell(tx, actor, r, productId, binId, now)
            : await setLevel(tx, actor, r, productId, binId!, now);
      } catch (err) {
        if (err instanceof AppError && err.code === 'stock_insufficient') {
          const field = kind === 'shop-sales' ? 'quantity' : 'on_hand';
          throw csvInvalid([{ line: r.line, field, message: err.message }]);
        }
        throw err;
      }
    }
    const touched = [...new Set(rows.map((r) => productOf.get(r.sku)!))];
    if (kind === 'stock-levels') for (const productId of touched) await allocateBackorders(tx, productId);
    await scheduleStockPush(tx, deps.jobs, touched);
    await recordEvent(
      tx,
      actor,
      {
        type: 'stock.imported',
        entityType: 'stock_file',
        entityId: kind,
        payload: { lines: rows.length, movements },
      },
      now,
    );
    return { lines: rows.length, movements };
  });
}

/** Takes the sold units from unreserved stock, the named bin or else bins in pick order. */
async function sell(
  tx: Executor,
  actor: Actor,
  r: StockCsvRow,
  productId: string,
  binId: string | null,
  now: Date,
) {
  const free = await tx
    .select({ binId: binStock.binId, free: sql<number>`${binStock.onHand} - ${binStock.reserved}` })
    .from(binStock)
    .innerJoin(bins, eq(bins.id, binStock.binId))
    .where(
      and(
        eq(binStock.productId, productId),
        binId ? eq(binStock.binId, binId) : undefined,
        sql`${binStock.onHand} > ${binStock.reserved}`,
      ),
    )
    .orderBy(asc(bins.pickSequence), asc(bins.code));
  let left = r.quantity;
  let count = 0;
  for (const b of free) {
    if (left === 0) break;
    const take = Math.min(left, Number(b.free));
    await applyMovement(
      tx,
      actor,
      { productId, binId: b.binId, delta: -take, reason: 'shop_sale', reference: `line ${r.line}` },
      now,
    );
    left -= take;
    count++;
  }
  if (left > 0) {
    const sold = r.quantity - left;
    throw new AppError(
      'stock_insufficient',
      409,
      `only ${sold} unreserved unit(s) of ${r.sku}${r.bin ? ` in ${r.bin}` : ''}; the file sells ${r.quantity}`,
    );
  }
  return count;
}

async function setLevel(
  tx: Executor,
  actor: Actor,
  r: StockCsvRow,
  productId: string,
  binId: string,
  now: Date,
) {
  const [row] = await tx
    .select({ onHand: binStock.onHand })
    .from(binStock)
    .where(and(eq(binStock.binId, binId), eq(binStock.productId, productId)));
  const delta = r.quantity - (row?.onHand ?? 0);
  if (delta === 0) return 0;
  await applyMovement(
    tx,
    actor,
    { productId, binId, delta, reason: 'adjustment', reference: `stock file line ${r.line}` },
    now,
  );
  return 1;
}
