import { ChannelError, type StockUpdate } from '../connector.js';

/**
 * The STO01 file, as the spec documents it: `"offer-sku";"quantity";"warehouse-code";"update-delete"`,
 * one line per offer. Only the first two columns are sent: without a warehouse code the quantity is the
 * offer's global stock, which is what we track.
 */
function quoted(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

export function buildStockCsv(updates: StockUpdate[]): string {
  const lines = ['"offer-sku";"quantity"'];
  for (const { sku, quantity } of updates) {
    if (!sku) throw new ChannelError('a stock update has an empty SKU', 'mirakl_bad_stock', false);
    if (!Number.isSafeInteger(quantity) || quantity < 0) {
      throw new ChannelError(
        `stock for ${sku} must be a whole number ≥ 0 (got ${quantity})`,
        'mirakl_bad_stock',
        false,
      );
    }
    lines.push(`${quoted(sku)};${quantity}`);
  }
  return `${lines.join('\n')}\n`;
}
