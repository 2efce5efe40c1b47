import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * When DATABASE_URL is set (CI's PostgreSQL run), every test file gets a database of its own, created
 * from that server and dropped afterwards, so files can run in parallel without seeing each other's rows.
 * Without it, tests use an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { url: undefined, drop: async () => {} };
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const conn = postgres(base, { max: 1, onnotice: () => {} });
      await conn.unsafe(`drop database if exists ${name} with (force)`);
      await conn.end();
    },
  };
}
