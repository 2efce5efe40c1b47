import { z } from 'zod';

/**
 * Request bodies as the seller spec defines them (`OR21_Request`, `OR23_Request`, the STO01 file), written
 * as zod so the simulator validates at runtime without the spec file, which users running `npm start` do
 * not have. `spec.test.ts` checks these agree with the official spec.
 */

export const Or21Request = z.object({
  order_lines: z.array(z.object({ accepted: z.boolean(), id: z.string() })),
});

/** Every field is optional in the spec; which ones are needed depends on the carrier being registered. */
export const Or23Request = z.object({
  carrier_code: z.string().optional(),
  carrier_name: z.string().optional(),
  carrier_standard_code: z.string().optional(),
  carrier_url: z.string().optional(),
  tracking_number: z.string().optional(),
});

/** The STO01 columns, in the order the spec lists them: `"offer-sku";"quantity";"warehouse-code";"update-delete"`. */
export const STOCK_COLUMNS = ['offer-sku', 'quantity', 'warehouse-code', 'update-delete'] as const;

function unquote(cell: string): string {
  const trimmed = cell.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replaceAll('""', '"');
  }
  return trimmed;
}

/** Splits one `;`-separated line, honouring double quotes around cells. */
function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      cells.push(unquote(cell));
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(unquote(cell));
  return cells;
}

export interface StockRow {
  sku: string;
  quantity: number;
  warehouse: string | null;
}

/** Parses a STO01 file, or lists every problem (by line) when it does not follow the documented format. */
export function parseStockCsv(
  text: string,
): { ok: true; rows: StockRow[] } | { ok: false; errors: string[] } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitLine(lines[0] ?? '');
  const errors: string[] = [];
  const unknown = header.filter((h) => !(STOCK_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) errors.push(`header: unknown column(s) ${unknown.join(', ')}`);
  for (const required of ['offer-sku', 'quantity']) {
    if (!header.includes(required)) errors.push(`header: column "${required}" is missing`);
  }
  if (lines.length < 2) errors.push('the file has no offer line');
  if (errors.length > 0) return { ok: false, errors };

  const col = (name: string) => header.indexOf(name);
  const rows: StockRow[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = splitLine(line);
    const at = `line ${i + 2}`;
    if (cells.length !== header.length)
      errors.push(`${at}: ${cells.length} cells, header has ${header.length}`);
    const sku = cells[col('offer-sku')] ?? '';
    const qty = cells[col('quantity')] ?? '';
    const action = col('update-delete') >= 0 ? (cells[col('update-delete')] ?? '') : '';
    if (sku === '') errors.push(`${at}: offer-sku is empty`);
    if (!/^\d+$/.test(qty)) errors.push(`${at}: quantity "${qty}" is not a whole number ≥ 0`);
    if (!['', 'update', 'delete'].includes(action.toLowerCase()))
      errors.push(`${at}: update-delete "${action}"`);
    const warehouse = col('warehouse-code') >= 0 ? cells[col('warehouse-code')] || null : null;
    rows.push({ sku, quantity: Number(qty), warehouse });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
