import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { alerts, channels } from '../../../db/schema/index.js';
import type { SecretBox } from '../../security/secret-box.js';
import { loadAlertSettings } from './alert-settings.js';

export type DeliveryOutcome = 'delivered' | 'skipped';

/** `sha256=` + hex HMAC-SHA256 over `${timestamp}.${body}`: the receiver recomputes it with the shared secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Sends one alert to the configured webhook, signed. Any failure (network, non-2xx) throws so the job
 * queue retries with back-off; a webhook switched off meanwhile makes it a no-op. The timestamp is part
 * of what is signed, so a receiver can refuse a replayed old body.
 */
export async function deliverAlertWebhook(
  deps: { db: Database; secrets: SecretBox; fetch?: typeof fetch },
  alertId: string,
  now: Date,
): Promise<DeliveryOutcome> {
  const settings = await loadAlertSettings(deps.db);
  if (!settings.isWebhookEnabled || !settings.webhookUrl) return 'skipped';
  const [row] = await deps.db
    .select({ alert: alerts, channelName: channels.name, channelType: channels.type })
    .from(alerts)
    .innerJoin(channels, eq(channels.id, alerts.channelId))
    .where(eq(alerts.id, alertId));
  if (!row) return 'skipped';
  const a = row.alert;
  const body = JSON.stringify({
    type: 'kpi.alert',
    alertId: a.id,
    level: a.level,
    channel: { id: a.channelId, name: row.channelName, type: row.channelType },
    kpi: a.kpi,
    windowDays: a.windowDays,
    rate: a.value,
    threshold: a.threshold,
    numerator: a.numerator,
    denominator: a.denominator,
    openedAt: a.openedAt.toISOString(),
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
  });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const secret = settings.webhookSecretSealed ? deps.secrets.open<string>(settings.webhookSecretSealed) : '';
  const res = await (deps.fetch ?? fetch)(settings.webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'shipdesk-alerts',
      'x-shipdesk-event': 'kpi.alert',
      'x-shipdesk-timestamp': timestamp,
      'x-shipdesk-signature': signWebhook(secret, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`alert webhook answered ${res.status}`);
  await deps.db.update(alerts).set({ deliveredAt: now }).where(eq(alerts.id, alertId));
  return 'delivered';
}
