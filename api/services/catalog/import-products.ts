import { createHash } from 'node:crypto';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { productBarcodes, productCatalog, products } from '../../../db/schema/index.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { queueFeed } from '../feeds/queue-feed.js';
import { mapRows, readImportFile } from '../manual-orders/read-import-file.js';
import { loadChannelSettings } from '../pricing/channel-settings.js';
import { loadStoredProducts, ownersOfCodes, type StoredProduct } from './load-stored-products.js';
import {
  checkProductMapping,
  gtinKind,
  type ProductField,
  type ProductMapping,
  type ProductRecord,
  parseProductRow,
} from './product-fields.js';

export interface ProductImportReport {
  format: 'csv' | 'xlsx';
  rows: number;
  created: number;
  /** Products whose values changed, with the fields that did. */
  updated: { line: number; sku: string; fields: string[] }[];
  unchanged: number;
  problems: { line: number; field: string; column: string | null; message: string }[];
}

type Values = StoredProduct['values'];

/** Rows written per transaction: big enough to be fast, small enough to keep locks short. */
const CHUNK = 500;

/**
 * Imports the ERP's product base. Every row is checked on its own: a bad row is reported with its line
 * and field and left out, the good rows land. An existing SKU is updated in place, field by field, only
 * for the fields the mapping carries; a row whose values are what we hold writes nothing, so importing
 * the same file again changes nothing.
 */
export async function importProducts(
  deps: { db: Database; jobs?: JobQueue },
  file: Uint8Array,
  mapping: ProductMapping,
  actor: Actor,
  now: Date,
): Promise<ProductImportReport> {
  checkProductMapping(mapping);
  const table = await readImportFile(file);
  const rows = mapRows<ProductField>(table, mapping);
  const mapped = new Set<ProductField>([
    ...(Object.keys(mapping.columns) as ProductField[]),
    ...(Object.keys(mapping.defaults) as ProductField[]),
  ]);
  const report: ProductImportReport = {
    format: table.format,
    rows: rows.length,
    created: 0,
    updated: [],
    unchanged: 0,
    problems: [],
  };
  const flag = (line: number, field: ProductField, message: string) =>
    report.problems.push({ line, field, column: mapping.columns[field] ?? null, message });

  const good: { line: number; record: ProductRecord }[] = [];
  const seenSku = new Map<string, number>();
  const seenEan = new Map<string, string>();
  for (const row of rows) {
    const { record, problems } = parseProductRow(row, mapped);
    for (const p of problems) flag(row.line, p.field, p.message);
    if (!record) continue;
    const earlier = seenSku.get(record.sku);
    if (earlier !== undefined) {
      flag(row.line, 'sku', `SKU ${record.sku} is already on line ${earlier}`);
      continue;
    }
    if (record.ean && seenEan.has(record.ean) && seenEan.get(record.ean) !== record.sku) {
      flag(row.line, 'ean', `EAN ${record.ean} is also given to ${seenEan.get(record.ean)} in this file`);
      continue;
    }
    seenSku.set(record.sku, row.line);
    if (record.ean) seenEan.set(record.ean, record.sku);
    good.push({ line: row.line, record });
  }

  for (let i = 0; i < good.length; i += CHUNK) {
    const chunk = good.slice(i, i + CHUNK);
    await deps.db.transaction(async (tx) => {
      await writeChunk(tx, chunk, mapped, report, flag, now);
    });
  }
  if (report.created > 0 || report.updated.length > 0) {
    await recordEvent(
      deps.db,
      actor,
      {
        type: 'catalog.imported',
        entityType: 'catalog',
        payload: {
          rows: report.rows,
          created: report.created,
          updated: report.updated.length,
          problems: report.problems.length,
        },
      },
      now,
    );
  }
  if (deps.jobs && (report.created > 0 || report.updated.length > 0)) {
    for (const s of await loadChannelSettings(deps.db))
      if (s.isEnabled && s.isSaved) await queueFeed({ jobs: deps.jobs }, s.channelId, 'change');
  }
  report.problems.sort((a, b) => a.line - b.line);
  return report;
}

function merge(stored: Values | null, record: ProductRecord, mapped: ReadonlySet<ProductField>): Values {
  const base: Values = stored ?? {
    sku: record.sku,
    name: record.name,
    basePrice: record.basePrice,
    currency: record.currency,
    ean: null,
    parentSku: null,
    category: null,
    brand: null,
    description: null,
    cost: null,
    publicPrice: null,
    weightGrams: 0,
    condition: 'new',
    leadTimeDays: null,
    images: [],
    attributes: {},
  };
  const next: Values = { ...base, attributes: { ...base.attributes } };
  for (const [key, value] of Object.entries(record) as [keyof ProductRecord, unknown][]) {
    if (key === 'attributes' || value === undefined) continue;
    (next as unknown as Record<string, unknown>)[key] = value;
  }
  for (const f of mapped) {
    if (!f.startsWith('attr:')) continue;
    const name = f.slice(5);
    const value = record.attributes[name];
    if (value === undefined) delete next.attributes[name];
    else next.attributes[name] = value;
  }
  next.attributes = Object.fromEntries(
    Object.entries(next.attributes).sort(([a], [b]) => a.localeCompare(b)),
  );
  return next;
}

const digest = (v: Values) => createHash('sha256').update(JSON.stringify(v)).digest('base64url');

function changedFields(before: Values, after: Values): string[] {
  return (Object.keys(after) as (keyof Values)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

function catalogRow(productId: string, v: Values, hash: string, now: Date) {
  return {
    productId,
    parentSku: v.parentSku,
    description: v.description,
    brand: v.brand,
    category: v.category,
    condition: v.condition,
    leadTimeDays: v.leadTimeDays,
    currency: v.currency,
    basePrice: v.basePrice,
    cost: v.cost,
    publicPrice: v.publicPrice,
    attributes: v.attributes,
    images: v.images,
    importHash: hash,
    updatedAt: now,
  };
}

async function writeChunk(
  tx: Executor,
  chunk: { line: number; record: ProductRecord }[],
  mapped: ReadonlySet<ProductField>,
  report: ProductImportReport,
  flag: (line: number, field: ProductField, message: string) => void,
  now: Date,
) {
  const stored = await loadStoredProducts(
    tx,
    chunk.map((c) => c.record.sku),
  );
  const owners = await ownersOfCodes(
    tx,
    chunk.flatMap((c) => (c.record.ean ? [c.record.ean] : [])),
  );
  const newProducts: (typeof products.$inferInsert)[] = [];
  const catalogRows: ReturnType<typeof catalogRow>[] = [];
  const newCodes: (typeof productBarcodes.$inferInsert)[] = [];
  for (const { line, record } of chunk) {
    const existing = stored.get(record.sku) ?? null;
    const owner = record.ean ? owners.get(record.ean) : undefined;
    if (record.ean && owner && owner !== existing?.productId) {
      flag(line, 'ean', `EAN ${record.ean} already belongs to another product`);
      continue;
    }
    const next = merge(existing?.values ?? null, record, mapped);
    const hash = digest(next);
    if (existing?.hasCatalog && existing.importHash === hash) {
      report.unchanged++;
      continue;
    }
    const productId = existing?.productId ?? newId('prd');
    if (!existing) {
      newProducts.push({ id: productId, sku: next.sku, name: next.name, weightGrams: next.weightGrams });
      report.created++;
    } else {
      const fields = existing.hasCatalog ? changedFields(existing.values, next) : ['catalog'];
      if (fields.length === 0 && existing.hasCatalog) {
        report.unchanged++;
        continue;
      }
      report.updated.push({ line, sku: next.sku, fields });
      if (next.name !== existing.values.name || next.weightGrams !== existing.values.weightGrams)
        await tx
          .update(products)
          .set({ name: next.name, weightGrams: next.weightGrams })
          .where(eq(products.id, productId));
      if (existing.values.ean && existing.values.ean !== next.ean)
        await tx
          .delete(productBarcodes)
          .where(
            and(eq(productBarcodes.productId, productId), eq(productBarcodes.code, existing.values.ean)),
          );
    }
    catalogRows.push(catalogRow(productId, next, hash, now));
    if (next.ean && next.ean !== existing?.values.ean && !owner)
      newCodes.push({ code: next.ean, productId, kind: gtinKind(next.ean) });
  }
  if (newProducts.length > 0) await tx.insert(products).values(newProducts);
  if (catalogRows.length > 0)
    await tx
      .insert(productCatalog)
      .values(catalogRows)
      .onConflictDoUpdate({
        target: productCatalog.productId,
        set: Object.fromEntries(
          Object.entries(getTableColumns(productCatalog))
            .filter(([k]) => k !== 'productId')
            .map(([k, col]) => [k, sql.raw(`excluded."${col.name}"`)]),
        ),
      });
  if (newCodes.length > 0) await tx.insert(productBarcodes).values(newCodes);
}
