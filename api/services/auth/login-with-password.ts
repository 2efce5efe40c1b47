import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { users } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { verifySecret } from '../../security/passwords.js';
import { createSession, type NewSession } from './create-session.js';
import { checkLockout, registerFailure } from './lockout.js';

export async function loginWithPassword(
  db: Database,
  input: { email: string; password: string; deviceId?: string | null },
  now: Date,
): Promise<NewSession> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email.toLowerCase()));
  if (!user || user.isDisabled || !user.passwordHash) {
    throw new AppError('login_failed', 401, 'Email or password is wrong.');
  }
  checkLockout(user, now);
  if (!(await verifySecret(input.password, user.passwordHash))) {
    await registerFailure(db, user.id, now);
    throw new AppError('login_failed', 401, 'Email or password is wrong.');
  }
  return createSession(db, user, input.deviceId ?? null, now);
}
