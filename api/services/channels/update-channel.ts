import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { channels } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import type { SecretBox } from '../../security/secret-box.js';
import { checkChannelEdit } from './channel-types.js';

/**
 * New credentials are sealed at once; credentials and settings are merged so a partial edit keeps the
 * rest. Both are checked against the channel's type first (channel-types.ts). An edit with nothing to
 * change still says whether the channel exists.
 */
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
  const changes = {
    ...(input.name ? { name: input.name } : {}),
    ...(input.isEnabled === undefined ? {} : { isEnabled: input.isEnabled }),
    ...(input.settings
      ? { settings: sql`${channels.settings} || ${JSON.stringify(input.settings)}::jsonb` }
      : {}),
  };
  return deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: channels.id, type: channels.type, credentialsSealed: channels.credentialsSealed })
      .from(channels)
      .where(eq(channels.id, channelId))
      .for('update');
    if (!current) throw notFound('channel_not_found', `Channel ${channelId} does not exist.`);
    checkChannelEdit(current.type, input);
    // A form replaces one secret at a time: the keys sent replace theirs, the others are kept.
    const credentials = input.credentials
      ? {
          credentialsSealed: deps.secrets.seal({
            ...deps.secrets.open<Record<string, unknown>>(current.credentialsSealed),
            ...input.credentials,
          }),
        }
      : {};
    const set = { ...changes, ...credentials };
    if (Object.keys(set).length > 0) await tx.update(channels).set(set).where(eq(channels.id, channelId));
    return { id: current.id };
  });
}
