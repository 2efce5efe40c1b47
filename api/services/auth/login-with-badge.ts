import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { users } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { verifySecret } from '../../security/passwords.js';
import { createSession, type NewSession } from './create-session.js';
import { checkLockout, registerFailure } from './lockout.js';

/** Pickers sign in on a shared handheld by scanning their badge and typing a short PIN. */
export async function loginWithBadge(
  db: Database,
  input: { badge: string; pin: string; deviceId?: string | null },
  now: Date,
): Promise<NewSession> {
  const badge = input.badge.trim();
  const [user] = await db.select().from(users).where(eq(users.badgeCode, badge));
  if (!user || user.isDisabled || !user.pinHash) {
    throw new AppError('login_failed', 401, 'Unknown badge or wrong PIN.');
  }
  checkLockout(user, now);
  if (!(await verifySecret(input.pin, user.pinHash))) {
    await registerFailure(db, user.id, now);
    throw new AppError('login_failed', 401, 'Unknown badge or wrong PIN.');
  }
  return createSession(db, user, input.deviceId ?? null, now);
}
