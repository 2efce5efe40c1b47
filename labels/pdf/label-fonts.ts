import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { LabelError } from '../label-error.js';

export type LabelFontWeight = 'regular' | 'bold';

export interface LabelFontFile {
  bytes: Uint8Array;
  /** Answers which characters the font can draw, so text is cleaned before pdf-lib sees it. */
  hasGlyph(codePoint: number): boolean;
}

// DejaVu Sans covers Latin, Greek and Cyrillic in full, so any European address prints as written.
const FONT_FILES: Record<LabelFontWeight, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
};

const cache = new Map<LabelFontWeight, Promise<LabelFontFile>>();

async function readFontFile(weight: LabelFontWeight): Promise<LabelFontFile> {
  const specifier = FONT_FILES[weight];
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(createRequire(import.meta.url).resolve(specifier)));
  } catch (error) {
    throw new LabelError('font_unavailable', `Cannot read the label font ${specifier}.`, { cause: error });
  }
  const font = fontkit.create(bytes);
  return { bytes, hasGlyph: (codePoint) => font.hasGlyphForCodePoint(codePoint) };
}

/** The font file for one weight, read from disk once per process. */
export function loadLabelFont(weight: LabelFontWeight): Promise<LabelFontFile> {
  let pending = cache.get(weight);
  if (!pending) {
    pending = readFontFile(weight);
    // A failed read is not cached, so a later call can succeed once the file is there.
    pending.catch(() => cache.delete(weight));
    cache.set(weight, pending);
  }
  return pending;
}
