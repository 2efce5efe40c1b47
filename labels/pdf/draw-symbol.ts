import type { PDFDocument, PDFPage } from 'pdf-lib';
import { encodeModuleGrid, type GridSymbology } from '../barcode-symbols.js';
import { renderBarcodePng } from '../barcodes.js';
import { LabelError } from '../label-error.js';
import { PRINTER_DPI } from './draw-code128.js';
import { fillBlackRectangles, type Rectangle } from './fill-rectangles.js';

const DOT = 72 / PRINTER_DPI;
// DataMatrix and PDF417 want 2 to 4 quiet modules; 2 dots (0.25 mm) is the smallest module a 203 dpi head
// prints evenly, as for the linear codes.
const DOTS_PER_MODULE = [5, 4, 3, 2] as const;

export interface SymbolBox {
  /** Top-left corner of the room the symbol may take, quiet zone included. */
  x: number;
  top: number;
  maxWidth: number;
  maxHeight: number;
}

/**
 * Draws a DataMatrix or PDF417 symbol with every module a whole number of 203 dpi dots, dark runs of a
 * row merged into one rectangle. Returns the size it took.
 */
export function drawGridSymbol(
  page: PDFPage,
  symbology: GridSymbology,
  value: string,
  box: SymbolBox,
): { width: number; height: number } {
  const grid = encodeModuleGrid(symbology, value);
  const quiet = symbology === 'pdf417' ? 2 : 1;
  const dots = DOTS_PER_MODULE.find(
    (d) =>
      (grid.columns + 2 * quiet) * d * DOT <= box.maxWidth &&
      (grid.rows * grid.rowHeight + 2 * quiet) * d * DOT <= box.maxHeight,
  );
  if (dots === undefined) {
    throw new LabelError('barcode_too_long', `The ${symbology} symbol for "${value}" does not fit its box.`);
  }
  const firstColumn = Math.round(box.x / DOT) + quiet * dots;
  const topRow = Math.round(box.top / DOT) - quiet * dots;
  const rowDots = grid.rowHeight * dots;
  const runs: Rectangle[] = [];
  for (let row = 0; row < grid.rows; row++) {
    let column = 0;
    while (column < grid.columns) {
      if (!grid.dark[row * grid.columns + column]) {
        column++;
        continue;
      }
      const start = column;
      while (column < grid.columns && grid.dark[row * grid.columns + column]) column++;
      runs.push({
        x: (firstColumn + start * dots) * DOT,
        y: (topRow - (row + 1) * rowDots) * DOT,
        width: (column - start) * dots * DOT,
        height: rowDots * DOT,
      });
    }
  }
  fillBlackRectangles(page, runs);
  return {
    width: (grid.columns + 2 * quiet) * dots * DOT,
    height: (grid.rows * grid.rowHeight + 2 * quiet) * dots * DOT,
  };
}

/** MaxiCode is hexagons, not squares: it goes in as bwip-js's bitmap, scaled to its nominal 28 mm. */
export async function drawMaxiCode(
  pdf: PDFDocument,
  page: PDFPage,
  value: string,
  box: SymbolBox,
): Promise<{ width: number; height: number }> {
  const png = await renderBarcodePng({ symbology: 'maxicode', value, scale: 4 });
  const image = await pdf.embedPng(png);
  const nominal = (28.14 / 25.4) * 72 * (image.width / (image.width - 4 * 2 * 4));
  const width = Math.min(nominal, box.maxWidth, (box.maxHeight * image.width) / image.height);
  const height = (width * image.height) / image.width;
  page.drawImage(image, { x: box.x, y: box.top - height, width, height });
  return { width, height };
}
