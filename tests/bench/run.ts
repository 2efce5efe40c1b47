import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { benchBrowserFeedback } from './browser-feedback.js';
import { benchChannels } from './channels.js';
import { benchCore } from './core.js';
import { benchDashboard } from './dashboard.js';
import { benchLabels } from './labels.js';
import { benchPacking } from './packing.js';
import { benchPicking } from './picking.js';
import { benchPricing } from './pricing.js';
import type { Row } from './row.js';
import { benchScanner } from './scanner.js';
import { benchStock } from './stock.js';

/**
 * `npm run bench`: every benchmark of the project, one table (figure, value, unit, target, machine).
 * On PostgreSQL when DATABASE_URL is set (a fresh database per group), else on PGlite. Results are also
 * written as JSON under tests/bench/results/. Timings are reported, never asserted.
 */
const withSystem = (bench: (t: TestSystem) => Promise<Row[]>) => async () => {
  const t = await startTestSystem({ workers: false });
  try {
    return await bench(t);
  } finally {
    await t.stop();
  }
};

const groups: [string, () => Promise<Row[]>][] = [
  ['core', withSystem(benchCore)],
  ['channels', withSystem((t) => benchChannels(t, { orders: Number(process.env.BENCH_ORDERS ?? 1000) }))],
  ['stock', withSystem(benchStock)],
  ['picking', withSystem(benchPicking)],
  ['packing', withSystem(benchPacking)],
  ['labels', () => benchLabels()],
  ['scanner', () => benchScanner()],
  ['browser', () => benchBrowserFeedback()],
  ['pricing', () => benchPricing()],
  ['dashboard', withSystem(benchDashboard)],
];

const only = process.env.BENCH_ONLY?.split(',');
const database = process.env.DATABASE_URL ? 'postgresql' : 'pglite';
const machine = `${cpus().length}× ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
const rows: (Row & { group: string })[] = [];
for (const [group, run] of groups) {
  if (only && !only.includes(group)) continue;
  const started = performance.now();
  try {
    for (const row of await run()) rows.push({ ...row, group });
  } catch (err) {
    rows.push({
      group,
      figure: `(failed: ${(err as Error).message.slice(0, 80)})`,
      value: Number.NaN,
      unit: '',
      target: '',
    });
  }
  console.error(`  ${group}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

console.log(`\nBenchmarks on ${database} — ${machine}\n`);
const width = Math.max(...rows.map((r) => r.figure.length + r.group.length + 3));
console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(10)}  ${'unit'.padEnd(10)}  target`);
for (const r of rows) {
  console.log(
    `${`[${r.group}] ${r.figure}`.padEnd(width)}  ${String(r.value).padStart(10)}  ${r.unit.padEnd(10)}  ${r.target}`,
  );
}
mkdirSync('tests/bench/results', { recursive: true });
const file = `tests/bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}-${database}.json`;
writeFileSync(file, JSON.stringify({ database, machine, at: new Date().toISOString(), rows }, null, 2));
console.log(`\nwritten ${file}`);
process.exit(0);
