import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { users } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';

const maxFailures = 5;
const lockMinutes = 15;

export function checkLockout(user: { lockedUntil: Date | null }, now: Date): void {
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError(
      'login_locked',
      429,
      `Too many failed attempts. Try again after ${user.lockedUntil.toISOString()}.`,
    );
  }
}

/** Five failures lock the account for 15 minutes; the counter resets on success. */
export async function registerFailure(db: Database, userId: string, now: Date): Promise<void> {
  await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then ${new Date(now.getTime() + lockMinutes * 60_000).toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId));
}
