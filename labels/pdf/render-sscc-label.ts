import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import { encodeGs1128Modules } from '../barcode-symbols.js';
import { parseSsccLabel, type SsccLabel } from '../sscc-label-model.js';
import { drawAddressBlock } from './draw-address-block.js';
import { drawLinearModules } from './draw-code128.js';
import { drawTextLine } from './draw-text.js';
import { embedLabelFaces, type LabelFaces } from './embed-faces.js';
import { LABEL_PAGE_SIZES } from './page-sizes.js';

const MARGIN = 12;

function rule(page: PDFPage, y: number): void {
  const width = page.getWidth();
  page.drawLine({
    start: { x: MARGIN, y },
    end: { x: width - MARGIN, y },
    thickness: 1,
    color: rgb(0, 0, 0),
  });
}

/** A GS1-128 with its element string printed under it; returns the y below the text. */
function drawGs1(
  page: PDFPage,
  faces: LabelFaces,
  elementString: string,
  top: number,
  barHeight: number,
): number {
  const width = page.getWidth();
  drawLinearModules(page, encodeGs1128Modules(elementString), {
    value: elementString,
    centerX: width / 2,
    y: top - barHeight,
    height: barHeight,
    maxWidth: width - 4,
  });
  const text = { text: elementString, face: faces.bold, size: 9, x: MARGIN, y: top - barHeight - 11 };
  drawTextLine(page, { ...text, maxWidth: width - 2 * MARGIN, align: 'center' });
  return top - barHeight - 16;
}

/**
 * A pallet or case label: addresses and carrier on top, then (420)(400), (02)(37) and the SSCC (00) as
 * GS1-128 symbols, the SSCC last and at the bottom where GS1 puts it.
 */
export async function renderSsccLabelPdf(input: SsccLabel): Promise<Uint8Array> {
  const { label, barcodes } = parseSsccLabel(input);
  const [width, height] = LABEL_PAGE_SIZES[label.size];
  const pdf = await PDFDocument.create();
  pdf.setTitle(`SSCC ${label.sscc}`);
  pdf.setCreationDate(new Date(label.createdAt));
  pdf.setModificationDate(new Date(label.createdAt));
  const faces = await embedLabelFaces(pdf);
  const page = pdf.addPage([width, height]);
  const half = (width - 2 * MARGIN) / 2 - 4;
  let top = height - MARGIN;
  const fromBottom = drawAddressBlock(page, faces, {
    title: 'FROM',
    address: label.shipFrom,
    x: MARGIN,
    top,
    width: half,
    scale: 0.85,
  });
  const toBottom = drawAddressBlock(page, faces, {
    title: 'TO',
    address: label.shipTo,
    x: width / 2 + 4,
    top,
    width: half,
    scale: 0.85,
  });
  top = Math.min(fromBottom, toBottom) - 6;
  drawTextLine(page, {
    text: `Carrier: ${label.carrierName}`,
    face: faces.bold,
    size: 9,
    x: MARGIN,
    y: top - 10,
    maxWidth: width - 2 * MARGIN,
  });
  top -= 16;
  rule(page, top);
  const lines = [
    `SSCC  ${label.sscc}`,
    label.contentGtin ? `CONTENT  ${label.contentGtin}    COUNT  ${label.count}` : 'CONTENT  mixed',
    label.purchaseOrder ? `ORDER  ${label.purchaseOrder}` : null,
  ];
  for (const line of lines) {
    if (!line) continue;
    top -= 13;
    drawTextLine(page, {
      text: line,
      face: faces.bold,
      size: 10,
      x: MARGIN,
      y: top,
      maxWidth: width - 2 * MARGIN,
    });
  }
  top -= 6;
  rule(page, top);
  const symbols = [barcodes.routing, barcodes.content, barcodes.sscc].filter((s): s is string => s !== null);
  const room = top - MARGIN - symbols.length * 20;
  const barHeight = Math.min(72, room / symbols.length - 6);
  for (const symbol of symbols) top = drawGs1(page, faces, symbol, top - 6, barHeight);
  return pdf.save();
}
