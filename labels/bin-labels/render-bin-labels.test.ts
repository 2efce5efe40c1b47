import { describe, expect, it } from 'vitest';
import { decodeBarcodesInPdf } from '../../tests/support/decode-barcodes.js';
import { renderBinLabelsPdf } from './render-bin-labels.js';

describe('bin labels', () => {
  it('prints one label per bin whose Code 128 decodes to the bin id', async () => {
    const pdf = await renderBinLabelsPdf([
      { binId: 'bin_1m84gxvm8ghzjv0z02hp9t', code: 'A-01-02-1', warehouseCode: 'MAIN' },
      { binId: 'bin_1m84gxvq9k2q32h4gq2yeh', code: 'B-12-03-4-2', warehouseCode: 'ANNEX' },
    ]);
    const decoded = await decodeBarcodesInPdf(pdf);
    expect(decoded.map((d) => [d.page, d.format, d.text])).toEqual([
      [1, 'Code128', 'bin_1m84gxvm8ghzjv0z02hp9t'],
      [2, 'Code128', 'bin_1m84gxvq9k2q32h4gq2yeh'],
    ]);
  });
});
