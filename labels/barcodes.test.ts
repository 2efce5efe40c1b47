import { describe, expect, it } from 'vitest';
import { decodeBarcodesInPng } from '../tests/support/decode-barcodes.js';
import { encodeCode128Modules, renderBarcodePng } from './barcodes.js';
import { LabelError } from './label-error.js';

const isBarcodeInvalid = (error: unknown) => error instanceof LabelError && error.code === 'barcode_invalid';

describe('renderBarcodePng', () => {
  it('renders a PNG that decodes to the value', async () => {
    const png = await renderBarcodePng({ symbology: 'code128', value: 'pck_01HZX3K9Q7' });
    expect(Array.from(png.subarray(1, 4), (byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
    expect(await decodeBarcodesInPng(png)).toEqual([{ page: 1, format: 'Code128', text: 'pck_01HZX3K9Q7' }]);
  });

  it.each(['', 'Łódź', 'line\nbreak', 'x'.repeat(81)])('rejects %j with barcode_invalid', async (value) => {
    await expect(renderBarcodePng({ symbology: 'code128', value })).rejects.toSatisfy(isBarcodeInvalid);
  });

  it('rejects a scale that is not a whole number of pixels', async () => {
    await expect(renderBarcodePng({ symbology: 'code128', value: 'A1', scale: 1.5 })).rejects.toSatisfy(
      isBarcodeInvalid,
    );
  });
});

describe('encodeCode128Modules', () => {
  it('returns bar and space widths of a whole symbol', () => {
    const modules = encodeCode128Modules('LA123456785FR');
    // Every Code 128 character is 11 modules and the stop pattern 13; bars and spaces alternate from a bar.
    expect((modules.reduce((sum, width) => sum + width, 0) - 13) % 11).toBe(0);
    expect(modules.length % 2).toBe(1);
    expect(modules.every((width) => width >= 1 && width <= 4)).toBe(true);
  });

  it('throws barcode_invalid for characters Code 128 cannot carry as printed', () => {
    expect(() => encodeCode128Modules('Straße')).toThrow(LabelError);
  });
});
