import { asc } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { channels } from '../../../db/schema/index.js';
import { type ChannelPolicy, type KpiName, kpiNames, policyFor, windowsOf } from './kpi-policies.js';
import { countKpi } from './kpi-queries.js';

export type KpiLevel = 'ok' | 'warning' | 'breach' | 'no_threshold' | 'no_data';

export interface KpiFigure {
  kpi: KpiName;
  windowDays: number;
  /** Defects (late, cancelled, no valid tracking, delivered late, returned) over the population. */
  numerator: number;
  denominator: number;
  /** The figure as the marketplace states it: a defect share, or for `min` KPIs its complement. */
  rate: number | null;
  /** The marketplace's threshold as it states it (0.04 for "under 4%", 0.95 for "over 95%"). */
  threshold: number | null;
  statedAs: 'max' | 'min';
  level: KpiLevel;
  source: string;
}

export interface ChannelKpis {
  channelId: string;
  channelName: string;
  channelType: string;
  basis: ChannelPolicy['basis'];
  kpis: KpiFigure[];
}

/** Defect share at or above `nearRatio` of the allowed maximum is a warning; at or above it, a breach. */
export function levelOf(
  defectRate: number | null,
  maxDefectRate: number | null,
  nearRatio: number,
): KpiLevel {
  if (defectRate === null) return 'no_data';
  if (maxDefectRate === null) return 'no_threshold';
  // Exact comparisons in integer parts per million: 0.04 × 0.8 is not 0.032 in binary floating point.
  const ppm = (x: number) => Math.round(x * 1_000_000);
  if (ppm(defectRate) >= ppm(maxDefectRate)) return 'breach';
  if (ppm(defectRate) >= ppm(maxDefectRate * nearRatio)) return 'warning';
  return 'ok';
}

/**
 * Every channel's KPIs over the windows its marketplace uses, each next to that marketplace's threshold.
 * One statement per KPI for all channels and windows (see kpi-queries.ts).
 */
export async function getKpis(db: Executor, now: Date, nearRatio = 0.8): Promise<ChannelKpis[]> {
  const rows = await db
    .select({ id: channels.id, name: channels.name, type: channels.type, settings: channels.settings })
    .from(channels)
    .orderBy(asc(channels.name));
  const policies = new Map(rows.map((c) => [c.id, policyFor(c.type, c.settings)]));
  const deliveryPromiseDays = new Map([...policies].map(([id, p]) => [id, p.deliveryPromiseDays]));
  const counts = new Map<string, { numerator: number; denominator: number }>();
  // One statement per KPI, sent together: on PostgreSQL each runs on its own pooled connection.
  const perKpi = await Promise.all(
    kpiNames.map(async (kpi) => {
      const windows = windowsOf([...policies.values()], kpi);
      return { kpi, rows: await countKpi(db, kpi, { now, windows, deliveryPromiseDays }) };
    }),
  );
  for (const { kpi, rows: found } of perKpi)
    for (const c of found) counts.set(`${c.channelId}:${kpi}:${c.windowDays}`, c);
  return rows.map((channel) => {
    const policy = policies.get(channel.id)!;
    return {
      channelId: channel.id,
      channelName: channel.name,
      channelType: channel.type,
      basis: policy.basis,
      kpis: policy.kpis.map((p) => {
        const c = counts.get(`${channel.id}:${p.kpi}:${p.windowDays}`) ?? { numerator: 0, denominator: 0 };
        const defectRate = c.denominator > 0 ? c.numerator / c.denominator : null;
        return {
          kpi: p.kpi,
          windowDays: p.windowDays,
          numerator: c.numerator,
          denominator: c.denominator,
          rate: defectRate === null ? null : p.statedAs === 'min' ? 1 - defectRate : defectRate,
          threshold:
            p.maxDefectRate === null ? null : p.statedAs === 'min' ? 1 - p.maxDefectRate : p.maxDefectRate,
          statedAs: p.statedAs,
          level: levelOf(defectRate, p.maxDefectRate, nearRatio),
          source: p.source,
        };
      }),
    };
  });
}
