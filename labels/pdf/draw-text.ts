import type { PDFFont, PDFPage } from 'pdf-lib';
import { toPrintableText } from './printable-text.js';

export interface LabelFace {
  font: PDFFont;
  hasGlyph(codePoint: number): boolean;
}

export interface TextLine {
  text: string;
  face: LabelFace;
  size: number;
  x: number;
  /** Baseline. */
  y: number;
  maxWidth: number;
  /** Long text shrinks down to this size before it is cut; defaults to 70 % of `size`. */
  minSize?: number;
  align?: 'left' | 'right' | 'center';
}

/** Shrinks, then cuts with an ellipsis, so a long street name never runs off the label or over a block. */
export function fitText(text: string, face: LabelFace, size: number, minSize: number, maxWidth: number) {
  // A line's width is proportional to its size: measure each candidate text once, at size 1.
  const unitWidth = (value: string) => face.font.widthOfTextAtSize(value, 1);
  const full = unitWidth(text);
  let fittedSize = size;
  while (fittedSize > minSize && full * fittedSize > maxWidth) {
    fittedSize = Math.max(minSize, fittedSize - 0.5);
  }
  if (full * fittedSize <= maxWidth) return { text, size: fittedSize };
  const chars = Array.from(text);
  while (chars.length > 0 && unitWidth(`${chars.join('')}…`) * fittedSize > maxWidth) chars.pop();
  return { text: `${chars.join('').trimEnd()}…`, size: fittedSize };
}

/** Draws one line of any European text; returns the width used. */
export function drawTextLine(page: PDFPage, line: TextLine): number {
  const printable = toPrintableText(line.text, line.face.hasGlyph);
  if (printable === '') return 0;
  const fitted = fitText(printable, line.face, line.size, line.minSize ?? line.size * 0.7, line.maxWidth);
  const width = line.face.font.widthOfTextAtSize(fitted.text, fitted.size);
  const x =
    line.align === 'right'
      ? line.x + line.maxWidth - width
      : line.align === 'center'
        ? line.x + (line.maxWidth - width) / 2
        : line.x;
  page.drawText(fitted.text, { x, y: line.y, size: fitted.size, font: line.face.font });
  return width;
}
