import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { bins, cycleCountLines, cycleCounts, products } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';

const countColumns = {
  id: cycleCounts.id,
  binId: cycleCounts.binId,
  binCode: bins.code,
  productId: cycleCounts.productId,
  sku: products.sku,
  reason: cycleCounts.reason,
  status: cycleCounts.status,
  requestedAt: cycleCounts.requestedAt,
  completedAt: cycleCounts.completedAt,
};

/** Counts waiting to be done (or done), oldest request first for the open ones. */
export async function listCycleCounts(db: Executor, status: 'open' | 'completed' | 'cancelled') {
  const rows = await db
    .select(countColumns)
    .from(cycleCounts)
    .innerJoin(bins, eq(bins.id, cycleCounts.binId))
    .leftJoin(products, eq(products.id, cycleCounts.productId))
    .where(eq(cycleCounts.status, status))
    .orderBy(status === 'open' ? cycleCounts.requestedAt : desc(cycleCounts.requestedAt))
    .limit(200);
  return rows.map(serialize);
}

export async function getCycleCount(db: Executor, countId: string) {
  const [row] = await db
    .select(countColumns)
    .from(cycleCounts)
    .innerJoin(bins, eq(bins.id, cycleCounts.binId))
    .leftJoin(products, eq(products.id, cycleCounts.productId))
    .where(eq(cycleCounts.id, countId));
  if (!row) throw notFound('count_not_found', `Cycle count ${countId} does not exist.`);
  const lines = await db
    .select({
      productId: cycleCountLines.productId,
      sku: products.sku,
      counted: cycleCountLines.counted,
      expected: cycleCountLines.expected,
    })
    .from(cycleCountLines)
    .innerJoin(products, eq(products.id, cycleCountLines.productId))
    .where(eq(cycleCountLines.countId, countId));
  return { ...serialize(row), lines };
}

function serialize<T extends { requestedAt: Date; completedAt: Date | null }>(row: T) {
  return {
    ...row,
    requestedAt: row.requestedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
