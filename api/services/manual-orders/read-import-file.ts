import ExcelJS from 'exceljs';
import { unprocessable } from '../../errors.js';

/** A table read from a file: the header row's names and every data row with its line in the file. */
export interface ImportTable {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: { line: number; values: Record<string, string> }[];
}

/** XLSX files are zip archives; anything else is read as CSV text. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function readImportFile(bytes: Uint8Array): Promise<ImportTable> {
  return isZip(bytes) ? readXlsx(bytes) : readCsv(new TextDecoder('utf-8').decode(bytes));
}

/**
 * RFC 4180 CSV with quotes, doubled quotes and line breaks inside quotes; the separator is `;` when the
 * header has more of them than commas (French spreadsheet exports), `,` otherwise. Lines are counted
 * in the file, so a report's "line 7" is what a text editor shows.
 */
export function readCsv(text: string): ImportTable {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (inQuotes) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') inQuotes = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  if (inQuotes)
    throw unprocessable(
      'import_file_unreadable',
      `The CSV has a quote opened on line ${recordLine} and never closed`,
    );
  return toTable('csv', records);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unprocessable(
      'import_file_unreadable',
      'The file looks like a zip archive but is not a readable XLSX workbook',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unprocessable('import_file_unreadable', 'The workbook has no worksheet');
  const records: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // exceljs rows are 1-based: index 0 is always empty.
    records.push({ line: rowNumber, cells: values.slice(1).map((v) => cellText(v).trim()) });
  });
  return toTable('xlsx', records);
}

function toTable(format: 'csv' | 'xlsx', records: { line: number; cells: string[] }[]): ImportTable {
  const [header, ...data] = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header) throw unprocessable('import_file_empty', 'The file has no header row');
  const headers = header.cells.map((c) => c.trim());
  return {
    format,
    headers,
    rows: data.map((r) => ({
      line: r.line,
      values: Object.fromEntries(headers.map((h, i) => [h, (r.cells[i] ?? '').trim()])),
    })),
  };
}

/** A data row read through a column mapping: `get(field)` is the mapped cell, else the default. */
export interface MappedRow<F extends string> {
  line: number;
  get: (field: F) => string;
}

/**
 * Reads a table through a column mapping. A file that lacks a mapped column is refused whole, naming
 * the columns it has, before any row is looked at.
 */
export function mapRows<F extends string>(
  table: ImportTable,
  mapping: { columns: Partial<Record<F, string>>; defaults: Partial<Record<F, string>> },
): MappedRow<F>[] {
  const columns = Object.values(mapping.columns) as (string | undefined)[];
  const absent = columns.filter((c): c is string => !!c && !table.headers.includes(c));
  if (absent.length > 0) {
    throw unprocessable(
      'import_column_missing',
      `The file has no column ${absent.map((c) => `"${c}"`).join(', ')}; its columns are ${table.headers.map((h) => `"${h}"`).join(', ')}`,
      { columns: absent },
    );
  }
  return table.rows.map((r) => ({
    line: r.line,
    get: (f: F) => {
      const column = mapping.columns[f];
      const value = column ? (r.values[column] ?? '') : '';
      return value !== '' ? value : (mapping.defaults[f] ?? '');
    },
  }));
}
