import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { channels } from '../../../db/schema/index.js';
import type { ChannelConnector } from '../../channels/connector.js';
import type { ConnectorFactory } from '../../deps.js';
import { notFound } from '../../errors.js';
import type { SecretBox } from '../../security/secret-box.js';

export interface LoadedChannel {
  id: string;
  type: string;
  name: string;
  settings: Record<string, unknown>;
  pullCursor: string | null;
  isEnabled: boolean;
  requiresAcceptance: boolean;
  connector: ChannelConnector;
}

/** Channels whose orders must be accepted line by line before they can ship. */
const acceptanceChannels = new Set(['mirakl', 'cdiscount']);

export async function loadChannel(
  deps: { db: Database; secrets: SecretBox; connectors: ConnectorFactory },
  channelId: string,
): Promise<LoadedChannel> {
  const [row] = await deps.db.select().from(channels).where(eq(channels.id, channelId));
  if (!row) throw notFound('channel_not_found', `Channel ${channelId} does not exist.`);
  const credentials = deps.secrets.open(row.credentialsSealed);
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    settings: row.settings,
    pullCursor: row.pullCursor,
    isEnabled: row.isEnabled,
    requiresAcceptance: acceptanceChannels.has(row.type) && row.settings.autoAccept !== false,
    connector: deps.connectors({ id: row.id, type: row.type, settings: row.settings, credentials }),
  };
}
