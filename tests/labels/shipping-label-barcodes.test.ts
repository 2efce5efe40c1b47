import { describe, expect, it } from 'vitest';
import {
  renderShippingLabelPdf,
  renderShippingLabelsPdf,
  renderShippingLabelZpl,
} from '../../labels/index.js';
import {
  cropImage,
  decodeSymbols,
  decodeSymbolsInPdf,
  pngToImageData,
  rasterisePdfWithMupdf,
} from '../support/decode-barcodes.js';
import { decodeSymbolsInPdfWithPdftoppm, hasPdftoppm } from '../support/decode-barcodes-pdftoppm.js';
import { decodeSymbolsInZpl, renderZplToPngs } from '../support/zpl-render.js';
import { aLabel, UPS_MAXICODE, UPS_TRACKING } from './fixtures.js';

const summary = (symbols: { page: number; format: string; text: string; isGs1: boolean }[]) =>
  symbols
    .map(({ page, format, text, isGs1 }) => ({ page, format, text, isGs1 }))
    .sort((a, b) => a.page - b.page || a.format.localeCompare(b.format));

// ZXing shows ISO 15434 control characters as their Unicode pictures (␞ ␝ ␄ ␠): back to the bytes.
const fromControlPictures = (text: string) =>
  text.replace(/[\u2400-\u2420]/g, (char) => String.fromCharCode((char.codePointAt(0) ?? 0) - 0x2400));

// Where the label puts a MaxiCode: right of the sender block, as fractions of the label.
const MAXICODE_AREA = { left: 0.6, top: 0.118, right: 0.99, bottom: 0.3 };

const secondaries = [
  [
    'datamatrix',
    'DataMatrix',
    'ROUTE:PL-90-001|1Z5R89390357567127',
    'ROUTE:PL-90-001|1Z5R89390357567127',
    false,
  ],
  [
    'gs1datamatrix',
    'DataMatrix',
    '(00)106141411234567897(420)90001',
    '(00)106141411234567897(420)90001',
    true,
  ],
  ['pdf417', 'PDF417', 'UPS^~_1Z5R89390357567127|Łódź', 'UPS^~_1Z5R89390357567127|Łódź', false],
] as const;

describe('shipping label barcodes read back in an independent decoder', () => {
  it.each(secondaries)(
    'PDF with a %s beside the Code 128 (MuPDF at 203 dpi)',
    async (symbology, format, value, text, isGs1) => {
      const pdf = await renderShippingLabelPdf(aLabel({ secondaryBarcode: { symbology, value } }));
      expect(summary(await decodeSymbolsInPdf(pdf))).toEqual([
        { page: 1, format: 'Code128', text: UPS_TRACKING, isGs1: false },
        { page: 1, format, text, isGs1 },
      ]);
    },
  );

  it.runIf(hasPdftoppm)('PDF read through Poppler as well, at 300 dpi', async () => {
    const pdf = await renderShippingLabelPdf(aLabel());
    expect(summary(await decodeSymbolsInPdfWithPdftoppm(pdf, { dpi: 300 }))).toEqual([
      { page: 1, format: 'Code128', text: UPS_TRACKING, isGs1: false },
      { page: 1, format: 'DataMatrix', text: 'ROUTE:PL-90-001|1Z5R89390357567127', isGs1: false },
    ]);
  });

  it('PDF with UPS MaxiCode', async () => {
    const pdf = await renderShippingLabelPdf(
      aLabel({ secondaryBarcode: { symbology: 'maxicode', value: UPS_MAXICODE } }),
    );
    const found = summary(await decodeSymbolsInPdf(pdf, { dpi: 300 }));
    expect(found).toContainEqual({ page: 1, format: 'Code128', text: UPS_TRACKING, isGs1: false });
    const [page] = await rasterisePdfWithMupdf(pdf, 300);
    const symbol = cropImage(page as ImageData, MAXICODE_AREA);
    expect((await decodeSymbols(symbol, 1)).map((s) => [s.format, fromControlPictures(s.text)])).toEqual([
      ['MaxiCode', UPS_MAXICODE],
    ]);
  });

  it.each([203, 300] as const)('ZPL at %i dpi, rendered by zebrash', async (dpi) => {
    for (const [symbology, format, value, text, isGs1] of secondaries) {
      const zpl = renderShippingLabelZpl(aLabel({ secondaryBarcode: { symbology, value } }), { dpi });
      expect(summary(await decodeSymbolsInZpl(zpl, { widthMm: 101.6, heightMm: 152.4, dpi }))).toEqual([
        { page: 1, format: 'Code128', text: UPS_TRACKING, isGs1: false },
        { page: 1, format, text, isGs1 },
      ]);
    }
  });

  it('ZPL with UPS MaxiCode', async () => {
    const zpl = renderShippingLabelZpl(
      aLabel({ secondaryBarcode: { symbology: 'maxicode', value: UPS_MAXICODE } }),
      { dpi: 203 },
    );
    const found = summary(await decodeSymbolsInZpl(zpl, { widthMm: 101.6, heightMm: 152.4, dpi: 203 }));
    expect(found).toContainEqual({ page: 1, format: 'Code128', text: UPS_TRACKING, isGs1: false });
    const [png] = await renderZplToPngs(zpl, { widthMm: 101.6, heightMm: 152.4, dpi: 203 });
    const symbol = cropImage(pngToImageData(png as Uint8Array), MAXICODE_AREA);
    expect((await decodeSymbols(symbol, 1)).map((s) => [s.format, fromControlPictures(s.text)])).toEqual([
      ['MaxiCode', UPS_MAXICODE],
    ]);
  });

  it('four labels to an A4 sheet, each readable', async () => {
    const tracking = [
      '1Z5R89390357567127',
      '1Z879E930346834440',
      '1Z410E7W0392751591',
      '1Z8V92A70367203024',
      'LA123456785FR',
    ];
    const labels = tracking.map((t) =>
      aLabel({
        size: 'A6',
        trackingNumber: t,
        barcode: { symbology: 'code128', value: t },
        secondaryBarcode: { symbology: 'datamatrix', value: `R-${t}` },
      }),
    );
    const pdf = await renderShippingLabelsPdf(labels, { sheet: 'A4-4up' });
    const found = summary(await decodeSymbolsInPdf(pdf));
    expect(
      found
        .filter((s) => s.format === 'Code128')
        .map((s) => [s.page, s.text])
        .sort(),
    ).toEqual(tracking.map((t, i) => [i < 4 ? 1 : 2, t]).sort());
    expect(found.filter((s) => s.format === 'DataMatrix')).toHaveLength(5);
  });
});
