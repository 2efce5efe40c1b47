import { formatMinor } from '../../../channels/money.js';
import { type FeedFile, type FeedOffer, quoted, utf8 } from './feed-file.js';

/**
 * Columns of the OF01 offer import we fill, named as the OF01 file description lists them. The shipping
 * part of the franco price is not a column: Mirakl charges shipping by the offer's logistic class.
 */
export const of01Columns = [
  'sku',
  'product-id',
  'product-id-type',
  'price',
  'quantity',
  'state',
  'leadtime-to-ship',
  'logistic-class',
  'update-delete',
] as const;

/** Mirakl's default offer condition code for new items ("11"); other conditions use the operator's list. */
const stateCodes: Record<string, string> = { new: '11' };

export function buildMiraklOf01(offers: FeedOffer[], options: { logisticClass: string; at: Date }): FeedFile {
  const lines = [of01Columns.map(quoted).join(';')];
  const positions: FeedFile['positions'] = [];
  const skipped: FeedFile['skipped'] = [];
  for (const o of offers) {
    const state = stateCodes[o.product.condition];
    if (!state || !o.product.ean) {
      skipped.push({
        productId: o.product.productId,
        code: state ? 'ean_missing' : 'condition_not_mapped',
        message: state
          ? 'Mirakl matches offers to products by EAN'
          : `No Mirakl state code for the condition "${o.product.condition}"`,
      });
      continue;
    }
    const cells = [
      o.product.sku,
      o.product.ean,
      'EAN',
      formatMinor(o.price.itemPrice, o.price.currency),
      String(o.quantity),
      state,
      o.product.leadTimeDays === null ? '' : String(o.product.leadTimeDays),
      options.logisticClass,
      'update',
    ];
    lines.push(cells.map(quoted).join(';'));
    // Line 1 is the header, so the n-th offer is on line n + 1, as OF03's error-line counts.
    positions.push({ position: lines.length, sku: o.product.sku, productId: o.product.productId });
  }
  return {
    fileName: `of01-${options.at.toISOString().replace(/[:.]/g, '-')}.csv`,
    contentType: 'text/csv; charset=utf-8',
    content: utf8(`${lines.join('\n')}\n`),
    positions,
    skipped,
  };
}
