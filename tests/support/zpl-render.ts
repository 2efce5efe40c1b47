import { ready } from 'zpl-renderer-js';
import { type DecodedSymbol, decodeSymbols } from './decode-barcodes.js';

/**
 * ZPL drawn by zebrash (Go, compiled to WebAssembly and shipped inside the zpl-renderer-js package: no
 * network), so our ZPL is checked by an implementation of the language that is not ours.
 */

export interface ZplRenderOptions {
  widthMm: number;
  heightMm: number;
  dpi: 203 | 300;
}

/** One PNG per ^XA…^XZ label. */
export async function renderZplToPngs(zpl: string, opts: ZplRenderOptions): Promise<Uint8Array[]> {
  const { api } = await ready;
  // zebrash counts resolution in dots per millimetre: 8 is 203 dpi, 12 is 300 dpi.
  const dpmm = opts.dpi === 203 ? 8 : 12;
  const images = await api.zplToBase64MultipleAsync(zpl, opts.widthMm, opts.heightMm, dpmm);
  return images.map((base64) => new Uint8Array(Buffer.from(base64, 'base64')));
}

/** Decodes every barcode of every label in a ZPL job; `page` is the label's 1-based position. */
export async function decodeSymbolsInZpl(zpl: string, opts: ZplRenderOptions): Promise<DecodedSymbol[]> {
  const found: DecodedSymbol[] = [];
  for (const [index, png] of (await renderZplToPngs(zpl, opts)).entries()) {
    found.push(...(await decodeSymbols(png, index + 1)));
  }
  return found;
}
