import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { users } from '../../../db/schema/index.js';
import { createUser } from './create-user.js';

/**
 * On the very first start there is nobody to sign in as: create an admin with a random password and
 * hand the credentials back once, for the caller to print. Later starts return null.
 */
export async function ensureFirstAdmin(
  db: Database,
  preset?: { email: string; password: string },
): Promise<{ email: string; password: string } | null> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  if (existing) return null;
  const email = preset?.email ?? 'admin@localhost';
  const password = preset?.password ?? randomBytes(12).toString('base64url');
  await createUser(db, { name: 'Administrator', role: 'admin', email, password });
  return { email, password };
}
