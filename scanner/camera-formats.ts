import { BarcodeFormat } from '@zxing/browser';
import type { DecodeHintType } from '@zxing/library';

/** What the warehouse prints and receives: retail codes, GS1-128/Code 128 labels, DataMatrix, QR. */
export const defaultCameraFormats = [
  'ean_13',
  'ean_8',
  'upc_a',
  'upc_e',
  'code_128',
  'data_matrix',
  'qr_code',
];

/** Barcode Detection API names ⇄ zxing formats. */
const zxingFormats: Record<string, BarcodeFormat> = {
  aztec: BarcodeFormat.AZTEC,
  codabar: BarcodeFormat.CODABAR,
  code_39: BarcodeFormat.CODE_39,
  code_93: BarcodeFormat.CODE_93,
  code_128: BarcodeFormat.CODE_128,
  data_matrix: BarcodeFormat.DATA_MATRIX,
  ean_8: BarcodeFormat.EAN_8,
  ean_13: BarcodeFormat.EAN_13,
  itf: BarcodeFormat.ITF,
  pdf417: BarcodeFormat.PDF_417,
  qr_code: BarcodeFormat.QR_CODE,
  upc_a: BarcodeFormat.UPC_A,
  upc_e: BarcodeFormat.UPC_E,
};

export function toZxingFormats(formats: string[]): BarcodeFormat[] {
  return formats.map((f) => {
    const format = zxingFormats[f];
    if (format === undefined) {
      throw new Error(
        `unknown barcode format "${f}": expected one of ${Object.keys(zxingFormats).join(', ')}`,
      );
    }
    return format;
  });
}

export function fromZxingFormat(format: BarcodeFormat): string {
  for (const [name, value] of Object.entries(zxingFormats)) if (value === format) return name;
  return String(BarcodeFormat[format] ?? format).toLowerCase();
}

/**
 * DecodeHintType values of @zxing/library 0.23.0. The enum itself cannot be imported by name under
 * Node's ESM loader (the package's CommonJS build hides it) and @zxing/browser does not re-export it;
 * scanner/camera.test.ts checks these against the library.
 */
export const hintType = {
  POSSIBLE_FORMATS: 2 as DecodeHintType,
  TRY_HARDER: 3 as DecodeHintType,
  ASSUME_GS1: 8 as DecodeHintType,
};

/**
 * Hints for zxing: only our formats (fewer readers per frame), GS1 on so Code 128 with a leading FNC1
 * comes back as `]C1…` with GS separators, and TRY_HARDER off: it rescans every row and halves the
 * frame rate for little gain on labels held up to the camera.
 */
export function zxingHints(formats: string[]): Map<DecodeHintType, unknown> {
  return new Map<DecodeHintType, unknown>([
    [hintType.POSSIBLE_FORMATS, toZxingFormats(formats)],
    [hintType.ASSUME_GS1, true],
  ]);
}

/** zxing and the native detector hand back GS1 DataMatrix and GS1 QR data starting with FNC1 as GS. */
export function refineSymbology(format: string, text: string): string {
  if (format === 'code_128' && text.startsWith(']C1')) return 'gs1_128';
  if (text.startsWith('\u001d')) {
    if (format === 'data_matrix') return 'gs1_datamatrix';
    if (format === 'qr_code') return 'gs1_qr';
  }
  return format;
}
