import { AppError } from '../../errors.js';

export type StockCsvKind = 'shop-sales' | 'stock-levels';

/** Columns each file must have, in any order; `bin` is optional for shop sales. */
const columns: Record<StockCsvKind, { required: string[]; optional: string[]; integer: string[] }> = {
  'shop-sales': { required: ['sku', 'quantity'], optional: ['bin'], integer: ['quantity'] },
  'stock-levels': { required: ['sku', 'bin', 'on_hand'], optional: [], integer: ['on_hand'] },
};

export interface CsvProblem {
  line: number;
  field: string;
  message: string;
}

export interface StockCsvRow {
  line: number;
  sku: string;
  bin: string | null;
  quantity: number;
}

export const csvInvalid = (problems: CsvProblem[]) =>
  new AppError(
    'csv_invalid',
    422,
    `The file was not applied: ${problems
      .slice(0, 10)
      .map((p) => `line ${p.line}, ${p.field}: ${p.message}`)
      .join('; ')}${problems.length > 10 ? ` (and ${problems.length - 10} more)` : ''}`,
    { errors: problems.map((p) => ({ path: `line ${p.line}: ${p.field}`, ...p })) },
  );

/**
 * Parses a shop-sales or stock-levels CSV (comma or semicolon, header first). Every problem is
 * collected with its line and column so the whole file can be fixed in one go; nothing is applied
 * unless every line is right.
 */
export function parseStockCsv(kind: StockCsvKind, text: string): StockCsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines[0] ?? '';
  const separator = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  const header = splitLine(headerLine, separator).map((h) => h.trim().toLowerCase());
  const spec = columns[kind];
  const problems: CsvProblem[] = [];
  for (const name of header) {
    if (!spec.required.includes(name) && !spec.optional.includes(name))
      problems.push({
        line: 1,
        field: name || '(empty)',
        message: `unknown column; expected ${[...spec.required, ...spec.optional].join(', ')}`,
      });
  }
  for (const name of spec.required) {
    if (!header.includes(name))
      problems.push({ line: 1, field: name, message: 'required column is missing' });
  }
  if (problems.length) throw csvInvalid(problems);
  const rows: StockCsvRow[] = [];
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const cells = splitLine(raw, separator);
    if (cells.length !== header.length) {
      problems.push({
        line,
        field: '(row)',
        message: `expected ${header.length} values, found ${cells.length}`,
      });
      return;
    }
    const get = (name: string) => cells[header.indexOf(name)]?.trim() ?? '';
    const sku = get('sku');
    if (!sku) problems.push({ line, field: 'sku', message: 'must not be empty' });
    const quantityField = spec.integer[0]!;
    const quantityText = get(quantityField);
    const quantity = Number(quantityText);
    const min = kind === 'shop-sales' ? 1 : 0;
    if (!/^-?\d+$/.test(quantityText) || quantity < min)
      problems.push({
        line,
        field: quantityField,
        message: `must be a whole number ≥ ${min}; got "${quantityText}"`,
      });
    const bin = header.includes('bin') ? get('bin') || null : null;
    if (kind === 'stock-levels' && !bin) problems.push({ line, field: 'bin', message: 'must not be empty' });
    rows.push({ line, sku, bin, quantity });
  });
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: 2, field: '(row)', message: 'the file has no data lines' });
  if (problems.length) throw csvInvalid(problems);
  return rows;
}

/** One CSV line; double quotes may wrap a value and "" inside them is a quote. */
function splitLine(line: string, separator: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
