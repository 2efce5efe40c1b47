import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { sessions, users } from '../../../db/schema/index.js';
import { randomToken, sha256 } from '../../security/tokens.js';

export const sessionHours = 12;

export interface NewSession {
  token: string;
  expiresAt: Date;
  user: { id: string; name: string; role: string; email: string | null };
}

export async function createSession(
  db: Database,
  user: { id: string; name: string; role: string; email: string | null },
  deviceId: string | null,
  now: Date,
): Promise<NewSession> {
  const token = randomToken('');
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000);
  await db
    .insert(sessions)
    .values({ id: newId('ses'), tokenHash: sha256(token), userId: user.id, deviceId, expiresAt });
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  return { token, expiresAt, user: { id: user.id, name: user.name, role: user.role, email: user.email } };
}
