import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import { LabelError } from '../label-error.js';
import { ShippingLabel } from '../label-model.js';
import { drawAddressBlock } from './draw-address-block.js';
import { drawCode128 } from './draw-code128.js';
import { drawTextLine, type LabelFace } from './draw-text.js';
import { loadLabelFont } from './label-fonts.js';
import { LABEL_PAGE_SIZES } from './page-sizes.js';

const MARGIN = 12;
// Blocks keep these heights when short, so most labels share one layout; long addresses push down.
const SENDER_BLOCK_HEIGHT = 64;
const RECIPIENT_BLOCK_HEIGHT = 110;
const FOOTER_HEIGHT = 26;

interface Faces {
  regular: LabelFace;
  bold: LabelFace;
}

function formatWeight(grams: number): string {
  if (grams < 1000) return `${grams} g`;
  const kilograms = `${Math.floor(grams / 1000)}.${String(grams % 1000).padStart(3, '0')}`;
  return `${kilograms.replace(/\.?0+$/, '')} kg`;
}

function drawRule(page: PDFPage, y: number, width: number): void {
  page.drawLine({
    start: { x: MARGIN, y },
    end: { x: width - MARGIN, y },
    thickness: 1,
    color: rgb(0, 0, 0),
  });
}

function parseLabel(input: ShippingLabel): ShippingLabel {
  const parsed = ShippingLabel.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new LabelError('label_invalid', `The label cannot be printed: ${fields.join('; ')}`, {
    cause: parsed.error,
  });
}

async function embedFaces(pdf: PDFDocument): Promise<Faces> {
  pdf.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([loadLabelFont('regular'), loadLabelFont('bold')]);
  return {
    regular: { font: await pdf.embedFont(regular.bytes, { subset: true }), hasGlyph: regular.hasGlyph },
    bold: { font: await pdf.embedFont(bold.bytes, { subset: true }), hasGlyph: bold.hasGlyph },
  };
}

function drawHeader(page: PDFPage, faces: Faces, label: ShippingLabel, top: number): void {
  const width = page.getWidth();
  const inner = width - 2 * MARGIN;
  const right = inner * 0.34;
  const left = inner - right - 6;
  const rightX = width - MARGIN - right;
  const { bold, regular } = faces;
  const { carrier, parcel } = label;
  drawTextLine(page, { text: carrier.name, face: bold, size: 16, x: MARGIN, y: top - 14, maxWidth: left });
  drawTextLine(page, {
    text: carrier.service,
    face: regular,
    size: 9.5,
    x: MARGIN,
    y: top - 28,
    maxWidth: left,
  });
  const parcelText = `${parcel.index}/${parcel.count}`;
  drawTextLine(page, {
    text: parcelText,
    face: bold,
    size: 16,
    x: rightX,
    y: top - 14,
    maxWidth: right,
    align: 'right',
  });
  const weight = formatWeight(label.weightGrams);
  drawTextLine(page, {
    text: weight,
    face: regular,
    size: 9.5,
    x: rightX,
    y: top - 28,
    maxWidth: right,
    align: 'right',
  });
}

function drawFooter(page: PDFPage, faces: Faces, label: ShippingLabel, top: number): void {
  const maxWidth = page.getWidth() - 2 * MARGIN;
  const channel = `${label.channelName} · ${label.channelOrderId}`;
  drawTextLine(page, { text: channel, face: faces.regular, size: 8, x: MARGIN, y: top - 9, maxWidth });
  const reference = `${label.reference} · ${label.createdAt.slice(0, 10)}`;
  drawTextLine(page, { text: reference, face: faces.bold, size: 8, x: MARGIN, y: top - 21, maxWidth });
}

/** Fills the room between `top` and `bottom` with the barcode and its human-readable line. */
function drawTrackingBarcode(page: PDFPage, faces: Faces, label: ShippingLabel, top: number, bottom: number) {
  const width = page.getWidth();
  const maxWidth = width - 2 * MARGIN;
  const hriSize = 12;
  const hriBaseline = bottom + 8;
  let barsTop = top - 10;
  if (label.trackingNumber !== label.barcode.value) {
    const tracking = `Tracking no. ${label.trackingNumber}`;
    drawTextLine(page, { text: tracking, face: faces.regular, size: 7.5, x: MARGIN, y: top - 10, maxWidth });
    barsTop -= 10;
  }
  const barsBottom = hriBaseline + hriSize + 2;
  // The quiet zones may reach into the margins: nothing else is drawn beside the bars.
  drawCode128(page, {
    value: label.barcode.value,
    centerX: width / 2,
    y: barsBottom,
    height: barsTop - barsBottom,
    maxWidth: width - 4,
  });
  const hri = label.barcode.value;
  drawTextLine(page, {
    text: hri,
    face: faces.bold,
    size: hriSize,
    x: MARGIN,
    y: hriBaseline,
    maxWidth,
    align: 'center',
  });
}

/**
 * One shipping label as a one-page PDF, laid out top-down: carrier and parcel, sender, recipient, the
 * tracking barcode, then the channel and our order reference.
 */
export async function renderShippingLabelPdf(input: ShippingLabel): Promise<Uint8Array> {
  const label = parseLabel(input);
  const [width, height] = LABEL_PAGE_SIZES[label.size];
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Shipping label ${label.trackingNumber}`);
  pdf.setCreationDate(new Date(label.createdAt));
  pdf.setModificationDate(new Date(label.createdAt));
  const faces = await embedFaces(pdf);
  const page = pdf.addPage([width, height]);
  const inner = width - 2 * MARGIN;

  let top = height - MARGIN;
  drawHeader(page, faces, label, top);
  top -= 36;
  drawRule(page, top, width);

  const sender = { title: 'FROM', address: label.shipFrom, x: MARGIN, top: top - 3, width: inner, scale: 1 };
  top = Math.min(top - SENDER_BLOCK_HEIGHT, drawAddressBlock(page, faces, sender) - 6);
  drawRule(page, top, width);

  const recipient = {
    title: 'TO',
    address: label.shipTo,
    x: MARGIN,
    top: top - 3,
    width: inner,
    scale: 1.45,
  };
  top = Math.min(top - RECIPIENT_BLOCK_HEIGHT, drawAddressBlock(page, faces, recipient) - 7);
  drawRule(page, top, width);

  const footerTop = MARGIN + FOOTER_HEIGHT;
  drawFooter(page, faces, label, footerTop);
  drawRule(page, footerTop + 2, width);

  drawTrackingBarcode(page, faces, label, top, footerTop + 2);
  return pdf.save();
}
