import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { alertSettings } from '../../../db/schema/index.js';

export interface AlertSettings {
  webhookUrl: string | null;
  isWebhookEnabled: boolean;
  /** The secret itself is never read back; only whether one is set. */
  hasWebhookSecret: boolean;
  nearRatio: number;
}

export const settingsId = 'default';
export const defaultNearRatio = 0.8;

/** The alert settings row, or the defaults when none was saved yet. */
export async function loadAlertSettings(
  db: Executor,
): Promise<AlertSettings & { webhookSecretSealed: string | null }> {
  const [row] = await db.select().from(alertSettings).where(eq(alertSettings.id, settingsId));
  return {
    webhookUrl: row?.webhookUrl ?? null,
    isWebhookEnabled: row?.isWebhookEnabled ?? false,
    hasWebhookSecret: Boolean(row?.webhookSecretSealed),
    webhookSecretSealed: row?.webhookSecretSealed ?? null,
    nearRatio: row?.nearRatio ?? defaultNearRatio,
  };
}

export const publicAlertSettings = (s: AlertSettings): AlertSettings => ({
  webhookUrl: s.webhookUrl,
  isWebhookEnabled: s.isWebhookEnabled,
  hasWebhookSecret: s.hasWebhookSecret,
  nearRatio: s.nearRatio,
});
