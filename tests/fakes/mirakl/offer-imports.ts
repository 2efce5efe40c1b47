import { Hono } from 'hono';
import type { DemoProduct } from '../../../db/seed/demo-catalog.js';
import { miraklDate } from './order-factory.js';
import { miraklError } from './routes.js';
import { SimError, type SimState } from './store.js';

/**
 * The offer import of the seller spec: OF01 (`POST /api/offers/imports`, multipart `file` + `import_mode`)
 * reads the CSV and applies its offers, OF02 (`GET /api/offers/imports/{import}`) reports on it, OF03
 * (`GET /api/offers/imports/{import}/error_report`) gives back the lines in error, with the offer's own
 * cells plus `error-line` and `error-message`, as Mirakl's file does. Offers are matched to the
 * simulator's catalogue by EAN or by offer SKU; a line that names no known product, or whose price or
 * quantity is not a number ≥ 0, is in error and leaves the offer as it was.
 */

/** The OF01 columns the spec documents (its file description, and its example's header). */
export const OF01_COLUMNS: readonly string[] = [
  'sku',
  'product-id',
  'product-id-type',
  'description',
  'internal-description',
  'price',
  'price-additional-info',
  'quantity',
  'min-quantity-alert',
  'state',
  'available-start-date',
  'available-end-date',
  'discount-price',
  'discount-start-date',
  'discount-end-date',
  'discount-ranges',
  'allow-quote-requests',
  'leadtime-to-ship',
  'min-order-quantity',
  'max-order-quantity',
  'package-quantity',
  'update-delete',
  'price-ranges',
  'ecotax',
  'gift-wrap',
  'min-quantity-ordered',
  'logistic-class',
  'pricing-unit',
  'product-tax-code',
];
/** Per-channel and per-EPR-category columns: `price[channel=FR]`, `producer-id[FR-DEA]`… */
const BRACKETED =
  /^(price|discount-price|discount-start-date|discount-end-date|discount-ranges|price-ranges|prices-ranges)\[channel=[^\]]+\]$|^(producer-id|eco-contribution-amount)\[[A-Z]{2}-[A-Z]+\]$/;
export const isOf01Column = (name: string) => OF01_COLUMNS.includes(name) || BRACKETED.test(name);

export const IMPORT_MODES = ['NORMAL', 'REPLACE'] as const;
const FORM_PARTS = new Set(['file', 'import_mode', 'operator_format', 'with_products']);

export interface SimOffer {
  sku: string;
  productEan: string;
  price: string;
  quantity: number;
  state: string;
  logisticClass: string | null;
}

export interface OfferImport {
  importId: number;
  mode: (typeof IMPORT_MODES)[number];
  createdAt: string;
  fileName: string;
  /** The file as received. */
  file: string;
  /** COMPLETE or FAILED once read `pendingReads` more times. */
  outcome: 'COMPLETE' | 'FAILED';
  pendingReads: number;
  reason: string;
  linesRead: number;
  linesInError: number;
  inserted: number;
  updated: number;
  deleted: number;
  /** OF03's file; null when no line is in error. */
  errorReport: string | null;
}

export interface OfferImportStore {
  offers: Map<string, SimOffer>;
  imports: OfferImport[];
  /** The next `reads` OF02 calls of the next import answer RUNNING, as a real import takes a while. */
  holdNextImport(reads: number): void;
  hold: number;
}

const stores = new WeakMap<SimState, OfferImportStore>();

/** The offers and imports of one simulator (tests read them through `offerImportsOf(sim.state)`). */
export function offerImportsOf(state: SimState): OfferImportStore {
  let store = stores.get(state);
  if (!store) {
    const created: OfferImportStore = {
      offers: new Map(),
      imports: [],
      hold: 0,
      holdNextImport(reads) {
        created.hold = reads;
      },
    };
    store = created;
    stores.set(state, store);
  }
  return store;
}

function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

const quoted = (v: string) => `"${v.replaceAll('"', '""')}"`;
const DECIMAL = /^\d+(\.\d{1,2})?$/;

/** Reads the file and applies it; a file that cannot be read as OF01 fails the import as a whole. */
function runImport(
  store: OfferImportStore,
  stock: SimState['stock'],
  catalog: DemoProduct[],
  mode: OfferImport['mode'],
  text: string,
): Pick<
  OfferImport,
  'outcome' | 'reason' | 'linesRead' | 'linesInError' | 'inserted' | 'updated' | 'deleted' | 'errorReport'
> {
  const empty = { linesRead: 0, linesInError: 0, inserted: 0, updated: 0, deleted: 0, errorReport: null };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitLine(lines[0] ?? '');
  const unknown = header.filter((h) => !isOf01Column(h));
  if (unknown.length > 0)
    return { ...empty, outcome: 'FAILED', reason: `Unknown column(s): ${unknown.join(', ')}` };
  const missing = ['sku', 'price', 'quantity', 'state'].filter((c) => !header.includes(c));
  if (missing.length > 0)
    return { ...empty, outcome: 'FAILED', reason: `Missing column(s): ${missing.join(', ')}` };

  const byEan = new Map(catalog.map((p) => [p.ean, p]));
  const bySku = new Map(catalog.map((p) => [p.sku, p]));
  const result = { ...empty, errorLines: [] as string[] };
  const seen = new Set<string>();
  /** Applies one line; the reason when it is in error (the offer is then left as it was). */
  const applyLine = (cell: (name: string) => string, width: number): string | null => {
    if (width !== header.length) return `${width} cells, the header has ${header.length}`;
    const sku = cell('sku');
    if (sku === '') return 'The offer SKU is missing';
    const action = cell('update-delete') || 'update';
    if (action === 'delete') {
      if (store.offers.delete(sku)) result.deleted++;
      seen.add(sku);
      return null;
    }
    if (action !== 'update') return `Unknown update-delete value "${action}"`;
    const idType = cell('product-id-type') || 'SKU';
    const productId = cell('product-id') || sku;
    const product =
      idType === 'EAN' ? byEan.get(productId) : idType === 'SKU' ? bySku.get(productId) : undefined;
    if (!product) return 'The product does not exist';
    const price = cell('price');
    if (!DECIMAL.test(price)) return `The price "${price}" is not an amount ≥ 0`;
    const quantity = cell('quantity');
    if (!/^\d+$/.test(quantity)) return `The quantity "${quantity}" is not a whole number ≥ 0`;
    if (!/^\d+$/.test(cell('state'))) return `The offer state "${cell('state')}" is unknown`;
    const isNew = !store.offers.has(sku);
    store.offers.set(sku, {
      sku,
      productEan: product.ean,
      price,
      quantity: Number(quantity),
      state: cell('state'),
      logisticClass: cell('logistic-class') || null,
    });
    stock.set(sku, Number(quantity));
    seen.add(sku);
    if (isNew) result.inserted++;
    else result.updated++;
    return null;
  };
  for (const [i, line] of lines.entries()) {
    if (i === 0 || line.trim() === '') continue;
    result.linesRead++;
    const cells = splitLine(line);
    const cell = (name: string) => cells[header.indexOf(name)] ?? '';
    const problem = applyLine(cell, cells.length);
    if (problem === null) continue;
    // OF03: the line's own cells, then its number in the file (the header is line 1) and the reason.
    result.linesInError++;
    result.errorLines.push([...header.map((h) => cell(h)), String(i + 1), problem].map(quoted).join(';'));
  }
  if (mode === 'REPLACE')
    for (const sku of [...store.offers.keys()])
      if (!seen.has(sku)) {
        store.offers.delete(sku);
        result.deleted++;
      }
  const { errorLines, ...counts } = result;
  return {
    ...counts,
    outcome: 'COMPLETE',
    reason: '',
    errorReport:
      errorLines.length === 0
        ? null
        : `${[[...header, 'error-line', 'error-message'].map(quoted).join(';'), ...errorLines].join('\n')}\n`,
  };
}

function findImport(store: OfferImportStore, id: string): OfferImport {
  if (!/^\d+$/.test(id)) throw new SimError(400, `Parameter 'import' must be an integer: ${id}`);
  const found = store.imports.find((i) => i.importId === Number(id));
  if (!found) throw new SimError(404, `Import with id '${id}' not found`);
  return found;
}

export function createOfferImportsApi(ctx: {
  state: SimState;
  now: () => Date;
  catalog: DemoProduct[];
}): Hono {
  const api = new Hono();
  const store = offerImportsOf(ctx.state);
  api.onError((err) => {
    if (err instanceof SimError) return miraklError(err.status, err.message);
    return miraklError(500, 'Internal error in the Mirakl simulator');
  });

  api.post('/api/offers/imports', async (c) => {
    if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data'))
      throw new SimError(400, 'OF01 expects multipart/form-data with a part named "file"');
    const form = await c.req.formData();
    const unknown = [...form.keys()].filter((k) => !FORM_PARTS.has(k));
    if (unknown.length > 0) throw new SimError(400, `Unknown part(s): ${unknown.join(', ')}`);
    const file = form.get('file');
    if (!(file instanceof Blob)) throw new SimError(400, 'The multipart part "file" is missing');
    const mode = form.get('import_mode');
    if (typeof mode !== 'string' || !(IMPORT_MODES as readonly string[]).includes(mode))
      throw new SimError(400, `Parameter 'import_mode' must be one of ${IMPORT_MODES.join(', ')}`);
    for (const flag of ['operator_format', 'with_products']) {
      const value = form.get(flag);
      if (value !== null && value !== 'true' && value !== 'false')
        throw new SimError(400, `Parameter '${flag}' must be true or false`);
    }
    const text = await file.text();
    const entry: OfferImport = {
      importId: 2000 + store.imports.length + 1,
      mode: mode as OfferImport['mode'],
      createdAt: miraklDate(ctx.now()),
      fileName: 'name' in file ? String(file.name) : 'file',
      file: text,
      pendingReads: store.hold,
      ...runImport(store, ctx.state.stock, ctx.catalog, mode as OfferImport['mode'], text),
    };
    store.hold = 0;
    store.imports.push(entry);
    c.header('Location', `/api/offers/imports/${entry.importId}`);
    return c.json({ import_id: entry.importId }, 201);
  });

  api.get('/api/offers/imports/:import', (c) => {
    const entry = findImport(store, c.req.param('import'));
    const isRunning = entry.pendingReads > 0;
    if (isRunning) entry.pendingReads--;
    const counted = !isRunning && entry.outcome === 'COMPLETE';
    return c.json({
      date_created: entry.createdAt,
      has_error_report: counted && entry.errorReport !== null,
      import_id: entry.importId,
      lines_in_error: counted ? entry.linesInError : 0,
      lines_in_pending: isRunning ? entry.linesRead : 0,
      lines_in_success: counted ? entry.linesRead - entry.linesInError : 0,
      lines_read: isRunning ? 0 : entry.linesRead,
      mode: entry.mode,
      offer_deleted: counted ? entry.deleted : 0,
      offer_inserted: counted ? entry.inserted : 0,
      offer_updated: counted ? entry.updated : 0,
      reason_status: isRunning ? '' : entry.reason,
      status: isRunning ? 'RUNNING' : entry.outcome,
      type: 'MIRAKL',
    });
  });

  api.get('/api/offers/imports/:import/error_report', (c) => {
    const entry = findImport(store, c.req.param('import'));
    if (entry.pendingReads > 0 || entry.errorReport === null)
      throw new SimError(404, `No error report for import '${entry.importId}'`);
    return c.body(entry.errorReport, 200, { 'content-type': 'application/octet-stream' });
  });

  return api;
}
