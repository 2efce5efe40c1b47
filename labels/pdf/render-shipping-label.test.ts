import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { decodeBarcodesInPdf } from '../../tests/support/decode-barcodes.js';
import { formatS10 } from '../check-digits.js';
import { LabelError } from '../label-error.js';
import type { ShippingLabel } from '../label-model.js';
import { renderShippingLabelPdf } from './render-shipping-label.js';

const trackingNumber = formatS10('LA', 12345678, 'FR');

function aLabel(overrides: Partial<ShippingLabel> = {}): ShippingLabel {
  return {
    size: '4x6',
    carrier: { code: 'colissimo', name: 'Colissimo', service: 'International Expert' },
    trackingNumber,
    barcode: { symbology: 'code128', value: trackingNumber },
    shipFrom: {
      name: 'Entrepôt Nord',
      company: 'Ærøskøbing Handel ApS',
      line1: 'Große Straße 12',
      line2: null,
      postalCode: '5970',
      city: 'Ærøskøbing',
      countryCode: 'DK',
      phone: null,
    },
    shipTo: {
      name: 'Antonín Dvořák',
      company: null,
      line1: 'ul. Piotrkowska 104',
      line2: 'Mieszkanie 7',
      postalCode: '90-001',
      city: 'Łódź',
      countryCode: 'PL',
      phone: '+48 42 123 45 67',
    },
    reference: 'ord_01hzx3k9q7',
    channelName: 'Allegro',
    channelOrderId: 'ALG-558812',
    weightGrams: 1250,
    parcel: { index: 1, count: 2 },
    createdAt: '2025-03-04T10:15:00Z',
    ...overrides,
  };
}

function pageText(pdfBytes: Uint8Array): { width: number; height: number; text: string } {
  const document = mupdf.Document.openDocument(pdfBytes, 'application/pdf');
  const page = document.loadPage(0);
  const [x0, y0, x1, y1] = page.getBounds();
  const text = page.toStructuredText('preserve-whitespace').asText();
  page.destroy();
  document.destroy();
  return { width: x1 - x0, height: y1 - y0, text };
}

describe('renderShippingLabelPdf', () => {
  it('prints a 4x6 label whose barcode reads back as the tracking number at 203 dpi', async () => {
    const pdf = await renderShippingLabelPdf(aLabel());

    const { width, height, text } = pageText(pdf);
    expect(width).toBeCloseTo(288, 3);
    expect(height).toBeCloseTo(432, 3);
    for (const expected of [
      'Łódź',
      'Antonín Dvořák',
      'Ærøskøbing',
      'Große Straße 12',
      'ord_01hzx3k9q7',
      '1/2',
    ]) {
      expect(text).toContain(expected);
    }

    const decoded = await decodeBarcodesInPdf(pdf);
    expect(decoded).toEqual([{ page: 1, format: 'Code128', text: trackingNumber }]);
  });

  it('still decodes on a 300 dpi printer, whose dots do not line up with the bars', async () => {
    const pdf = await renderShippingLabelPdf(aLabel());
    expect(await decodeBarcodesInPdf(pdf, { dpi: 300 })).toEqual([
      { page: 1, format: 'Code128', text: trackingNumber },
    ]);
  });

  it.each(['10x15', 'A6'] as const)('prints a %s label that decodes', async (size) => {
    const longTracking = '1Z999AA10123456784';
    const pdf = await renderShippingLabelPdf(
      aLabel({ size, trackingNumber: longTracking, barcode: { symbology: 'code128', value: longTracking } }),
    );
    expect(await decodeBarcodesInPdf(pdf)).toEqual([{ page: 1, format: 'Code128', text: longTracking }]);
  });

  it('replaces characters the font lacks with ? instead of failing', async () => {
    const label = aLabel();
    const pdf = await renderShippingLabelPdf({
      ...label,
      shipTo: { ...label.shipTo, name: 'Dvořák 東京 🚚' },
    });
    expect(pageText(pdf).text).toContain('Dvořák ?? ?');
  });

  it('rejects a label it cannot print with label_invalid', async () => {
    const label = aLabel({ parcel: { index: 3, count: 2 } });
    await expect(renderShippingLabelPdf(label)).rejects.toSatisfy(
      (error) => error instanceof LabelError && error.code === 'label_invalid',
    );
  });

  it('rejects a barcode value too long to scan at 203 dpi', async () => {
    const value = 'ABCDEFGHIJ'.repeat(6);
    await expect(
      renderShippingLabelPdf(aLabel({ barcode: { symbology: 'code128', value } })),
    ).rejects.toSatisfy((error) => error instanceof LabelError && error.code === 'barcode_too_long');
  });
});
