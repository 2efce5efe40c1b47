import type { PDFPage } from 'pdf-lib';
import { encodeCode128Modules } from '../barcodes.js';
import { LabelError } from '../label-error.js';
import { fillBlackRectangles, type Rectangle } from './fill-rectangles.js';

/** Thermal label printers print 203 dots per inch; bars are laid on that grid. */
export const PRINTER_DPI = 203;
const DOT = 72 / PRINTER_DPI;
/** ISO/IEC 15417 asks for at least 10 modules of white on each side. */
export const QUIET_ZONE_MODULES = 10;
// 2 dots (0.25 mm) is the narrowest module a 203 dpi head prints evenly; past 4 the gain is nil.
const DOTS_PER_MODULE = [4, 3, 2] as const;

export interface Code128Placement {
  value: string;
  centerX: number;
  /** Bottom of the bars. */
  y: number;
  height: number;
  /** Room for the symbol and both quiet zones. */
  maxWidth: number;
}

const snapToDot = (points: number) => Math.round(points / DOT) * DOT;

/**
 * Draws a Code 128 symbol as vector bars whose every edge falls on a 203 dpi dot (the page origin being
 * on the grid), so a thermal printer reproduces each bar at exactly its width in whole dots.
 */
export function drawCode128(page: PDFPage, placement: Code128Placement): { width: number } {
  return drawLinearModules(page, encodeCode128Modules(placement.value), placement);
}

/** Draws bars of any width-module linear symbol (Code 128, GS1-128) on the 203 dpi grid. */
export function drawLinearModules(
  page: PDFPage,
  modules: readonly number[],
  placement: Code128Placement,
): { width: number } {
  const symbolModules = modules.reduce((sum, width) => sum + width, 0);
  const dots = DOTS_PER_MODULE.find(
    (candidate) => (symbolModules + 2 * QUIET_ZONE_MODULES) * candidate * DOT <= placement.maxWidth,
  );
  if (dots === undefined) {
    throw new LabelError(
      'barcode_too_long',
      `"${placement.value}" needs ${symbolModules} modules: too wide for this label at 203 dpi.`,
    );
  }
  const width = symbolModules * dots * DOT;
  // Positions are counted in whole dots so that no rounding drift builds up along the symbol.
  const firstDot = Math.round((placement.centerX - width / 2) / DOT);
  const y = snapToDot(placement.y);
  const height = snapToDot(placement.height);
  const bars: Rectangle[] = [];
  let offset = 0;
  for (const [i, span] of modules.entries()) {
    if (i % 2 === 0) bars.push({ x: (firstDot + offset * dots) * DOT, y, width: span * dots * DOT, height });
    offset += span;
  }
  fillBlackRectangles(page, bars);
  return { width };
}
