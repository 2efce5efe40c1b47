import { asc } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { channels } from '../../../db/schema/index.js';
import type { SecretBox } from '../../security/secret-box.js';
import { credentialFieldsOf, settingFieldsOf } from './channel-types.js';

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

/**
 * The channels as the Channels page edits them. Of the credentials only the names of the fields that hold
 * a value come out (`credentialsSet`), so the page can say "set" or "not set"; never a value.
 */
export async function listChannels(deps: { db: Database; secrets: SecretBox }) {
  const rows = await deps.db.select().from(channels).orderBy(asc(channels.name));
  return rows.map((c) => ({
    id: c.id,
    type: c.type,
    name: c.name,
    settings: c.settings,
    isEnabled: c.isEnabled,
    pullCursor: c.pullCursor,
    lastPulledAt: c.lastPulledAt?.toISOString() ?? null,
    lastPullError: c.lastPullError,
    credentialsSet: namesSet(deps.secrets, c.credentialsSealed),
    credentialFields: credentialFieldsOf(c.type),
    settingFields: settingFieldsOf(c.type),
  }));
}

function namesSet(secrets: SecretBox, sealed: string): string[] {
  let credentials: unknown;
  try {
    credentials = secrets.open(sealed);
  } catch {
    // Sealed under another key: the list still loads, and nothing readable is set.
    return [];
  }
  if (!credentials || typeof credentials !== 'object') return [];
  return Object.entries(credentials)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([name]) => name)
    .sort();
}
