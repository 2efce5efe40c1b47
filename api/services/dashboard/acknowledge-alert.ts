import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { alerts } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';

/** Someone has seen it: the alert stays open (the KPI has not recovered) but stops asking for attention. */
export async function acknowledgeAlert(db: Executor, alertId: string, userId: string | null, now: Date) {
  const [row] = await db
    .update(alerts)
    .set({ acknowledgedAt: now, acknowledgedBy: userId })
    .where(and(eq(alerts.id, alertId), isNull(alerts.acknowledgedAt)))
    .returning({ id: alerts.id });
  if (row) return { id: row.id };
  const [exists] = await db.select({ id: alerts.id }).from(alerts).where(eq(alerts.id, alertId));
  if (!exists) throw notFound('alert_not_found', `No alert ${alertId}.`);
  return { id: exists.id };
}
