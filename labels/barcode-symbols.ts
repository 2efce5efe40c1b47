import bwipjs from 'bwip-js/node';
import { LabelError } from './label-error.js';

/**
 * GS1 and two-dimensional symbols, encoded by bwip-js into bars or a module grid that the PDF and ZPL
 * renderers place on the printer's dot grid themselves.
 */

export type GridSymbology = 'datamatrix' | 'gs1datamatrix' | 'pdf417';

/** A symbol as rows of dark (1) and light (0) modules, top row first. */
export interface ModuleGrid {
  columns: number;
  rows: number;
  /** Height of one row in modules: 1 for DataMatrix, 3 or so for PDF417's tall rows. */
  rowHeight: number;
  dark: Uint8Array;
}

// A GS1 element string as printed under the bars: "(00)123…(02)…". bwip-js checks each AI's content.
const GS1_ELEMENT_STRING = /^(\(\d{2,4}\)[\x21-\x7e]+?)+$/;
const GRID_LIMITS: Record<GridSymbology, number> = { datamatrix: 1500, gs1datamatrix: 1500, pdf417: 1000 };

export function assertSymbolValue(symbology: string, value: string): void {
  if (symbology === 'gs1-128' || symbology === 'gs1datamatrix') {
    if (!GS1_ELEMENT_STRING.test(value) || value.length > 120) {
      throw new LabelError(
        'barcode_invalid',
        `A GS1 value is an element string such as "(00)106141411234567897(02)…", got "${value}".`,
      );
    }
    return;
  }
  if (symbology === 'datamatrix' || symbology === 'pdf417') {
    const limit = GRID_LIMITS[symbology];
    if (value.length === 0 || value.length > limit) {
      throw new LabelError('barcode_invalid', `A ${symbology} value is 1 to ${limit} characters.`);
    }
    return;
  }
  if (symbology === 'maxicode') {
    if (value.length === 0 || value.length > 138) {
      throw new LabelError('barcode_invalid', 'A MaxiCode message is 1 to 138 characters.');
    }
    return;
  }
  throw new LabelError('barcode_invalid', `Unknown symbology "${symbology}".`);
}

/** bwip-js reports a bad GS1 check digit as GS1badChecksum: that is a bad number, not a bad layout. */
export function toSymbolError(error: unknown, symbology: string, value: string): LabelError {
  if (error instanceof LabelError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const code = /badChecksum/i.test(reason) ? 'check_digit_invalid' : 'barcode_invalid';
  return new LabelError(code, `Cannot encode "${value}" as ${symbology}: ${reason}`, { cause: error });
}

function firstSymbol(symbology: string, value: string, options: Record<string, unknown> = {}): object {
  assertSymbolValue(symbology, value);
  let symbols: readonly object[];
  try {
    symbols = bwipjs.raw({ bcid: symbology, text: value, ...options });
  } catch (error) {
    throw toSymbolError(error, symbology, value);
  }
  const first = symbols[0];
  if (!first) throw new LabelError('barcode_invalid', `bwip-js returned no symbol for "${value}".`);
  return first;
}

/** Bar and space widths in modules of a GS1-128 symbol (FNC1 after the start character), bar first. */
export function encodeGs1128Modules(elementString: string): number[] {
  const symbol = firstSymbol('gs1-128', elementString);
  if (!('sbs' in symbol) || !Array.isArray(symbol.sbs)) {
    throw new LabelError('barcode_invalid', `bwip-js returned no bars for "${elementString}".`);
  }
  return symbol.sbs as number[];
}

/** The module grid of a DataMatrix (plain or GS1) or PDF417 symbol, without quiet zone. */
export function encodeModuleGrid(symbology: GridSymbology, value: string): ModuleGrid {
  const symbol = firstSymbol(symbology, value, symbology === 'pdf417' ? { columns: 4 } : {});
  if (!('pixs' in symbol && 'pixx' in symbol && 'pixy' in symbol)) {
    throw new LabelError('barcode_invalid', `bwip-js returned no modules for "${value}".`);
  }
  const pixs = symbol.pixs as number[];
  const columns = symbol.pixx as number;
  const rows = pixs.length / columns;
  const rowHeight = (symbol.pixy as number) / rows;
  return { columns, rows, rowHeight, dark: Uint8Array.from(pixs) };
}

/** "(00)1234(02)…" → "00" "1234" pairs, the shape ZPL and the decoder's raw text use. */
export function parseGs1ElementString(elementString: string): { ai: string; data: string }[] {
  assertSymbolValue('gs1-128', elementString);
  return Array.from(elementString.matchAll(/\((\d{2,4})\)([^(]+)/g), ([, ai = '', data = '']) => ({
    ai,
    data,
  }));
}
