import { createWave } from '../../api/services/picking/create-wave.js';
import { startWave } from '../../api/services/picking/start-wave.js';
import { type BulkProduct, bulkOrders, bulkProducts } from '../picking/bulk-fixtures.js';
import { signIn, type TestSystem } from '../support/system.js';

interface Row {
  figure: string;
  value: number;
  unit: string;
  target: string;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Picking: the server's time to confirm one scan (HTTP in-process: auth, validation, the confirm
 * transaction) with 50 scanners at one scan a second each, and the same confirm on a 5,000-line wave
 * against a 5-line one (the confirm reads only the scanned bin's tasks, so it should not grow).
 */
export async function benchPicking(ctx: TestSystem): Promise<Row[]> {
  const { db } = ctx.system.deps;
  const actor = {};
  const picker = await signIn(ctx.app, { badge: 'BADGE-0001', pin: '1234' });
  let scanNo = 0;
  const confirm = async (waveId: string, p: BulkProduct) => {
    const started = performance.now();
    const res = await picker.post(`/api/waves/${waveId}/pick-scans`, {
      clientScanId: `bench-${process.pid}-${scanNo++}`,
      binCode: p.binId,
      itemCode: p.barcode,
    });
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`bench scan refused: ${res.status} ${await res.text()}`);
    return ms;
  };
  const wave = async (orderIds: string[]) => {
    const { waveId } = await createWave(db, actor, { orderIds }, new Date());
    await startWave(db, actor, waveId, 'batch', new Date());
    return waveId;
  };

  // 5-line wave vs 5,000-line wave: 1,000 orders of 5 lines each, one unit per line.
  const products = await bulkProducts(db, 'BP', 1000);
  const small = await wave(
    await bulkOrders(db, ctx.channelId, [products.slice(0, 5).map((product) => ({ product, quantity: 40 }))]),
  );
  const bigOrders = await bulkOrders(
    db,
    ctx.channelId,
    Array.from({ length: 1000 }, (_, i) =>
      Array.from({ length: 5 }, (_, j) => ({ product: products[(i * 5 + j) % 1000]!, quantity: 1 })),
    ),
  );
  const big = await wave(bigOrders);
  const smallTimes: number[] = [];
  const bigTimes: number[] = [];
  for (let i = 0; i < 150; i++) {
    smallTimes.push(await confirm(small, products[i % 5]!));
    bigTimes.push(await confirm(big, products[(i * 7) % 1000]!));
  }
  smallTimes.sort((a, b) => a - b);
  bigTimes.sort((a, b) => a - b);

  // 50 scanners, each on its own wave, one scan a second for 10 seconds.
  const scanners = 50;
  const perScanner = 10;
  const crew = await bulkProducts(db, 'CR', scanners * 2);
  const crewWaves: string[] = [];
  for (let s = 0; s < scanners; s++) {
    const mine = crew.slice(s * 2, s * 2 + 2);
    crewWaves.push(
      await wave(
        await bulkOrders(db, ctx.channelId, [mine.map((product) => ({ product, quantity: perScanner }))]),
      ),
    );
  }
  const crewTimes: number[] = [];
  await Promise.all(
    crewWaves.map(async (waveId, s) => {
      await sleep((s * 1000) / scanners); // spread the scanners over the second, as people are
      for (let i = 0; i < perScanner; i++) {
        const tick = performance.now();
        crewTimes.push(await confirm(waveId, crew[s * 2 + (i % 2)]!));
        await sleep(Math.max(0, 1000 - (performance.now() - tick)));
      }
    }),
  );
  crewTimes.sort((a, b) => a - b);
  const db_ = ctx.system.handle.kind;
  return [
    {
      figure: `pick confirm, 50 scanners × 1/s (${db_}) p50`,
      value: +percentile(crewTimes, 50).toFixed(1),
      unit: 'ms',
      target: '—',
    },
    {
      figure: `pick confirm, 50 scanners × 1/s (${db_}) p95`,
      value: +percentile(crewTimes, 95).toFixed(1),
      unit: 'ms',
      target: '—',
    },
    {
      figure: `pick confirm, 50 scanners × 1/s (${db_}) p99`,
      value: +percentile(crewTimes, 99).toFixed(1),
      unit: 'ms',
      target: '< 25 on PostgreSQL',
    },
    {
      figure: 'pick confirm on a 5-line wave p50',
      value: +percentile(smallTimes, 50).toFixed(1),
      unit: 'ms',
      target: '—',
    },
    {
      figure: 'pick confirm on a 5,000-line wave p50',
      value: +percentile(bigTimes, 50).toFixed(1),
      unit: 'ms',
      target: '—',
    },
    {
      figure: 'pick confirm 5,000-line / 5-line wave (p50 ratio)',
      value: +(percentile(bigTimes, 50) / percentile(smallTimes, 50)).toFixed(2),
      unit: '×',
      target: '≤ 2',
    },
  ];
}
