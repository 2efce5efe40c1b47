import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { apiTokens, sessions, users } from '../../../db/schema/index.js';
import { sha256 } from '../../security/tokens.js';
import type { Principal } from './principal.js';

export async function principalFromSession(
  db: Database,
  token: string,
  now: Date,
): Promise<Principal | null> {
  const [row] = await db
    .select({ user: users, deviceId: sessions.deviceId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now)));
  if (!row || row.user.isDisabled) return null;
  return {
    kind: 'user',
    userId: row.user.id,
    tokenId: null,
    role: row.user.role,
    name: row.user.name,
    deviceId: row.deviceId,
  };
}

export async function principalFromApiToken(
  db: Database,
  token: string,
  now: Date,
): Promise<Principal | null> {
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
    .returning();
  if (!row) return null;
  return { kind: 'token', userId: null, tokenId: row.id, role: row.role, name: row.name, deviceId: null };
}

export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}
