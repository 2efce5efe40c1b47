import { asc } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { printers } from '../../../db/schema/index.js';

export async function listPrinters(db: Executor) {
  return db.select().from(printers).orderBy(asc(printers.name));
}
