import type { Executor } from '../../../db/client.js';
import { alertSettings } from '../../../db/schema/index.js';
import type { SecretBox } from '../../security/secret-box.js';
import { type AlertSettings, loadAlertSettings, publicAlertSettings, settingsId } from './alert-settings.js';

/**
 * Saves where alerts go. The HMAC secret is sealed at rest like channel credentials; leaving it out keeps
 * the one already saved.
 */
export async function saveAlertSettings(
  deps: { db: Executor; secrets: SecretBox },
  input: {
    webhookUrl: string | null;
    webhookSecret?: string | undefined;
    isWebhookEnabled: boolean;
    nearRatio: number;
  },
  now: Date,
): Promise<AlertSettings> {
  const sealed = input.webhookSecret ? deps.secrets.seal(input.webhookSecret) : undefined;
  const values = {
    webhookUrl: input.webhookUrl,
    isWebhookEnabled: input.isWebhookEnabled,
    nearRatio: input.nearRatio,
    updatedAt: now,
    ...(sealed ? { webhookSecretSealed: sealed } : {}),
  };
  await deps.db
    .insert(alertSettings)
    .values({ id: settingsId, ...values })
    .onConflictDoUpdate({ target: alertSettings.id, set: values });
  return publicAlertSettings(await loadAlertSettings(deps.db));
}
