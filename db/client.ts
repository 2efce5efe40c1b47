import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
// Both drivers implement the same PgDatabase; services are written against this one type.
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

/** The shape pg-boss wants for its `db` option. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface DbHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** For pg-boss: on PGlite its executor; on PostgreSQL pg-boss opens its own pool from this URL. */
  boss: { db: SqlExecutor } | { connectionString: string };
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationLockKey = 7_310_442_019;
const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface CreateDbOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` for an in-memory database. */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  max?: number;
}

/**
 * PGlite in a data folder by default (so `npm start` needs no server), postgres.js when a URL is given.
 * Migrations run on either before the handle is returned.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  if (options.url) return createPostgres(options.url, options.max ?? 10);
  return createPglite(options.dataDir ?? '.data/pglite');
}

async function createPglite(dataDir: string): Promise<DbHandle> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  await migratePglite(db as never, { migrationsFolder });
  const executor: SqlExecutor = {
    // pg-boss sends multi-statement scripts without parameters: those need exec(), not query().
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
  return {
    db,
    kind: 'pglite',
    boss: { db: executor },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      await client.close();
    },
  };
}

async function createPostgres(url: string, max: number): Promise<DbHandle> {
  const client = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  // API and worker processes start together: an advisory lock lets one migrate while the others wait.
  // A pool of one connection, so the session-level lock and the migration share a session.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${migrationLockKey})`;
    await migratePostgres(drizzlePostgres(migrator), { migrationsFolder });
  } finally {
    await migrator.end({ timeout: 5 });
  }
  return {
    db,
    kind: 'postgres',
    boss: { connectionString: url },
    async ping() {
      await client`select 1`;
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * Runs pg-boss statements inside one of our transactions, so a job is queued if and only if the state
 * change that calls for it commits (the outbox rule). Converts `$n` placeholders into drizzle params.
 */
export function transactionExecutor(tx: Executor): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = [];
      parts.forEach((part, i) => {
        if (i % 2 === 0) chunks.push(sql.raw(part));
        else chunks.push(sql`${toParam(values[Number(part) - 1])}`);
      });
      const result = (await tx.execute(sql.join(chunks))) as unknown;
      return { rows: Array.isArray(result) ? result : ((result as { rows: unknown[] }).rows ?? []) };
    },
  };
}

// pg-boss leaves trailing optional values out and passes job data as objects: normalise both.
function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  ) {
    return JSON.stringify(value);
  }
  return value;
}

/** Rows from `execute()`, whatever the driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

export { schema };
