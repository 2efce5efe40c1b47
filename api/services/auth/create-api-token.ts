import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { apiTokens, type UserRole } from '../../../db/schema/index.js';
import { randomToken, sha256 } from '../../security/tokens.js';

/** The token is shown once; only its hash is kept. */
export async function createApiToken(
  db: Database,
  input: { name: string; role: UserRole; createdBy: string | null },
) {
  const token = randomToken('sdk_');
  const id = newId('tok');
  await db
    .insert(apiTokens)
    .values({ id, name: input.name, role: input.role, tokenHash: sha256(token), createdBy: input.createdBy });
  return { id, name: input.name, role: input.role, token };
}
