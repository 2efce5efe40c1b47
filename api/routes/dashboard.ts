import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { acknowledgeAlert } from '../services/dashboard/acknowledge-alert.js';
import { loadAlertSettings, publicAlertSettings } from '../services/dashboard/alert-settings.js';
import { evaluateAlerts } from '../services/dashboard/evaluate-alerts.js';
import { exportTable, exportTables } from '../services/dashboard/export-table.js';
import { getKpis } from '../services/dashboard/get-kpis.js';
import { getPeakPlanning } from '../services/dashboard/get-peak-planning.js';
import { getTodaysWork } from '../services/dashboard/get-todays-work.js';
import { getWarehouseStats } from '../services/dashboard/get-warehouse-stats.js';
import { kpiNames } from '../services/dashboard/kpi-policies.js';
import { listAlerts } from '../services/dashboard/list-alerts.js';
import { listKpiOrders } from '../services/dashboard/list-kpi-orders.js';
import { readDashboard } from '../services/dashboard/read-dashboard.js';
import { saveAlertSettings } from '../services/dashboard/save-alert-settings.js';
import { actorOf } from './actor.js';
import * as S from './dashboard-schemas.js';

const readers = ['admin', 'desk'] as const;
const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

const kpis = securedRoute(readers, {
  method: 'get',
  path: '/api/dashboard/kpis',
  summary:
    "Per channel: late shipment, cancellation, valid tracking, on-time delivery and return rates over the marketplace's windows, next to its thresholds",
  responses: { 200: json('KPIs', z.array(S.ChannelKpis)) },
});

const kpiOrders = securedRoute(readers, {
  method: 'get',
  path: '/api/dashboard/kpis/orders',
  summary: 'The orders behind one figure (the late, cancelled, untracked… ones), newest first',
  request: {
    query: z.object({
      channelId: z.string().min(1),
      kpi: z.enum(kpiNames),
      windowDays: z.coerce.number().int().min(1).max(366),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
  },
  responses: { 200: json('Orders', S.KpiOrders), 404: problem('No such channel') },
});

const today = securedRoute(readers, {
  method: 'get',
  path: '/api/dashboard/today',
  summary: "Today's work: open orders by ship-by deadline, status and channel; at-risk orders first",
  request: { query: z.object({ tz: S.TimeZone }) },
  responses: { 200: json("Today's work", S.TodaysWork) },
});

const warehouse = securedRoute(readers, {
  method: 'get',
  path: '/api/dashboard/warehouse',
  summary: 'Picks and units per hour per picker, pick accuracy, short picks, time from import to ship',
  request: { query: z.object({ days: S.WindowDays }) },
  responses: { 200: json('Warehouse', S.WarehouseStats) },
});

const peak = securedRoute(readers, {
  method: 'get',
  path: '/api/dashboard/peak',
  summary: 'Orders per day over two years, the coming weeks in past seasons, stock coverage in days',
  request: { query: z.object({ tz: S.TimeZone }) },
  responses: { 200: json('Peak planning', S.PeakPlanning) },
});

const alertList = securedRoute(readers, {
  method: 'get',
  path: '/api/dashboard/alerts',
  summary: 'KPI alerts: open ones first, then those resolved in the last week',
  responses: { 200: json('Alerts', z.array(S.Alert)) },
});

const acknowledge = securedRoute(readers, {
  method: 'post',
  path: '/api/dashboard/alerts/{alertId}/acknowledge',
  summary: 'Mark an alert as seen',
  request: { params: z.object({ alertId: z.string().min(1) }) },
  responses: { 200: json('Acknowledged', z.object({ id: z.string() })), 404: problem('No such alert') },
});

const evaluate = securedRoute(['admin'], {
  method: 'post',
  path: '/api/dashboard/alerts/evaluate',
  summary: 'Compare every KPI with its threshold now (the worker does it every 5 minutes)',
  responses: { 200: json('Outcome', S.EvaluateOutcome) },
});

const getSettings = securedRoute(['admin'], {
  method: 'get',
  path: '/api/dashboard/alert-settings',
  summary: 'Where alerts are sent (webhook URL; the secret is never returned) and how near counts as near',
  responses: { 200: json('Settings', S.AlertSettings) },
});

const putSettings = securedRoute(['admin'], {
  method: 'put',
  path: '/api/dashboard/alert-settings',
  summary: 'Set the alert webhook (URL, HMAC secret) and the warning ratio',
  request: { body: { content: { 'application/json': { schema: S.AlertSettingsInput } } } },
  responses: { 200: json('Saved', S.AlertSettings) },
});

const exportCsv = securedRoute(readers, {
  method: 'get',
  path: '/api/dashboard/export/{table}',
  summary: 'Any dashboard table as CSV',
  request: {
    params: z.object({ table: z.enum(exportTables) }),
    query: z.object({
      tz: S.TimeZone,
      days: S.WindowDays,
      channelId: z.string().optional(),
      kpi: z.enum(kpiNames).optional(),
      windowDays: z.coerce.number().int().min(1).max(366).optional(),
    }),
  },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } },
});

export const dashboardRoutes = router()
  .openapi(kpis, async (c) => {
    const { db, clock } = c.get('deps');
    const { nearRatio } = await loadAlertSettings(db);
    return c.json(await readDashboard(db, (tx) => getKpis(tx, clock.now(), nearRatio)), 200);
  })
  .openapi(kpiOrders, async (c) => {
    const { db, clock } = c.get('deps');
    const query = c.req.valid('query');
    return c.json(await readDashboard(db, (tx) => listKpiOrders(tx, query, clock.now())), 200);
  })
  .openapi(today, async (c) => {
    const { db, clock } = c.get('deps');
    const { tz } = c.req.valid('query');
    return c.json(await readDashboard(db, (tx) => getTodaysWork(tx, clock.now(), tz)), 200);
  })
  .openapi(warehouse, async (c) => {
    const { db, clock } = c.get('deps');
    const { days } = c.req.valid('query');
    return c.json(await readDashboard(db, (tx) => getWarehouseStats(tx, clock.now(), days)), 200);
  })
  .openapi(peak, async (c) => {
    const { db, clock } = c.get('deps');
    const { tz } = c.req.valid('query');
    return c.json(await readDashboard(db, (tx) => getPeakPlanning(tx, clock.now(), tz)), 200);
  })
  .openapi(alertList, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await listAlerts(db, clock.now()), 200);
  })
  .openapi(acknowledge, async (c) => {
    const { db, clock } = c.get('deps');
    const result = await acknowledgeAlert(
      db,
      c.req.valid('param').alertId,
      actorOf(c).userId ?? null,
      clock.now(),
    );
    return c.json(result, 200);
  })
  .openapi(evaluate, async (c) => {
    const deps = c.get('deps');
    return c.json(await evaluateAlerts(deps, deps.clock.now()), 200);
  })
  .openapi(getSettings, async (c) =>
    c.json(publicAlertSettings(await loadAlertSettings(c.get('deps').db)), 200),
  )
  .openapi(putSettings, async (c) => {
    const deps = c.get('deps');
    return c.json(await saveAlertSettings(deps, c.req.valid('json'), deps.clock.now()), 200);
  })
  .openapi(exportCsv, async (c) => {
    const { db, clock } = c.get('deps');
    const q = c.req.valid('query');
    const table = c.req.valid('param').table;
    const params = {
      timeZone: q.tz,
      windowDays: q.days,
      channelId: q.channelId,
      kpi: q.kpi,
      kpiWindowDays: q.windowDays,
    };
    const { filename, csv } = await readDashboard(db, (tx) => exportTable(tx, table, params, clock.now()));
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
    });
  });
