import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { channels } from '../../../db/schema/index.js';
import type { SecretBox } from '../../security/secret-box.js';

/**
 * The one channel every desk order belongs to. Its id is fixed, so two first orders typed at the same
 * time create one channel: the second insert finds the row and does nothing.
 */
export const MANUAL_CHANNEL_ID = 'chn_manual';

export async function ensureManualChannel(deps: { db: Database; secrets: SecretBox }): Promise<string> {
  const [existing] = await deps.db
    .select({ id: channels.id })
    .from(channels)
    .where(eq(channels.id, MANUAL_CHANNEL_ID));
  if (existing) return existing.id;
  await deps.db
    .insert(channels)
    .values({
      id: MANUAL_CHANNEL_ID,
      type: 'manual',
      name: 'Desk and trade orders',
      credentialsSealed: deps.secrets.seal({}),
      // Nothing to pull: the scheduler may visit it rarely.
      settings: { pullIntervalSeconds: 3600 },
    })
    .onConflictDoNothing({ target: channels.id });
  return MANUAL_CHANNEL_ID;
}
