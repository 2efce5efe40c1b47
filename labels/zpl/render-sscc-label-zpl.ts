import { parseSsccLabel, type SsccLabel } from '../sscc-label-model.js';
import { type ZplDpi, zplBox, zplGs1128, zplText } from './zpl-commands.js';

const SIZE_MM = { '4x6': [101.6, 152.4], '10x15': [100, 150], A6: [105, 148] } as const;

function addressLines(address: SsccLabel['shipTo']): string[] {
  return [
    address.name,
    address.company,
    address.line1,
    address.line2,
    `${address.postalCode} ${address.city}`,
    address.countryCode,
  ].filter((line): line is string => Boolean(line));
}

/** The SSCC label of renderSsccLabelPdf as ZPL: the same three GS1-128 symbols, FNC1 where GS1 wants it. */
export function renderSsccLabelZpl(input: SsccLabel, options: { dpi: ZplDpi }): string {
  const { label, barcodes } = parseSsccLabel(input);
  const { dpi } = options;
  const [widthMm, heightMm] = SIZE_MM[label.size];
  const width = Math.round((widthMm / 25.4) * dpi);
  const height = Math.round((heightMm / 25.4) * dpi);
  const d = (points: number) => Math.round((points / 72) * dpi);
  const margin = d(12);
  const half = Math.floor((width - 2 * margin) / 2) - d(4);
  const out = ['^XA', '^CI28', `^PW${width}`, `^LL${height}`, '^LH0,0'];
  let bottom = margin;
  for (const [x, title, address] of [
    [margin, 'FROM', label.shipFrom],
    [Math.round(width / 2) + d(4), 'TO', label.shipTo],
  ] as const) {
    out.push(zplText({ x, y: margin, height: d(7), width: half, text: title }));
    let y = margin + d(10);
    for (const line of addressLines(address)) {
      out.push(zplText({ x, y, height: d(8), width: half, text: line }));
      y += d(10);
    }
    bottom = Math.max(bottom, y);
  }
  let y = bottom + d(4);
  out.push(
    zplText({ x: margin, y, height: d(9), width: width - 2 * margin, text: `Carrier: ${label.carrierName}` }),
  );
  y += d(14);
  out.push(zplBox(margin, y, width - 2 * margin, 2, 2));
  const lines = [
    `SSCC  ${label.sscc}`,
    label.contentGtin ? `CONTENT  ${label.contentGtin}    COUNT  ${label.count}` : 'CONTENT  mixed',
    label.purchaseOrder ? `ORDER  ${label.purchaseOrder}` : null,
  ];
  for (const line of lines) {
    if (!line) continue;
    y += d(4);
    out.push(zplText({ x: margin, y, height: d(10), width: width - 2 * margin, text: line }));
    y += d(10);
  }
  y += d(6);
  out.push(zplBox(margin, y, width - 2 * margin, 2, 2));
  const symbols = [barcodes.routing, barcodes.content, barcodes.sscc].filter((s): s is string => s !== null);
  const barHeight = Math.min(d(72), Math.floor((height - margin - y) / symbols.length) - d(26));
  for (const symbol of symbols) {
    y += d(8);
    out.push(zplGs1128(symbol, { x: d(2), y, width: width - d(4), height: barHeight }, dpi));
    y += barHeight + d(3);
    out.push(zplText({ x: margin, y, height: d(9), width: width - 2 * margin, text: symbol, align: 'C' }));
    y += d(12);
  }
  out.push('^XZ');
  return `${out.join('\n')}\n`;
}
