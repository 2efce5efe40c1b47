import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { channels } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import type { SecretBox } from '../../security/secret-box.js';

/** New credentials are sealed at once; settings are merged so a partial edit keeps the rest. */
export async function updateChannel(
  deps: { db: Database; secrets: SecretBox },
  channelId: string,
  input: {
    name?: string | undefined;
    isEnabled?: boolean | undefined;
    credentials?: Record<string, unknown> | undefined;
    settings?: Record<string, unknown> | undefined;
  },
) {
  const [row] = await deps.db
    .update(channels)
    .set({
      ...(input.name ? { name: input.name } : {}),
      ...(input.isEnabled === undefined ? {} : { isEnabled: input.isEnabled }),
      ...(input.credentials ? { credentialsSealed: deps.secrets.seal(input.credentials) } : {}),
      ...(input.settings
        ? { settings: sql`${channels.settings} || ${JSON.stringify(input.settings)}::jsonb` }
        : {}),
    })
    .where(eq(channels.id, channelId))
    .returning({ id: channels.id });
  if (!row) throw notFound('channel_not_found', `Channel ${channelId} does not exist.`);
  return row;
}
