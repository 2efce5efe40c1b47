import type { Database } from '../../../db/client.js';
import { currencyExponent, MoneyParseError, parseDecimalToMinor } from '../../channels/money.js';
import { AppError } from '../../errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { SecretBox } from '../../security/secret-box.js';
import { createManualOrder, type ManualOrderInput } from './create-manual-order.js';
import { checkMapping, type ImportField, type ImportMapping } from './import-mapping.js';
import { type MappedRow, mapRows, readImportFile } from './read-import-file.js';
import { resolveItems } from './resolve-items.js';

export interface RowProblem {
  line: number;
  field: ImportField;
  column: string | null;
  message: string;
}

export interface ImportReport {
  format: 'csv' | 'xlsx';
  rows: number;
  created: { reference: string; orderId: string }[];
  /** References that were already orders (the same file imported again): nothing was created. */
  existing: { reference: string; orderId: string }[];
  /** Orders left out because at least one of their rows is wrong; their rows are in `problems`. */
  rejected: string[];
  problems: RowProblem[];
}

type Deps = { db: Database; jobs: JobQueue; secrets: SecretBox };
type Row = MappedRow<ImportField>;

/**
 * Imports a CSV or XLSX file of order lines. Rows with the same reference are one order. A file that
 * lacks a mapped column is refused whole before anything is written; otherwise every bad row is
 * reported with its line and field, the orders it belongs to are left out, and the good orders are
 * created through the same path as typed ones, so importing the same file again creates nothing.
 */
export async function importManualOrders(
  deps: Deps,
  file: Uint8Array,
  mapping: ImportMapping,
  now: Date,
): Promise<ImportReport> {
  checkMapping(mapping);
  const table = await readImportFile(file);
  const rows: Row[] = mapRows(table, mapping);
  const problems: RowProblem[] = [];
  const flag = (row: Row, field: ImportField, message: string) =>
    problems.push({ line: row.line, field, column: mapping.columns[field] ?? null, message });

  const skus = await resolveItems(
    deps.db,
    rows.map((r) => ({ sku: r.get('sku') || null, ean: r.get('ean') || null })),
  );
  for (const [i, row] of rows.entries()) checkRow(row, skus[i] ?? null, flag);

  const groups = new Map<string, { rows: Row[]; skus: string[] }>();
  rows.forEach((row, i) => {
    const reference = row.get('reference');
    if (!reference) return;
    const group = groups.get(reference) ?? { rows: [], skus: [] };
    group.rows.push(row);
    group.skus.push(skus[i] ?? '');
    groups.set(reference, group);
  });

  const report: ImportReport = {
    format: table.format,
    rows: rows.length,
    created: [],
    existing: [],
    rejected: [],
    problems,
  };
  const badLines = new Set(problems.map((p) => p.line));
  for (const [reference, group] of groups) {
    if (group.rows.some((r) => badLines.has(r.line))) {
      report.rejected.push(reference);
      continue;
    }
    try {
      const result = await createManualOrder(deps, toOrder(reference, group.rows, group.skus), now);
      (result.isReplay ? report.existing : report.created).push({ reference, orderId: result.orderId });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      report.rejected.push(reference);
      problems.push({
        line: group.rows[0]!.line,
        field: 'reference',
        column: mapping.columns.reference ?? null,
        message: err.message,
      });
    }
  }
  return report;
}

const required: ImportField[] = [
  'reference',
  'shipName',
  'shipLine1',
  'shipPostalCode',
  'shipCity',
  'shipCountry',
];

function checkRow(
  row: Row,
  sku: string | null,
  flag: (row: Row, field: ImportField, message: string) => void,
) {
  for (const field of required) if (!row.get(field)) flag(row, field, 'is empty');
  const quantity = row.get('quantity');
  if (!/^\d+$/.test(quantity) || Number(quantity) < 1)
    flag(row, 'quantity', `must be a whole number of at least 1 (got "${quantity}")`);
  const currency = row.get('currency').toUpperCase();
  let currencyOk = true;
  try {
    currencyExponent(currency);
  } catch {
    currencyOk = false;
    flag(row, 'currency', `must be an ISO currency code like EUR (got "${currency}")`);
  }
  for (const field of ['unitPrice', 'shippingPrice'] as const) {
    const amount = row.get(field).replace(',', '.');
    if (field === 'shippingPrice' && amount === '') continue;
    if (!currencyOk) continue;
    try {
      parseDecimalToMinor(amount, currency);
    } catch (err) {
      if (!(err instanceof MoneyParseError)) throw err;
      flag(row, field, `must be an amount like 12.50 (${err.message})`);
    }
  }
  if (!row.get('sku') && !row.get('ean')) flag(row, 'sku', 'is empty (and so is ean)');
  else if (!sku) {
    const field = row.get('sku') ? 'sku' : 'ean';
    flag(row, field, `"${row.get(field)}" is not a product we know`);
  }
  const country = row.get('shipCountry');
  if (country && !/^[A-Za-z]{2}$/.test(country))
    flag(row, 'shipCountry', `must be a two-letter country code (got "${country}")`);
  const shipBy = row.get('shipBy');
  if (shipBy && Number.isNaN(Date.parse(shipBy))) flag(row, 'shipBy', `is not a date (got "${shipBy}")`);
}

/** Order-level fields come from the order's first row. */
function toOrder(reference: string, rows: Row[], skus: string[]): ManualOrderInput {
  const head = rows[0]!;
  const opt = (f: ImportField) => head.get(f) || null;
  const shipBy = head.get('shipBy');
  return {
    reference,
    currency: head.get('currency').toUpperCase(),
    shippingPrice: head.get('shippingPrice').replace(',', '.') || null,
    shipBy: shipBy ? new Date(Date.parse(shipBy)).toISOString() : null,
    serviceLevel: opt('serviceLevel'),
    buyer: {
      name: head.get('buyerName') || head.get('shipName'),
      email: opt('buyerEmail'),
      phone: opt('buyerPhone'),
    },
    shipTo: {
      name: head.get('shipName'),
      company: opt('shipCompany'),
      line1: head.get('shipLine1'),
      line2: opt('shipLine2'),
      postalCode: head.get('shipPostalCode'),
      city: head.get('shipCity'),
      countryCode: head.get('shipCountry').toUpperCase(),
      phone: opt('shipPhone'),
    },
    lines: rows.map((r, i) => ({
      sku: skus[i]!,
      quantity: Number(r.get('quantity')),
      unitPrice: r.get('unitPrice').replace(',', '.'),
    })),
  };
}
