import { describe, expect, it } from 'vitest';
import {
  concatZpl,
  LabelError,
  type Manifest,
  mergeLabelPdfs,
  type PackingSlip,
  renderManifestPdf,
  renderPackingSlipPdf,
  renderShippingLabelPdf,
  renderShippingLabelZpl,
  renderSsccLabelPdf,
  renderSsccLabelZpl,
  type SsccLabel,
} from '../../labels/index.js';
import { decodeSymbolsInPdf } from '../support/decode-barcodes.js';
import { decodeSymbolsInPdfWithPdftoppm, hasPdftoppm } from '../support/decode-barcodes-pdftoppm.js';
import { decodeSymbolsInZpl } from '../support/zpl-render.js';
import { aLabel } from './fixtures.js';

const label = aLabel();
const anSscc = (overrides: Partial<SsccLabel> = {}): SsccLabel => ({
  size: '4x6',
  sscc: '106141411234567897',
  contentGtin: '04006381333931',
  count: 48,
  purchaseOrder: 'PO-77/LDZ',
  shipToPostalCode: '90001',
  carrierName: 'DB Schenker',
  shipFrom: label.shipFrom,
  shipTo: label.shipTo,
  createdAt: '2025-03-04T10:15:00Z',
  ...overrides,
});
const SSCC_SYMBOLS = [
  { format: 'Code128', text: '(420)90001(400)PO-77/LDZ', isGs1: true },
  { format: 'Code128', text: '(02)04006381333931(37)48', isGs1: true },
  { format: 'Code128', text: '(00)106141411234567897', isGs1: true },
];
const pick = (symbols: { format: string; text: string; isGs1: boolean }[]) =>
  symbols
    .map(({ format, text, isGs1 }) => ({ format, text, isGs1 }))
    .sort((a, b) => a.text.localeCompare(b.text));

describe('SSCC logistics label', () => {
  it('PDF: three GS1-128 symbols, each with its FNC1 marker and AIs', async () => {
    expect(pick(await decodeSymbolsInPdf(await renderSsccLabelPdf(anSscc())))).toEqual(pick(SSCC_SYMBOLS));
  });

  it.runIf(hasPdftoppm)('PDF through Poppler too', async () => {
    expect(pick(await decodeSymbolsInPdfWithPdftoppm(await renderSsccLabelPdf(anSscc())))).toEqual(
      pick(SSCC_SYMBOLS),
    );
  });

  it.each([203, 300] as const)('ZPL at %i dpi decodes the same', async (dpi) => {
    const zpl = renderSsccLabelZpl(anSscc(), { dpi });
    expect(pick(await decodeSymbolsInZpl(zpl, { widthMm: 101.6, heightMm: 152.4, dpi }))).toEqual(
      pick(SSCC_SYMBOLS),
    );
  });

  it('refuses a bad SSCC or GTIN check digit instead of printing', async () => {
    const isCheckDigit = (error: unknown) =>
      error instanceof LabelError && error.code === 'check_digit_invalid';
    await expect(renderSsccLabelPdf(anSscc({ sscc: '106141411234567890' }))).rejects.toSatisfy(isCheckDigit);
    expect(() => renderSsccLabelZpl(anSscc({ contentGtin: '04006381333932' }), { dpi: 203 })).toThrow(
      LabelError,
    );
  });
});

describe('packing slip and manifest', () => {
  it('packing slip: Code 128 of the order id, text in any European language', async () => {
    const slip: PackingSlip = {
      orderId: 'ord_01hzx3k9q7',
      channelName: 'Allegro',
      channelOrderId: 'ALG-558812',
      orderedAt: '2025-03-04T09:00:00Z',
      shipFrom: label.shipFrom,
      shipTo: label.shipTo,
      lines: Array.from({ length: 60 }, (_, i) => ({
        sku: `SKU-${i}`,
        title: `Pomidory żółte ${i} — Ærø`,
        quantity: (i % 3) + 1,
      })),
    };
    const found = await decodeSymbolsInPdf(await renderPackingSlipPdf(slip));
    // Sixty lines take two pages; each repeats the order barcode.
    expect(found.map(({ page, format, text }) => ({ page, format, text }))).toEqual([
      { page: 1, format: 'Code128', text: 'ord_01hzx3k9q7' },
      { page: 2, format: 'Code128', text: 'ord_01hzx3k9q7' },
    ]);
  });

  it('manifest: one Code 128 per parcel over as many pages as it takes', async () => {
    const parcels = Array.from({ length: 40 }, (_, i) => ({
      trackingNumber: `LA${String(10000000 + i)}${'0'}FR`,
      orderRef: `ord_${i}`,
      service: 'Colissimo Domicile',
      destination: 'FR 69007 Lyon',
      weightGrams: 500 + i * 10,
    }));
    const manifest: Manifest = {
      carrierName: 'Colissimo',
      accountNumber: '123456',
      warehouseName: 'Entrepôt Nord',
      closedAt: '2025-03-04T17:30:00Z',
      parcels,
    };
    const found = await decodeSymbolsInPdf(await renderManifestPdf(manifest));
    expect(found.map((s) => s.text).sort()).toEqual(parcels.map((p) => p.trackingNumber).sort());
    expect(new Set(found.map((s) => s.page)).size).toBeGreaterThan(1);
  });
});

describe('batches', () => {
  it('mergeLabelPdfs keeps every page and barcode, in order or four to an A4 sheet', async () => {
    const tracking = [
      '1Z5R89390357567127',
      '1Z879E930346834440',
      '1Z410E7W0392751591',
      '1Z8V92A70367203024',
      'LA123456785FR',
    ];
    const pdfs = await Promise.all(
      tracking.map((t) =>
        renderShippingLabelPdf(
          aLabel({
            size: 'A6',
            trackingNumber: t,
            barcode: { symbology: 'code128', value: t },
            secondaryBarcode: null,
          }),
        ),
      ),
    );
    const inOrder = await decodeSymbolsInPdf(await mergeLabelPdfs(pdfs));
    expect(inOrder.map((s) => [s.page, s.text])).toEqual(tracking.map((t, i) => [i + 1, t]));
    const fourUp = await decodeSymbolsInPdf(await mergeLabelPdfs(pdfs, { fourUpA4: true }), { dpi: 300 });
    expect(fourUp.map((s) => [s.page, s.text]).sort()).toEqual(
      tracking.map((t, i) => [i < 4 ? 1 : 2, t]).sort(),
    );
  });

  it('concatZpl makes one job of many labels, each decoding on its own', async () => {
    const zpl = concatZpl([
      renderShippingLabelZpl(aLabel({ secondaryBarcode: null }), { dpi: 203 }),
      renderSsccLabelZpl(anSscc(), { dpi: 203 }),
    ]);
    const found = await decodeSymbolsInZpl(zpl, { widthMm: 101.6, heightMm: 152.4, dpi: 203 });
    expect(found.filter((s) => s.page === 1).map((s) => s.text)).toEqual([label.trackingNumber]);
    expect(found.filter((s) => s.page === 2)).toHaveLength(3);
  });
});
