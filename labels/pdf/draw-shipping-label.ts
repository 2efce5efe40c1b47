import { type PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import type { SecondaryBarcode, ShippingLabel } from '../label-model.js';
import { drawAddressBlock } from './draw-address-block.js';
import { drawCode128 } from './draw-code128.js';
import { drawGridSymbol, drawMaxiCode } from './draw-symbol.js';
import { drawTextLine } from './draw-text.js';
import type { LabelFaces } from './embed-faces.js';

/** The rectangle of a page one label takes: the whole page, or a quarter of an A4 sheet. */
export interface LabelFrame {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MARGIN = 12;
// Blocks keep these heights when short, so most labels share one layout; long addresses push down.
const SENDER_BLOCK_HEIGHT = 64;
const MAXICODE_SENDER_BLOCK_HEIGHT = 84;
const RECIPIENT_BLOCK_HEIGHT = 110;
const FOOTER_HEIGHT = 26;

export function formatWeight(grams: number): string {
  if (grams < 1000) return `${grams} g`;
  const kilograms = `${Math.floor(grams / 1000)}.${String(grams % 1000).padStart(3, '0')}`;
  return `${kilograms.replace(/\.?0+$/, '')} kg`;
}

function drawRule(page: PDFPage, frame: LabelFrame, y: number): void {
  page.drawLine({
    start: { x: frame.x + MARGIN, y },
    end: { x: frame.x + frame.width - MARGIN, y },
    thickness: 1,
    color: rgb(0, 0, 0),
  });
}

function drawHeader(page: PDFPage, faces: LabelFaces, label: ShippingLabel, frame: LabelFrame, top: number) {
  const inner = frame.width - 2 * MARGIN;
  const right = inner * 0.34;
  const left = inner - right - 6;
  const x = frame.x + MARGIN;
  const rightX = frame.x + frame.width - MARGIN - right;
  const { bold, regular } = faces;
  drawTextLine(page, { text: label.carrier.name, face: bold, size: 16, x, y: top - 14, maxWidth: left });
  drawTextLine(page, {
    text: label.carrier.service,
    face: regular,
    size: 9.5,
    x,
    y: top - 28,
    maxWidth: left,
  });
  const parcelText = `${label.parcel.index}/${label.parcel.count}`;
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

function drawFooter(page: PDFPage, faces: LabelFaces, label: ShippingLabel, frame: LabelFrame, top: number) {
  const maxWidth = frame.width - 2 * MARGIN;
  const x = frame.x + MARGIN;
  const channel = `${label.channelName} · ${label.channelOrderId}`;
  drawTextLine(page, { text: channel, face: faces.regular, size: 8, x, y: top - 9, maxWidth });
  const reference = `${label.reference} · ${label.createdAt.slice(0, 10)}`;
  drawTextLine(page, { text: reference, face: faces.bold, size: 8, x, y: top - 21, maxWidth });
}

/** Fills the room between `top` and `bottom` with the barcode and its human-readable line. */
function drawTrackingBarcode(
  page: PDFPage,
  faces: LabelFaces,
  label: ShippingLabel,
  frame: LabelFrame,
  span: { top: number; bottom: number },
) {
  const maxWidth = frame.width - 2 * MARGIN;
  const x = frame.x + MARGIN;
  const hriSize = 12;
  const hriBaseline = span.bottom + 8;
  let barsTop = span.top - 10;
  if (label.trackingNumber !== label.barcode.value) {
    const tracking = `Tracking no. ${label.trackingNumber}`;
    drawTextLine(page, { text: tracking, face: faces.regular, size: 7.5, x, y: span.top - 10, maxWidth });
    barsTop -= 10;
  }
  const barsBottom = hriBaseline + hriSize + 2;
  // The quiet zones may reach into the margins: nothing else is drawn beside the bars.
  drawCode128(page, {
    value: label.barcode.value,
    centerX: frame.x + frame.width / 2,
    y: barsBottom,
    height: barsTop - barsBottom,
    maxWidth: frame.width - 4,
  });
  const hri = label.barcode.value;
  drawTextLine(page, {
    text: hri,
    face: faces.bold,
    size: hriSize,
    x,
    y: hriBaseline,
    maxWidth,
    align: 'center',
  });
}

/** Draws the secondary 2D code in a room at the right of the sender block, which the sender text avoids. */
async function drawSecondary(
  pdf: PDFDocument,
  page: PDFPage,
  code: SecondaryBarcode,
  box: { right: number; top: number; height: number; maxWidth: number },
): Promise<void> {
  const room = { x: box.right - box.maxWidth, top: box.top, maxWidth: box.maxWidth, maxHeight: box.height };
  if (code.symbology === 'maxicode') await drawMaxiCode(pdf, page, code.value, room);
  else drawGridSymbol(page, code.symbology, code.value, room);
}

/**
 * One shipping label inside `frame`, laid out top-down: carrier and parcel, sender (with the secondary
 * code at its right), recipient, the tracking barcode, then the channel and our order reference.
 */
export async function drawShippingLabel(
  pdf: PDFDocument,
  page: PDFPage,
  faces: LabelFaces,
  label: ShippingLabel,
  frame: LabelFrame,
): Promise<void> {
  const inner = frame.width - 2 * MARGIN;
  const x = frame.x + MARGIN;
  let top = frame.y + frame.height - MARGIN;
  drawHeader(page, faces, label, frame, top);
  top -= 36;
  drawRule(page, frame, top);

  const secondary = label.secondaryBarcode ?? null;
  const senderHeight =
    secondary?.symbology === 'maxicode' ? MAXICODE_SENDER_BLOCK_HEIGHT : SENDER_BLOCK_HEIGHT;
  let senderWidth = inner;
  if (secondary) {
    const maxWidth = secondary.symbology === 'pdf417' ? inner * 0.5 : inner * 0.36;
    await drawSecondary(pdf, page, secondary, {
      right: frame.x + frame.width - MARGIN + 4,
      top: top - 1,
      height: senderHeight - 2,
      maxWidth,
    });
    senderWidth = inner - maxWidth - 2;
  }
  const sender = { title: 'FROM', address: label.shipFrom, x, top: top - 3, width: senderWidth, scale: 1 };
  top = Math.min(top - senderHeight, drawAddressBlock(page, faces, sender) - 6);
  drawRule(page, frame, top);

  const recipient = { title: 'TO', address: label.shipTo, x, top: top - 3, width: inner, scale: 1.45 };
  top = Math.min(top - RECIPIENT_BLOCK_HEIGHT, drawAddressBlock(page, faces, recipient) - 7);
  drawRule(page, frame, top);

  const footerTop = frame.y + MARGIN + FOOTER_HEIGHT;
  drawFooter(page, faces, label, frame, footerTop);
  drawRule(page, frame, footerTop + 2);

  drawTrackingBarcode(page, faces, label, frame, { top, bottom: footerTop + 2 });
}
