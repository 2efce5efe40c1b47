import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { importMappings } from '../../../db/schema/index.js';
import { conflict } from '../../errors.js';
import { checkMapping, type ImportField, type ImportMapping } from './import-mapping.js';

export interface SavedImportMapping<F extends string = ImportField> extends ImportMapping<F> {
  id: string;
  name: string;
}

export type ImportKind = 'orders' | 'products';

/** Saves a named column mapping; names are unique so the desk can tell them apart. */
export async function saveImportMapping<F extends string = ImportField>(
  db: Database,
  input: ImportMapping<F> & { name: string },
  options: { kind?: ImportKind; check?: (mapping: ImportMapping<F>) => void } = {},
): Promise<SavedImportMapping<F>> {
  (options.check ?? (checkMapping as unknown as (mapping: ImportMapping<F>) => void))(input);
  const id = newId('imp');
  const [row] = await db
    .insert(importMappings)
    .values({
      id,
      name: input.name.trim(),
      kind: options.kind ?? 'orders',
      columns: input.columns as Record<string, string>,
      defaults: input.defaults as Record<string, string>,
    })
    .onConflictDoNothing({ target: importMappings.name })
    .returning();
  if (!row)
    throw conflict('import_mapping_name_taken', `A mapping named "${input.name.trim()}" already exists`);
  return {
    id: row.id,
    name: row.name,
    columns: row.columns as Partial<Record<F, string>>,
    defaults: row.defaults as Partial<Record<F, string>>,
  };
}
