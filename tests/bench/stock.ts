import { ingestOrder } from '../../api/services/orders/ingest-order.js';
import { applyMovement } from '../../api/services/stock/apply-movement.js';
import { canonicalOrder, makeBin, makeChannel, makeProduct, makeWarehouse } from '../stock/factories.js';
import type { TestSystem } from '../support/system.js';

interface Row {
  figure: string;
  value: number;
  unit: string;
  target: string;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Sale → channel pushes queued. The pushes are queued inside the sale's transaction, so the time from
 * the start of the sale to its commit bounds the time until every channel's push job exists.
 * 1,000 sales of one SKU on one channel, with three more channels to push to.
 */
export async function benchStock(ctx: TestSystem): Promise<Row[]> {
  const { db, secrets, jobs } = ctx.system.deps;
  const warehouseId = await makeWarehouse(db);
  const binId = await makeBin(db, warehouseId, 'BENCH-STOCK-1', 1);
  const productId = await makeProduct(db, 'BENCH-STOCK');
  await db.transaction((tx) =>
    applyMovement(tx, {}, { productId, binId, delta: 2000, reason: 'receipt' }, new Date()),
  );
  const channelIds = [ctx.channelId];
  for (let i = 0; i < 3; i++) channelIds.push(await makeChannel(db, secrets, `Bench channel ${i}`));
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 1000; i++) {
    const s = performance.now();
    await ingestOrder(
      { db, jobs },
      { id: channelIds[i % channelIds.length]!, requiresAcceptance: false },
      canonicalOrder([{ sku: 'BENCH-STOCK', quantity: 1 }], `BENCH-STOCK-${i}`),
      {},
      new Date(),
    );
    latencies.push(performance.now() - s);
  }
  const total = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return [
    {
      figure: 'sale → channel pushes queued p50',
      value: +percentile(latencies, 50).toFixed(1),
      unit: 'ms',
      target: '< 1000',
    },
    {
      figure: 'sale → channel pushes queued p99',
      value: +percentile(latencies, 99).toFixed(1),
      unit: 'ms',
      target: '< 1000',
    },
    {
      figure: 'sales with push scheduling',
      value: Math.round((1000 / total) * 1000),
      unit: 'sales/s',
      target: '—',
    },
  ];
}
