import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import { z } from 'zod';
import { LabelError } from '../label-error.js';
import { drawCode128 } from './draw-code128.js';
import { formatWeight } from './draw-shipping-label.js';
import { drawTextLine } from './draw-text.js';
import { embedLabelFaces, type LabelFaces } from './embed-faces.js';
import { A4_SIZE } from './page-sizes.js';

const text = z.string().trim().min(1);

/** The end-of-day list a driver signs: every parcel handed to one carrier, with totals. */
export const Manifest = z.object({
  carrierName: text,
  accountNumber: text.nullable(),
  warehouseName: text,
  closedAt: z.iso.datetime({ offset: true }),
  parcels: z
    .array(
      z.object({
        trackingNumber: z.string().regex(/^[\x20-\x7e]{1,40}$/, 'printable ASCII, 1 to 40 characters'),
        orderRef: text,
        service: text,
        destination: text,
        weightGrams: z.number().int().positive(),
      }),
    )
    .min(1, 'a manifest lists at least one parcel'),
});
export type Manifest = z.infer<typeof Manifest>;

const MARGIN = 36;
const ROW = 46;

function header(
  page: PDFPage,
  faces: LabelFaces,
  manifest: Manifest,
  pageNumber: number,
  pages: number,
): number {
  const [width, height] = A4_SIZE;
  const y = height - MARGIN;
  drawTextLine(page, {
    text: `${manifest.carrierName} — manifest`,
    face: faces.bold,
    size: 16,
    x: MARGIN,
    y: y - 16,
    maxWidth: 360,
  });
  const account = manifest.accountNumber ? ` · account ${manifest.accountNumber}` : '';
  const sub = `${manifest.warehouseName}${account} · ${manifest.closedAt.slice(0, 16).replace('T', ' ')}`;
  drawTextLine(page, {
    text: sub,
    face: faces.regular,
    size: 9,
    x: MARGIN,
    y: y - 30,
    maxWidth: width - 2 * MARGIN - 80,
  });
  drawTextLine(page, {
    text: `page ${pageNumber}/${pages}`,
    face: faces.regular,
    size: 9,
    x: width - MARGIN - 80,
    y: y - 16,
    maxWidth: 80,
    align: 'right',
  });
  const headY = y - 52;
  const columns: [string, number][] = [
    ['#', 0],
    ['Tracking number', 24],
    ['Order', 250],
    ['Service / destination', 340],
    ['Weight', 470],
  ];
  for (const [label, dx] of columns)
    drawTextLine(page, { text: label, face: faces.bold, size: 8.5, x: MARGIN + dx, y: headY, maxWidth: 120 });
  page.drawLine({
    start: { x: MARGIN, y: headY - 4 },
    end: { x: width - MARGIN, y: headY - 4 },
    thickness: 0.8,
    color: rgb(0, 0, 0),
  });
  return headY - 8;
}

/** One carrier's end-of-day manifest, as many A4 pages as it takes, a Code 128 per parcel. */
export async function renderManifestPdf(input: Manifest): Promise<Uint8Array> {
  const parsed = Manifest.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new LabelError('label_invalid', `The manifest cannot be printed: ${fields.join('; ')}`, {
      cause: parsed.error,
    });
  }
  const manifest = parsed.data;
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${manifest.carrierName} manifest ${manifest.closedAt.slice(0, 10)}`);
  pdf.setCreationDate(new Date(manifest.closedAt));
  pdf.setModificationDate(new Date(manifest.closedAt));
  const faces = await embedLabelFaces(pdf);
  const [width] = A4_SIZE;
  const firstRowsTop = A4_SIZE[1] - MARGIN - 60;
  const rowsPerPage = Math.floor((firstRowsTop - MARGIN - 40) / ROW);
  const pages = Math.ceil(manifest.parcels.length / rowsPerPage);
  let page = pdf.addPage([...A4_SIZE]);
  let y = header(page, faces, manifest, 1, pages);
  let grams = 0;
  for (const [index, parcel] of manifest.parcels.entries()) {
    if (index > 0 && index % rowsPerPage === 0) {
      page = pdf.addPage([...A4_SIZE]);
      y = header(page, faces, manifest, index / rowsPerPage + 1, pages);
    }
    const baseline = y - 12;
    drawTextLine(page, {
      text: String(index + 1),
      face: faces.regular,
      size: 8.5,
      x: MARGIN,
      y: baseline,
      maxWidth: 22,
    });
    drawCode128(page, {
      value: parcel.trackingNumber,
      centerX: MARGIN + 125,
      y: y - 30,
      height: 24,
      maxWidth: 220,
    });
    drawTextLine(page, {
      text: parcel.trackingNumber,
      face: faces.regular,
      size: 7.5,
      x: MARGIN + 24,
      y: y - 40,
      maxWidth: 210,
      align: 'center',
    });
    drawTextLine(page, {
      text: parcel.orderRef,
      face: faces.regular,
      size: 8.5,
      x: MARGIN + 250,
      y: baseline,
      maxWidth: 86,
    });
    drawTextLine(page, {
      text: parcel.service,
      face: faces.regular,
      size: 8.5,
      x: MARGIN + 340,
      y: baseline,
      maxWidth: 126,
    });
    drawTextLine(page, {
      text: parcel.destination,
      face: faces.regular,
      size: 8,
      x: MARGIN + 340,
      y: baseline - 11,
      maxWidth: 126,
    });
    drawTextLine(page, {
      text: formatWeight(parcel.weightGrams),
      face: faces.regular,
      size: 8.5,
      x: MARGIN + 470,
      y: baseline,
      maxWidth: width - 2 * MARGIN - 470,
      align: 'right',
    });
    grams += parcel.weightGrams;
    y -= ROW;
  }
  const total = `${manifest.parcels.length} parcels · ${formatWeight(grams)}`;
  page.drawLine({
    start: { x: MARGIN, y: y + 2 },
    end: { x: width - MARGIN, y: y + 2 },
    thickness: 0.8,
    color: rgb(0, 0, 0),
  });
  drawTextLine(page, {
    text: `Total: ${total}`,
    face: faces.bold,
    size: 11,
    x: MARGIN,
    y: y - 14,
    maxWidth: width - 2 * MARGIN,
  });
  drawTextLine(page, {
    text: 'Driver signature:',
    face: faces.regular,
    size: 9,
    x: MARGIN,
    y: y - 34,
    maxWidth: 200,
  });
  return pdf.save();
}
