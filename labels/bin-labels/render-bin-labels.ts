import { PDFDocument, rgb } from 'pdf-lib';
import { drawCode128 } from '../pdf/draw-code128.js';
import { embedLabelFaces } from '../pdf/embed-faces.js';

export interface BinLabel {
  /** Encoded in the barcode: a scan names the bin unambiguously across warehouses. */
  binId: string;
  /** Printed large for people: zone-aisle-rack-level(-position). */
  code: string;
  warehouseCode: string;
}

const MM = 72 / 25.4;
/** Shelf-edge label stock: 100 × 40 mm, one bin per label. */
export const BIN_LABEL_SIZE = [100 * MM, 40 * MM] as const;

/** One page per bin: the human code on top, a Code 128 of the bin id below, the id in small print. */
export async function renderBinLabelsPdf(labels: readonly BinLabel[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Bin labels');
  const faces = await embedLabelFaces(pdf);
  const [width, height] = BIN_LABEL_SIZE;
  for (const label of labels) {
    const page = pdf.addPage([width, height]);
    const codeSize = fitFontSize(label.code, faces.bold.font, 22, width - 12 * MM);
    page.drawText(label.code, {
      x: 6 * MM,
      y: height - 6 * MM - codeSize * 0.75,
      size: codeSize,
      font: faces.bold.font,
      color: rgb(0, 0, 0),
    });
    const whText = label.warehouseCode;
    page.drawText(whText, {
      x: width - 6 * MM - faces.regular.font.widthOfTextAtSize(whText, 9),
      y: height - 6 * MM - 9,
      size: 9,
      font: faces.regular.font,
    });
    drawCode128(page, {
      value: label.binId,
      centerX: width / 2,
      y: 8 * MM,
      height: 14 * MM,
      maxWidth: width,
    });
    const idSize = 7;
    page.drawText(label.binId, {
      x: (width - faces.regular.font.widthOfTextAtSize(label.binId, idSize)) / 2,
      y: 4 * MM,
      size: idSize,
      font: faces.regular.font,
    });
  }
  return pdf.save();
}

function fitFontSize(
  text: string,
  font: { widthOfTextAtSize(t: string, s: number): number },
  size: number,
  maxWidth: number,
) {
  let s = size;
  while (s > 8 && font.widthOfTextAtSize(text, s) > maxWidth) s -= 1;
  return s;
}
