import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';

/**
 * Runs dashboard reads with PostgreSQL's JIT compiler off. The aggregates over 100,000 orders cross its
 * cost threshold, and compiling them took longer (up to seconds on a busy machine) than running them.
 * One read-only transaction also gives every figure of a page the same snapshot.
 */
export function readDashboard<T>(db: Database, read: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return read(tx);
  });
}
