import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { importMappings } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import type { ImportField } from './import-mapping.js';
import type { ImportKind, SavedImportMapping } from './save-import-mapping.js';

type Row = typeof importMappings.$inferSelect;
const saved = <F extends string>(r: Row): SavedImportMapping<F> => ({
  id: r.id,
  name: r.name,
  columns: r.columns as Partial<Record<F, string>>,
  defaults: r.defaults as Partial<Record<F, string>>,
});

export async function listImportMappings<F extends string = ImportField>(
  db: Database,
  kind: ImportKind = 'orders',
): Promise<SavedImportMapping<F>[]> {
  const rows = await db
    .select()
    .from(importMappings)
    .where(eq(importMappings.kind, kind))
    .orderBy(asc(importMappings.name));
  return rows.map((r) => saved<F>(r));
}

export async function getImportMapping<F extends string = ImportField>(
  db: Database,
  id: string,
  kind: ImportKind = 'orders',
): Promise<SavedImportMapping<F>> {
  const [r] = await db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.id, id), eq(importMappings.kind, kind)));
  if (!r) throw notFound('import_mapping_not_found', `No saved column mapping has the id ${id}`);
  return saved<F>(r);
}
