import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { type UserRole, users } from '../../../db/schema/index.js';
import { conflict } from '../../errors.js';
import { hashSecret } from '../../security/passwords.js';

export interface CreateUserInput {
  name: string;
  role: UserRole;
  email?: string | null;
  password?: string | null;
  badgeCode?: string | null;
  pin?: string | null;
}

export async function createUser(db: Database, input: CreateUserInput) {
  const id = newId('usr');
  try {
    const [user] = await db
      .insert(users)
      .values({
        id,
        name: input.name,
        role: input.role,
        email: input.email ?? null,
        passwordHash: input.password ? await hashSecret(input.password) : null,
        // A badge without a code of its own gets the user id, which is scannable (usr_ prefix).
        badgeCode: input.pin ? (input.badgeCode ?? id) : (input.badgeCode ?? null),
        pinHash: input.pin ? await hashSecret(input.pin) : null,
      })
      .returning({
        id: users.id,
        name: users.name,
        role: users.role,
        email: users.email,
        badgeCode: users.badgeCode,
      });
    return user!;
  } catch (err) {
    if (
      String((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) ===
      '23505'
    ) {
      throw conflict('user_exists', 'A user with this email or badge already exists.');
    }
    throw err;
  }
}
