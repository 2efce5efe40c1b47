import { getKpis } from '../../api/services/dashboard/get-kpis.js';
import { getPeakPlanning } from '../../api/services/dashboard/get-peak-planning.js';
import { getTodaysWork } from '../../api/services/dashboard/get-todays-work.js';
import { getWarehouseStats } from '../../api/services/dashboard/get-warehouse-stats.js';
import { kpiNames } from '../../api/services/dashboard/kpi-policies.js';
import { countKpi } from '../../api/services/dashboard/kpi-queries.js';
import { listAlerts } from '../../api/services/dashboard/list-alerts.js';
import { listKpiOrders } from '../../api/services/dashboard/list-kpi-orders.js';
import { readDashboard } from '../../api/services/dashboard/read-dashboard.js';
import type { Executor } from '../../db/client.js';
import { generateHistory } from '../dashboard/generate-history.js';
import { genChannels } from '../dashboard/history-rules.js';
import type { TestSystem } from '../support/system.js';
import { percentile, type Row } from './row.js';

/**
 * Each dashboard query on a generated history of 100,000 orders (BENCH_DASHBOARD_ORDERS to change it):
 * median of 7 runs after one warm-up, as the API runs it (JIT off, one read transaction). Target: under
 * 200 ms each on PostgreSQL.
 */
export async function benchDashboard(ctx: TestSystem): Promise<Row[]> {
  const { db } = ctx.system.deps;
  const size = Number(process.env.BENCH_DASHBOARD_ORDERS ?? 100_000);
  const started = performance.now();
  const { now } = await generateHistory(db, size, new Date());
  const generated = performance.now() - started;
  const deliveryPromiseDays = new Map(genChannels.map((c) => [c.id as string, c.promise as number]));
  const queries: [string, (tx: Executor) => Promise<unknown>][] = [
    ['KPIs, every channel and window', (tx) => getKpis(tx, now)],
    ...kpiNames.map((kpi): [string, (tx: Executor) => Promise<unknown>] => [
      `  of which ${kpi} (7/10/30/90 days)`,
      (tx) => countKpi(tx, kpi, { now, windows: [7, 10, 30, 90], deliveryPromiseDays }),
    ]),
    [
      'orders behind a KPI (eBay late, 90 days)',
      (tx) =>
        listKpiOrders(
          tx,
          { channelId: genChannels[1].id, kpi: 'late_shipment', windowDays: 90, limit: 200 },
          now,
        ),
    ],
    ["today's work", (tx) => getTodaysWork(tx, now, 'Europe/Paris')],
    ['warehouse (7 days)', (tx) => getWarehouseStats(tx, now, 7)],
    ['peak planning', (tx) => getPeakPlanning(tx, now, 'Europe/Paris')],
    ['alerts', (tx) => listAlerts(tx, now)],
  ];
  const rows: Row[] = [
    {
      figure: `history of ${size.toLocaleString('en')} orders generated`,
      value: Math.round(generated),
      unit: 'ms',
      target: '—',
    },
  ];
  for (const [figure, run] of queries) {
    await readDashboard(db, run);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await readDashboard(db, run);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push({
      figure: `${figure} (median)`,
      value: +percentile(times, 50).toFixed(1),
      unit: 'ms',
      target: '< 200',
    });
  }
  return rows;
}
