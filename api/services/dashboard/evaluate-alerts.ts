import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { type DeliverAlertJob, queues } from '../../jobs/queues.js';
import { loadAlertSettings } from './alert-settings.js';
import { getKpis } from './get-kpis.js';
import { readDashboard } from './read-dashboard.js';

/** Fewer orders than this in a window make a rate too jumpy to alert on (one late order of three). */
export const minimumPopulation = 10;

export interface EvaluateOutcome {
  opened: number;
  escalated: number;
  updated: number;
  resolved: number;
  /** Webhook deliveries queued (new alerts and escalations, when a webhook is configured). */
  queued: number;
}

/**
 * Compares every KPI with its threshold and keeps one open alert per channel, KPI and window: opened when
 * it first comes near (warning) or past (breach), updated while it stays, resolved when it recovers. The
 * unique open key makes a second evaluation (every few minutes, on any number of workers) an update, and
 * the webhook is queued in the same transaction only when an alert opens or turns into a breach.
 */
export async function evaluateAlerts(
  deps: { db: Database; jobs: JobQueue },
  now: Date,
): Promise<EvaluateOutcome> {
  const settings = await loadAlertSettings(deps.db);
  const channels = await readDashboard(deps.db, (tx) => getKpis(tx, now, settings.nearRatio));
  const outcome: EvaluateOutcome = { opened: 0, escalated: 0, updated: 0, resolved: 0, queued: 0 };
  const isWebhook = settings.isWebhookEnabled && Boolean(settings.webhookUrl);
  await deps.db.transaction(async (tx) => {
    const notify = async (alertId: string, level: string) => {
      if (!isWebhook) return;
      const job: DeliverAlertJob = { alertId, level };
      await deps.jobs.send(queues.deliverAlert, job, { tx, singletonKey: `${alertId}:${level}` });
      outcome.queued++;
    };
    for (const channel of channels) {
      for (const k of channel.kpis) {
        const key = `${channel.channelId}:${k.kpi}:${k.windowDays}`;
        const isAlerting =
          (k.level === 'warning' || k.level === 'breach') && k.denominator >= minimumPopulation;
        if (!isAlerting) {
          const resolved = rowsOf<{ id: string }>(
            await tx.execute(sql`update alerts set resolved_at = ${now.toISOString()}::timestamptz
              where dedupe_key = ${key} and resolved_at is null returning id`),
          );
          outcome.resolved += resolved.length;
          continue;
        }
        const values = {
          level: k.level,
          value: k.rate ?? 0,
          threshold: k.threshold ?? 0,
          numerator: k.numerator,
          denominator: k.denominator,
        };
        const at = now.toISOString();
        const inserted = rowsOf<{ id: string }>(
          await tx.execute(sql`insert into alerts (id, dedupe_key, channel_id, kpi, window_days, level, value, threshold,
              numerator, denominator, created_at, last_seen_at)
            values (${newId('alt')}, ${key}, ${channel.channelId}, ${k.kpi}, ${k.windowDays}, ${values.level},
              ${values.value}, ${values.threshold}, ${values.numerator}, ${values.denominator}, ${at}::timestamptz, ${at}::timestamptz)
            on conflict (dedupe_key) where resolved_at is null do nothing returning id`),
        );
        if (inserted[0]) {
          outcome.opened++;
          await notify(inserted[0].id, values.level);
          continue;
        }
        const [updated] = rowsOf<{ id: string; previous: string }>(
          await tx.execute(sql`with old as (
              select id, level from alerts where dedupe_key = ${key} and resolved_at is null for update)
            update alerts a set level = ${values.level}, value = ${values.value}, threshold = ${values.threshold},
              numerator = ${values.numerator}, denominator = ${values.denominator}, last_seen_at = ${at}::timestamptz
            from old where a.id = old.id returning a.id, old.level as previous`),
        );
        if (!updated) continue;
        if (updated.previous === 'warning' && values.level === 'breach') {
          outcome.escalated++;
          await notify(updated.id, values.level);
        } else outcome.updated++;
      }
    }
  });
  return outcome;
}
