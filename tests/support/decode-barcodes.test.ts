import bwipjs from 'bwip-js/node';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { decodeBarcodesInPdf, decodeBarcodesInPng } from './decode-barcodes.js';

async function png(bcid: string, text: string): Promise<Uint8Array> {
  return new Uint8Array(
    await bwipjs.toBuffer({
      bcid,
      text,
      scale: 3,
      height: 12,
      paddingwidth: 10,
      paddingheight: 10,
      backgroundcolor: 'FFFFFF',
    }),
  );
}

describe('decodeBarcodesInPng', () => {
  it.each([
    ['code128', 'Code128', 'PCK-000123'],
    ['qrcode', 'QRCode', 'https://example.test/t/ord_01h'],
    ['datamatrix', 'DataMatrix', 'tot_42'],
    ['ean13', 'EAN13', '4006381333931'],
  ])('reads %s', async (bcid, format, text) => {
    expect(await decodeBarcodesInPng(await png(bcid, text))).toEqual([{ page: 1, format, text }]);
  });
});

describe('decodeBarcodesInPdf', () => {
  it('reports each barcode with its page, and nothing for a blank page', async () => {
    const pdf = await PDFDocument.create();
    for (const value of ['FIRST-1', null, 'THIRD-3']) {
      const page = pdf.addPage([288, 432]);
      if (value === null) continue;
      const image = await pdf.embedPng(await png('code128', value));
      page.drawImage(image, { x: 20, y: 200, width: image.width / 2, height: image.height / 2 });
    }
    const decoded = await decodeBarcodesInPdf(await pdf.save(), { dpi: 300 });
    expect(decoded).toEqual([
      { page: 1, format: 'Code128', text: 'FIRST-1' },
      { page: 3, format: 'Code128', text: 'THIRD-3' },
    ]);
  });
});
