import { asc } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { channels } from '../../../db/schema/index.js';
import type { SecretBox } from '../../security/secret-box.js';

/** Credentials are sealed before they touch the database and never come back out through the API. */
export async function createChannel(
  deps: { db: Database; secrets: SecretBox },
  input: {
    type: string;
    name: string;
    credentials: Record<string, unknown>;
    settings: Record<string, unknown>;
  },
) {
  const id = newId('chn');
  await deps.db.insert(channels).values({
    id,
    type: input.type,
    name: input.name,
    credentialsSealed: deps.secrets.seal(input.credentials),
    settings: input.settings,
  });
  return { id };
}

export async function listChannels(db: Database) {
  const rows = await db.select().from(channels).orderBy(asc(channels.name));
  return rows.map((c) => ({
    id: c.id,
    type: c.type,
    name: c.name,
    settings: c.settings,
    isEnabled: c.isEnabled,
    pullCursor: c.pullCursor,
    lastPulledAt: c.lastPulledAt?.toISOString() ?? null,
    lastPullError: c.lastPullError,
  }));
}
