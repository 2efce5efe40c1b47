import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { renderShippingLabelPdf, renderShippingLabelZpl, renderSsccLabelPdf } from '../../labels/index.js';
import { renderZplToPngs } from '../support/zpl-render.js';
import { aLabel } from './fixtures.js';

/**
 * Layout regressions: each document is rendered to a grey PNG at a fixed resolution and compared with the
 * committed image in labels/__golden__/. `UPDATE_GOLDEN=1` rewrites the images after a deliberate change.
 */
const GOLDEN_DIR = fileURLToPath(new URL('../../labels/__golden__/', import.meta.url));
// Anti-aliasing differs a little between builds; a moved block changes far more than this.
const MAX_DIFFERENT_PIXELS = 0.004;

function greyPixels(png: Uint8Array): { width: number; height: number; grey: Uint8Array } {
  const image = new mupdf.Image(png);
  const pixmap = image.toPixmap().convertToColorSpace(mupdf.ColorSpace.DeviceGray, false);
  const width = pixmap.getWidth();
  const height = pixmap.getHeight();
  const stride = pixmap.getStride();
  const raw = pixmap.getPixels();
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) grey.set(raw.subarray(y * stride, y * stride + width), y * width);
  pixmap.destroy();
  image.destroy();
  return { width, height, grey };
}

function pdfPagePng(pdf: Uint8Array, dpi: number): Uint8Array {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  const page = document.loadPage(0);
  const pixmap = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceGray, false);
  const png = pixmap.asPNG();
  pixmap.destroy();
  page.destroy();
  document.destroy();
  return png;
}

function compareWithGolden(name: string, png: Uint8Array, mayUpdate = true): number {
  const path = `${GOLDEN_DIR}${name}`;
  if (mayUpdate && process.env.UPDATE_GOLDEN === '1') writeFileSync(path, png);
  if (!existsSync(path)) throw new Error(`No golden image ${path}: run with UPDATE_GOLDEN=1 and review it.`);
  const expected = greyPixels(new Uint8Array(readFileSync(path)));
  const actual = greyPixels(png);
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  let different = 0;
  for (let i = 0; i < actual.grey.length; i++) {
    if (Math.abs((actual.grey[i] ?? 0) - (expected.grey[i] ?? 0)) > 64) different++;
  }
  return different / actual.grey.length;
}

describe('golden images', () => {
  it('4x6 shipping label PDF at 100 dpi', async () => {
    const png = pdfPagePng(await renderShippingLabelPdf(aLabel()), 100);
    expect(compareWithGolden('shipping-label-4x6-pdf.png', png)).toBeLessThan(MAX_DIFFERENT_PIXELS);
  });

  it('4x6 shipping label ZPL at 203 dpi (zebrash)', async () => {
    const zpl = renderShippingLabelZpl(aLabel(), { dpi: 203 });
    const [png] = await renderZplToPngs(zpl, { widthMm: 101.6, heightMm: 152.4, dpi: 203 });
    expect(compareWithGolden('shipping-label-4x6-zpl203.png', png as Uint8Array)).toBeLessThan(
      MAX_DIFFERENT_PIXELS,
    );
  });

  it('SSCC label PDF at 100 dpi', async () => {
    const pdf = await renderSsccLabelPdf({
      size: '4x6',
      sscc: '106141411234567897',
      contentGtin: '04006381333931',
      count: 48,
      purchaseOrder: 'PO-77',
      shipToPostalCode: '90001',
      carrierName: 'DB Schenker',
      shipFrom: aLabel().shipFrom,
      shipTo: aLabel().shipTo,
      createdAt: '2025-03-04T10:15:00Z',
    });
    expect(compareWithGolden('sscc-label-4x6-pdf.png', pdfPagePng(pdf, 100))).toBeLessThan(
      MAX_DIFFERENT_PIXELS,
    );
  });

  it('notices a moved block', async () => {
    // The same label with a longer recipient block must not pass as the golden one.
    const label = aLabel();
    const moved = aLabel({ shipTo: { ...label.shipTo, line2: null, company: null } });
    const png = pdfPagePng(await renderShippingLabelPdf(moved), 100);
    expect(compareWithGolden('shipping-label-4x6-pdf.png', png, false)).toBeGreaterThan(MAX_DIFFERENT_PIXELS);
  });
});
