import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { importMappings } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import type { SavedImportMapping } from './save-import-mapping.js';

export async function listImportMappings(db: Database): Promise<SavedImportMapping[]> {
  const rows = await db.select().from(importMappings).orderBy(asc(importMappings.name));
  return rows.map((r) => ({ id: r.id, name: r.name, columns: r.columns, defaults: r.defaults }));
}

export async function getImportMapping(db: Database, id: string): Promise<SavedImportMapping> {
  const [r] = await db.select().from(importMappings).where(eq(importMappings.id, id));
  if (!r) throw notFound('import_mapping_not_found', `No saved column mapping has the id ${id}`);
  return { id: r.id, name: r.name, columns: r.columns, defaults: r.defaults };
}
