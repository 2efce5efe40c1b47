import { LabelError } from '../label-error.js';
import { type SecondaryBarcode, ShippingLabel } from '../label-model.js';
import { formatWeight } from '../pdf/draw-shipping-label.js';
import {
  gridSizeDots,
  type ZplDpi,
  zplBox,
  zplCode128,
  zplDataMatrix,
  zplMaxiCode,
  zplPdf417,
  zplText,
} from './zpl-commands.js';

export interface ZplOptions {
  dpi: ZplDpi;
}

const LABEL_SIZE_MM: Record<ShippingLabel['size'], readonly [number, number]> = {
  '4x6': [101.6, 152.4],
  '10x15': [100, 150],
  A6: [105, 148],
};
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function parseLabel(input: ShippingLabel): ShippingLabel {
  const parsed = ShippingLabel.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new LabelError('label_invalid', `The label cannot be printed: ${fields.join('; ')}`, {
    cause: parsed.error,
  });
}

function addressLines(address: ShippingLabel['shipTo']): (string | null)[] {
  const country = regionNames.of(address.countryCode);
  return [
    address.name,
    address.company,
    address.line1,
    address.line2,
    `${address.postalCode} ${address.city}`,
    country && country !== address.countryCode
      ? `${address.countryCode}  ${country.toUpperCase()}`
      : address.countryCode,
  ];
}

function secondaryField(
  code: SecondaryBarcode,
  right: number,
  top: number,
  dpi: ZplDpi,
): { zpl: string; width: number } {
  if (code.symbology === 'maxicode') {
    const width = Math.round((28.14 / 25.4) * dpi);
    return { zpl: zplMaxiCode(code.value, { x: right - width, y: top }), width };
  }
  const moduleDots = dpi === 203 ? 3 : 4;
  const size = gridSizeDots(code.symbology, code.value, moduleDots);
  const at = { x: right - size.width, y: top, moduleDots };
  const zpl =
    code.symbology === 'pdf417'
      ? zplPdf417(code.value, at)
      : zplDataMatrix(code.value, code.symbology === 'gs1datamatrix', at);
  return { zpl, width: size.width };
}

/**
 * The same label as renderShippingLabelPdf, as ZPL II for a thermal printer of `dpi`: `^CI28` (UTF-8),
 * every text field hex-escaped, bar widths in whole dots via `^BY`.
 */
export function renderShippingLabelZpl(input: ShippingLabel, options: ZplOptions): string {
  if (options.dpi !== 203 && options.dpi !== 300) {
    throw new LabelError('input_invalid', 'dpi must be 203 or 300.');
  }
  const label = parseLabel(input);
  const { dpi } = options;
  const dotsPerMm = dpi / 25.4;
  const [widthMm, heightMm] = LABEL_SIZE_MM[label.size];
  const width = Math.round(widthMm * dotsPerMm);
  const height = Math.round(heightMm * dotsPerMm);
  const d = (points: number) => Math.round((points / 72) * dpi);
  const margin = d(12);
  const inner = width - 2 * margin;
  const out: string[] = ['^XA', '^CI28', `^PW${width}`, `^LL${height}`, '^LH0,0'];

  out.push(
    zplText({
      x: margin,
      y: margin,
      height: d(16),
      width: Math.round(inner * 0.64),
      text: label.carrier.name,
    }),
  );
  out.push(
    zplText({
      x: margin,
      y: margin + d(18),
      height: d(10),
      width: Math.round(inner * 0.64),
      text: label.carrier.service,
    }),
  );
  const rightX = margin + Math.round(inner * 0.66);
  const rightWidth = inner - Math.round(inner * 0.66);
  out.push(
    zplText({
      x: rightX,
      y: margin,
      height: d(16),
      width: rightWidth,
      text: `${label.parcel.index}/${label.parcel.count}`,
      align: 'R',
    }),
  );
  out.push(
    zplText({
      x: rightX,
      y: margin + d(18),
      height: d(10),
      width: rightWidth,
      text: formatWeight(label.weightGrams),
      align: 'R',
    }),
  );
  let y = margin + d(36);
  out.push(zplBox(margin, y, inner, 2, 2));

  const secondary = label.secondaryBarcode ?? null;
  const senderHeight = secondary?.symbology === 'maxicode' ? d(84) : d(64);
  let senderWidth = inner;
  if (secondary) {
    const field = secondaryField(secondary, width - margin, y + d(4), dpi);
    out.push(field.zpl);
    senderWidth = inner - field.width - d(6);
  }
  out.push(zplText({ x: margin, y: y + d(4), height: d(7), width: senderWidth, text: 'FROM' }));
  let lineY = y + d(14);
  for (const line of addressLines(label.shipFrom)) {
    if (!line) continue;
    out.push(zplText({ x: margin, y: lineY, height: d(8), width: senderWidth, text: line }));
    lineY += d(9.5);
  }
  y = Math.max(y + senderHeight, lineY + d(2));
  out.push(zplBox(margin, y, inner, 2, 2));

  out.push(zplText({ x: margin, y: y + d(4), height: d(7), width: inner, text: 'TO' }));
  lineY = y + d(14);
  for (const line of [
    ...addressLines(label.shipTo),
    label.shipTo.phone ? `Tel. ${label.shipTo.phone}` : null,
  ]) {
    if (!line) continue;
    out.push(zplText({ x: margin, y: lineY, height: d(12), width: inner, text: line }));
    lineY += d(14);
  }
  y = Math.max(y + d(110), lineY + d(2));
  out.push(zplBox(margin, y, inner, 2, 2));

  const footerTop = height - margin - d(26);
  if (label.trackingNumber !== label.barcode.value) {
    out.push(
      zplText({
        x: margin,
        y: y + d(4),
        height: d(8),
        width: inner,
        text: `Tracking no. ${label.trackingNumber}`,
      }),
    );
    y += d(10);
  }
  const barsTop = y + d(8);
  const hriY = footerTop - d(18);
  // Bars no taller than 1 inch: taller adds nothing for a scanner and costs ribbon and print time.
  const barsHeight = Math.min(dpi, hriY - barsTop - d(4));
  const barsY = barsTop + Math.floor((hriY - d(4) - barsTop - barsHeight) / 2);
  out.push(
    zplCode128(label.barcode.value, { x: d(2), y: barsY, width: width - d(4), height: barsHeight }, dpi),
  );
  out.push(
    zplText({ x: margin, y: hriY, height: d(12), width: inner, text: label.barcode.value, align: 'C' }),
  );
  out.push(zplBox(margin, footerTop, inner, 2, 2));
  out.push(
    zplText({
      x: margin,
      y: footerTop + d(5),
      height: d(8),
      width: inner,
      text: `${label.channelName} · ${label.channelOrderId}`,
    }),
  );
  out.push(
    zplText({
      x: margin,
      y: footerTop + d(16),
      height: d(8),
      width: inner,
      text: `${label.reference} · ${label.createdAt.slice(0, 10)}`,
    }),
  );
  out.push('^XZ');
  return `${out.join('\n')}\n`;
}

/** Many ZPL labels as one print job: each keeps its own ^XA…^XZ. */
export function concatZpl(zpls: readonly string[]): string {
  return zpls.map((zpl) => (zpl.endsWith('\n') ? zpl : `${zpl}\n`)).join('');
}
