import bwipjs from 'bwip-js/node';
import { assertSymbolValue, toSymbolError } from './barcode-symbols.js';
import { LabelError } from './label-error.js';

export type BarcodeSymbology = 'code128' | LinearGs1Symbology | MatrixSymbology | 'maxicode';
export type LinearGs1Symbology = 'gs1-128';
export type MatrixSymbology = 'datamatrix' | 'gs1datamatrix' | 'pdf417';

export interface BarcodePngRequest {
  symbology: BarcodeSymbology;
  value: string;
  /** Pixels per module; 3 suits most screens and 203 dpi printers. */
  scale?: number;
  /** Bar height in millimetres, as bwip-js counts it. */
  height?: number;
}

// Code 128 can carry more through FNC4, but scanners and carriers disagree on what comes back: keep to
// printable ASCII so that what is scanned equals what was printed.
const CODE128_VALUE = /^[\x20-\x7e]{1,80}$/;

function assertCode128Value(value: string): void {
  if (!CODE128_VALUE.test(value)) {
    throw new LabelError(
      'barcode_invalid',
      'A Code 128 value must be 1 to 80 printable ASCII characters (no accents, no control characters).',
    );
  }
}

function toLabelError(error: unknown, value: string): LabelError {
  const reason = error instanceof Error ? error.message : String(error);
  return new LabelError('barcode_invalid', `Cannot encode "${value}" as Code 128: ${reason}`, {
    cause: error,
  });
}

/** PNG bytes of a barcode, quiet zones included, for screens and documents that take images. */
export async function renderBarcodePng(request: BarcodePngRequest): Promise<Uint8Array> {
  if (request.symbology === 'code128') assertCode128Value(request.value);
  else assertSymbolValue(request.symbology, request.value);
  const scale = request.scale ?? 3;
  if (!Number.isInteger(scale) || scale < 1 || scale > 20) {
    throw new LabelError('barcode_invalid', 'scale must be an integer from 1 to 20.');
  }
  try {
    const isLinear = request.symbology === 'code128' || request.symbology === 'gs1-128';
    const png = await bwipjs.toBuffer({
      bcid: request.symbology,
      text: request.value,
      scale,
      ...(isLinear ? { height: request.height ?? 15 } : {}),
      // MaxiCode takes the structured carrier message with its control characters.
      ...(request.symbology === 'maxicode' ? { parse: true } : {}),
      includetext: false,
      paddingwidth: isLinear ? 10 : 4,
      paddingheight: isLinear ? 2 : 4,
      backgroundcolor: 'FFFFFF',
    });
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  } catch (error) {
    throw toSymbolError(error, request.symbology, request.value);
  }
}

/**
 * Widths in modules of the bars and spaces of a Code 128 symbol, bar first, without quiet zones: lets a
 * renderer draw crisp vector bars aligned to the printer's dots instead of scaling a bitmap.
 */
export function encodeCode128Modules(value: string): number[] {
  assertCode128Value(value);
  let symbols: readonly object[];
  try {
    symbols = bwipjs.raw({ bcid: 'code128', text: value });
  } catch (error) {
    throw toLabelError(error, value);
  }
  const first = symbols[0];
  if (!first || !('sbs' in first) || !Array.isArray(first.sbs) || first.sbs.length === 0) {
    throw new LabelError('barcode_invalid', `bwip-js returned no bars for "${value}".`);
  }
  return first.sbs as number[];
}
