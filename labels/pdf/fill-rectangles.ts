import {
  fill,
  type PDFOperator,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
} from 'pdf-lib';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Fills many black rectangles (the bars and modules of a barcode) as one path: `re` per rectangle and a
 * single fill. pdf-lib's drawRectangle writes a dozen operators for each one (state, colour, transform,
 * four lines), which made the bars of a label cost more than the rest of it; the pixels are the same.
 */
export function fillBlackRectangles(page: PDFPage, rectangles: readonly Rectangle[]): void {
  if (rectangles.length === 0) return;
  const operators: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (const r of rectangles) operators.push(rectangle(r.x, r.y, r.width, r.height));
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
}
