import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type DecodedSymbol, type DecodeOptions, decodeSymbols } from './decode-barcodes.js';

/**
 * A second, unrelated rasteriser (Poppler's pdftoppm, Debian package poppler-utils) for the same check
 * as decodeBarcodesInPdf: a label must scan whichever engine draws it.
 */

const run = promisify(execFile);
const PDFTOPPM = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find((path) => existsSync(path));

/** True where poppler-utils is installed; tests that need it are skipped elsewhere. */
export const hasPdftoppm = PDFTOPPM !== undefined;

/** Each page as a grey PNG at `dpi`. */
export async function rasterisePdfWithPdftoppm(pdfBytes: Uint8Array, dpi: number): Promise<Uint8Array[]> {
  if (!PDFTOPPM) throw new Error('pdftoppm is not installed (Debian package poppler-utils).');
  const dir = await mkdtemp(join(tmpdir(), 'pdftoppm-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdfBytes);
    await run(PDFTOPPM, ['-r', String(dpi), '-gray', '-png', join(dir, 'in.pdf'), join(dir, 'page')]);
    // pdftoppm pads page numbers to the width of the last one: sort numerically.
    const files = (await readdir(dir))
      .filter((name) => name.startsWith('page-') && name.endsWith('.png'))
      .sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));
    return Promise.all(files.map(async (name) => new Uint8Array(await readFile(join(dir, name)))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function decodeSymbolsInPdfWithPdftoppm(
  pdfBytes: Uint8Array,
  opts: DecodeOptions = {},
): Promise<DecodedSymbol[]> {
  const pages = await rasterisePdfWithPdftoppm(pdfBytes, opts.dpi ?? 203);
  const found: DecodedSymbol[] = [];
  for (const [index, png] of pages.entries()) found.push(...(await decodeSymbols(png, index + 1)));
  return found;
}

/** Same contract as decodeBarcodesInPdf, through pdftoppm instead of MuPDF. */
export async function decodeBarcodesInPdfWithPdftoppm(pdfBytes: Uint8Array, opts: DecodeOptions = {}) {
  return (await decodeSymbolsInPdfWithPdftoppm(pdfBytes, opts)).map(({ page, format, text }) => ({
    page,
    format,
    text,
  }));
}
