import { desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { alerts, channels } from '../../../db/schema/index.js';

export interface AlertView {
  id: string;
  channelId: string;
  channelName: string;
  kpi: string;
  windowDays: number;
  level: 'warning' | 'breach';
  rate: number;
  threshold: number;
  numerator: number;
  denominator: number;
  openedAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  deliveredAt: string | null;
}

/** Open alerts first (breaches before warnings), then those resolved in the last week. */
export async function listAlerts(db: Executor, now: Date): Promise<AlertView[]> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const rows = await db
    .select({ a: alerts, channelName: channels.name })
    .from(alerts)
    .innerJoin(channels, eq(channels.id, alerts.channelId))
    .where(or(isNull(alerts.resolvedAt), sql`${alerts.resolvedAt} >= ${weekAgo.toISOString()}::timestamptz`))
    .orderBy(sql`${alerts.resolvedAt} is not null`, sql`${alerts.level} = 'warning'`, desc(alerts.lastSeenAt))
    .limit(200);
  return rows.map(({ a, channelName }) => ({
    id: a.id,
    channelId: a.channelId,
    channelName,
    kpi: a.kpi,
    windowDays: a.windowDays,
    level: a.level,
    rate: a.value,
    threshold: a.threshold,
    numerator: a.numerator,
    denominator: a.denominator,
    openedAt: a.openedAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    deliveredAt: a.deliveredAt?.toISOString() ?? null,
  }));
}
