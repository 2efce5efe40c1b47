import {
  mergeLabelPdfs,
  renderShippingLabelPdf,
  renderShippingLabelsPdf,
  renderShippingLabelZpl,
  type ShippingLabel,
} from '../../labels/index.js';
import { aLabel } from '../labels/fixtures.js';

export interface Row {
  figure: string;
  value: number;
  unit: string;
  target: string;
}

function labelNumber(i: number): ShippingLabel {
  const tracking = `LA${String(10_000_000 + i)}0FR`;
  return aLabel({
    trackingNumber: tracking,
    barcode: { symbology: 'code128', value: tracking },
    secondaryBarcode: { symbology: 'datamatrix', value: `ROUTE:PL-90-001|${tracking}` },
  });
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

/**
 * Label throughput in one process: single-label PDFs (Code 128 + DataMatrix, embedded DejaVu subset),
 * labels drawn into one batch document, ZPL, and a 500-label batch both ways. Reported, never asserted.
 */
export async function benchLabels(_ctx?: unknown): Promise<Row[]> {
  const rows: Row[] = [];
  const labels = Array.from({ length: 500 }, (_, i) => labelNumber(i));
  await renderShippingLabelPdf(labels[0] as ShippingLabel); // font read and parsed once, as in a server

  let started = performance.now();
  const singles: Uint8Array[] = [];
  for (const label of labels.slice(0, 200)) singles.push(await renderShippingLabelPdf(label));
  rows.push({
    figure: 'PDF label, one document each (Code 128 + DataMatrix)',
    value: perSecond(200, performance.now() - started),
    unit: 'labels/s',
    target: '≥ 100',
  });

  started = performance.now();
  await renderShippingLabelsPdf(labels.slice(0, 200));
  rows.push({
    figure: 'PDF labels drawn into one batch document',
    value: perSecond(200, performance.now() - started),
    unit: 'labels/s',
    target: '≥ 100',
  });

  started = performance.now();
  for (let round = 0; round < 5; round++)
    for (const label of labels) renderShippingLabelZpl(label, { dpi: 203 });
  rows.push({
    figure: 'ZPL label 203 dpi',
    value: perSecond(2500, performance.now() - started),
    unit: 'labels/s',
    target: '≥ 1000',
  });

  started = performance.now();
  await renderShippingLabelsPdf(labels, { sheet: 'A4-4up' });
  rows.push({
    figure: '500-label batch PDF, rendered as one document (A4 4-up)',
    value: Math.round(performance.now() - started),
    unit: 'ms',
    target: '< 5000',
  });

  for (const label of labels.slice(200)) singles.push(await renderShippingLabelPdf(label));
  started = performance.now();
  await mergeLabelPdfs(singles);
  rows.push({
    figure: 'mergeLabelPdfs of 500 single-label PDFs',
    value: Math.round(performance.now() - started),
    unit: 'ms',
    target: '< 5000',
  });
  return rows;
}
