import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { importMappings } from '../../../db/schema/index.js';
import { conflict } from '../../errors.js';
import { checkMapping, type ImportMapping } from './import-mapping.js';

export interface SavedImportMapping extends ImportMapping {
  id: string;
  name: string;
}

/** Saves a named column mapping; names are unique so the desk can tell them apart. */
export async function saveImportMapping(
  db: Database,
  input: ImportMapping & { name: string },
): Promise<SavedImportMapping> {
  checkMapping(input);
  const id = newId('imp');
  const [row] = await db
    .insert(importMappings)
    .values({
      id,
      name: input.name.trim(),
      columns: input.columns as Record<string, string>,
      defaults: input.defaults as Record<string, string>,
    })
    .onConflictDoNothing({ target: importMappings.name })
    .returning();
  if (!row)
    throw conflict('import_mapping_name_taken', `A mapping named "${input.name.trim()}" already exists`);
  return { id: row.id, name: row.name, columns: row.columns, defaults: row.defaults };
}
