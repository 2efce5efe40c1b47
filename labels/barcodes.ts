import bwipjs from 'bwip-js/node';
import { LabelError } from './label-error.js';

export type BarcodeSymbology = 'code128';

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
  assertCode128Value(request.value);
  const scale = request.scale ?? 3;
  if (!Number.isInteger(scale) || scale < 1 || scale > 20) {
    throw new LabelError('barcode_invalid', 'scale must be an integer from 1 to 20.');
  }
  try {
    const png = await bwipjs.toBuffer({
      bcid: request.symbology,
      text: request.value,
      scale,
      height: request.height ?? 15,
      includetext: false,
      paddingwidth: 10,
      paddingheight: 2,
      backgroundcolor: 'FFFFFF',
    });
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  } catch (error) {
    throw toLabelError(error, request.value);
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
