import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { suppliers } from '../../../db/schema/index.js';
import { conflict } from '../../errors.js';

export async function createSupplier(
  db: Database,
  input: { code: string; name: string; leadTimeDays?: number },
): Promise<{ supplierId: string }> {
  const id = newId('sup');
  const inserted = await db
    .insert(suppliers)
    .values({ id, code: input.code, name: input.name, leadTimeDays: input.leadTimeDays ?? 7 })
    .onConflictDoNothing()
    .returning({ id: suppliers.id });
  if (inserted.length === 0)
    throw conflict('supplier_exists', `A supplier with code ${input.code} already exists.`);
  return { supplierId: id };
}
