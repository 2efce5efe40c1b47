import { asc, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { bins, warehouses } from '../../../db/schema/index.js';
import { AppError, conflict } from '../../errors.js';

export interface BinInput {
  warehouseId: string;
  zone: string;
  aisle: string;
  rack: string;
  level: string;
  position?: string;
  /** Defaults to zone-aisle-rack-level(-position). */
  code?: string;
}

export async function createWarehouse(db: Database, input: { code: string; name: string }) {
  const id = newId('whs');
  const inserted = await db
    .insert(warehouses)
    .values({ id, ...input })
    .onConflictDoNothing()
    .returning({ id: warehouses.id });
  if (!inserted.length)
    throw conflict('warehouse_exists', `A warehouse with code ${input.code} already exists.`);
  return { warehouseId: id };
}

export async function listWarehouses(db: Executor) {
  return db
    .select({ id: warehouses.id, code: warehouses.code, name: warehouses.name })
    .from(warehouses)
    .orderBy(warehouses.code);
}

/**
 * Adds a bin and re-derives the warehouse's walking order: zone, aisle, rack, level, position, each
 * compared as numbers when they are numbers ("2" before "10"), so pick lists follow the shelves.
 */
export async function createBin(db: Database, input: BinInput) {
  const [warehouse] = await db
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(eq(warehouses.id, input.warehouseId));
  if (!warehouse)
    throw new AppError('warehouse_not_found', 422, `Warehouse ${input.warehouseId} does not exist.`, {
      field: 'warehouseId',
    });
  const position = input.position ?? '';
  const code =
    input.code ?? [input.zone, input.aisle, input.rack, input.level, position].filter(Boolean).join('-');
  const id = newId('bin');
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(bins)
      .values({
        id,
        warehouseId: input.warehouseId,
        code,
        zone: input.zone,
        aisle: input.aisle,
        rack: input.rack,
        level: input.level,
        position,
      })
      .onConflictDoNothing()
      .returning({ id: bins.id });
    if (!inserted.length) throw conflict('bin_exists', `Bin ${code} already exists in this warehouse.`);
    await resequence(tx, input.warehouseId);
    const [row] = await tx.select().from(bins).where(eq(bins.id, id));
    return { binId: id, code, pickSequence: row?.pickSequence ?? 0 };
  });
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

async function resequence(tx: Executor, warehouseId: string) {
  const all = await tx.select().from(bins).where(eq(bins.warehouseId, warehouseId));
  const key = (b: (typeof all)[number]) => [b.zone, b.aisle, b.rack, b.level, b.position, b.code];
  all.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const c = collator.compare(ka[i]!, kb[i]!);
      if (c !== 0) return c;
    }
    return 0;
  });
  for (const [i, b] of all.entries()) {
    const seq = (i + 1) * 10;
    if (b.pickSequence !== seq) await tx.update(bins).set({ pickSequence: seq }).where(eq(bins.id, b.id));
  }
}

export async function listBins(
  db: Executor,
  filter: { warehouseId?: string | undefined; binIds?: string[] | undefined },
) {
  const rows = await db
    .select({
      id: bins.id,
      code: bins.code,
      warehouseId: bins.warehouseId,
      warehouseCode: warehouses.code,
      zone: bins.zone,
      aisle: bins.aisle,
      rack: bins.rack,
      level: bins.level,
      position: bins.position,
      pickSequence: bins.pickSequence,
    })
    .from(bins)
    .innerJoin(warehouses, eq(warehouses.id, bins.warehouseId))
    .where(
      filter.binIds?.length
        ? inArray(bins.id, filter.binIds)
        : filter.warehouseId
          ? eq(bins.warehouseId, filter.warehouseId)
          : undefined,
    )
    .orderBy(asc(warehouses.code), asc(bins.pickSequence), asc(bins.code));
  return rows;
}
