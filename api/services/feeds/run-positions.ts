import { readCsv } from '../manual-orders/read-import-file.js';

/**
 * Which SKU sits at each position of a stored feed file, read back from the file itself (the file is
 * what the channel's report counts lines of): CSV line, Amazon messageId, eBay request number.
 */
export function skusByPosition(format: string, file: Uint8Array): Map<number, string> {
  const out = new Map<number, string>();
  const text = new TextDecoder().decode(file);
  if (format === 'mirakl-of01' || (format === 'template' && !isZip(file))) {
    const table = readCsv(text);
    const column = table.headers.includes('sku') ? 'sku' : table.headers[0]!;
    for (const row of table.rows) out.set(row.line, row.values[column] ?? '');
  } else if (format === 'amazon-listings') {
    const doc = JSON.parse(text) as { messages: { messageId: number; sku: string }[] };
    for (const m of doc.messages) out.set(m.messageId, m.sku);
  } else if (format === 'ebay-bulk') {
    const bodies = JSON.parse(text) as { requests: { sku: string }[] }[];
    let n = 0;
    for (const body of bodies) for (const r of body.requests) out.set(++n, r.sku);
  }
  return out;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}
