import type { Executor } from '../../../db/client.js';
import { loadAlertSettings } from './alert-settings.js';
import { getKpis } from './get-kpis.js';
import { getPeakPlanning } from './get-peak-planning.js';
import { getTodaysWork } from './get-todays-work.js';
import { getWarehouseStats } from './get-warehouse-stats.js';
import { type KpiName, kpiNames } from './kpi-policies.js';
import { listAlerts } from './list-alerts.js';
import { listKpiOrders } from './list-kpi-orders.js';
import { toCsv } from './to-csv.js';

/** Every table the dashboard shows, exportable as CSV under the same name. */
export const exportTables = [
  'kpis',
  'kpi-orders',
  'today',
  'at-risk',
  'pickers',
  'import-to-ship',
  'orders-per-day',
  'stock-coverage',
  'alerts',
] as const;
export type ExportTable = (typeof exportTables)[number];

export interface ExportParams {
  timeZone: string;
  windowDays: number;
  channelId?: string | undefined;
  kpi?: KpiName | undefined;
  kpiWindowDays?: number | undefined;
}

/** The rows of one dashboard table as CSV text, computed by the same services the page reads. */
export async function exportTable(
  db: Executor,
  table: ExportTable,
  params: ExportParams,
  now: Date,
): Promise<{ filename: string; csv: string }> {
  const filename = `${table}-${now.toISOString().slice(0, 10)}.csv`;
  const csv = await rowsFor(db, table, params, now);
  return { filename, csv };
}

async function rowsFor(db: Executor, table: ExportTable, p: ExportParams, now: Date): Promise<string> {
  switch (table) {
    case 'kpis': {
      const { nearRatio } = await loadAlertSettings(db);
      const channels = await getKpis(db, now, nearRatio);
      return toCsv(
        [
          'channel',
          'channel_type',
          'kpi',
          'window_days',
          'numerator',
          'denominator',
          'rate',
          'threshold',
          'stated_as',
          'level',
          'source',
        ],
        channels.flatMap((c) =>
          c.kpis.map((k) => [
            c.channelName,
            c.channelType,
            k.kpi,
            k.windowDays,
            k.numerator,
            k.denominator,
            k.rate,
            k.threshold,
            k.statedAs,
            k.level,
            k.source,
          ]),
        ),
      );
    }
    case 'kpi-orders': {
      if (!p.channelId || !p.kpi || !p.kpiWindowDays || !kpiNames.includes(p.kpi))
        return toCsv(['order_id'], []);
      const list = await listKpiOrders(
        db,
        { channelId: p.channelId, kpi: p.kpi, windowDays: p.kpiWindowDays, limit: 100_000 },
        now,
      );
      return toCsv(
        ['order_id', 'external_id', 'status', 'placed_at', 'ship_by', 'shipped_at'],
        list.orders.map((o) => [o.orderId, o.externalId, o.status, o.placedAt, o.shipBy, o.shippedAt]),
      );
    }
    case 'today': {
      const work = await getTodaysWork(db, now, p.timeZone);
      return toCsv(
        ['channel', 'status', 'deadline', 'orders'],
        work.counts.map((c) => [c.channelName, c.status, c.bucket, c.orders]),
      );
    }
    case 'at-risk': {
      const work = await getTodaysWork(db, now, p.timeZone, 10_000);
      return toCsv(
        ['order_id', 'external_id', 'channel', 'status', 'ship_by', 'deadline', 'units'],
        work.atRisk.map((o) => [
          o.orderId,
          o.externalId,
          o.channelName,
          o.status,
          o.shipBy,
          o.bucket,
          o.units,
        ]),
      );
    }
    case 'pickers': {
      const stats = await getWarehouseStats(db, now, p.windowDays);
      return toCsv(
        [
          'picker',
          'picks',
          'units',
          'active_hours',
          'picks_per_hour',
          'units_per_hour',
          'wrong_scans',
          'accuracy',
          'short_picks',
          'short_units',
        ],
        stats.pickers.map((s) => [
          s.name,
          s.picks,
          s.units,
          s.activeHours,
          s.picksPerHour,
          s.unitsPerHour,
          s.wrongScans,
          s.accuracy,
          s.shortPicks,
          s.shortUnits,
        ]),
      );
    }
    case 'import-to-ship': {
      const stats = await getWarehouseStats(db, now, p.windowDays);
      return toCsv(
        ['channel', 'shipped', 'average_hours', 'median_hours', 'p90_hours'],
        stats.importToShip.map((s) => [s.channelName, s.shipped, s.averageHours, s.medianHours, s.p90Hours]),
      );
    }
    case 'orders-per-day': {
      const peak = await getPeakPlanning(db, now, p.timeZone);
      return toCsv(
        ['day', 'orders'],
        peak.days.map((d) => [d.day, d.orders]),
      );
    }
    case 'stock-coverage': {
      const peak = await getPeakPlanning(db, now, p.timeZone, 28, 10_000);
      return toCsv(
        [
          'sku',
          'name',
          'available',
          'recent_daily_units',
          'season_daily_units',
          'coverage_days',
          'season_coverage_days',
        ],
        peak.coverage.map((c) => [
          c.sku,
          c.name,
          c.available,
          c.recentDailyUnits,
          c.seasonDailyUnits,
          c.coverageDays,
          c.seasonCoverageDays,
        ]),
      );
    }
    case 'alerts': {
      const list = await listAlerts(db, now);
      return toCsv(
        [
          'channel',
          'kpi',
          'window_days',
          'level',
          'rate',
          'threshold',
          'numerator',
          'denominator',
          'opened_at',
          'last_seen_at',
          'resolved_at',
          'acknowledged_at',
          'delivered_at',
        ],
        list.map((a) => [
          a.channelName,
          a.kpi,
          a.windowDays,
          a.level,
          a.rate,
          a.threshold,
          a.numerator,
          a.denominator,
          a.openedAt,
          a.lastSeenAt,
          a.resolvedAt,
          a.acknowledgedAt,
          a.deliveredAt,
        ]),
      );
    }
  }
}
