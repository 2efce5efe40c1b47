import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import type { LabelFace } from './draw-text.js';
import { type LabelFontWeight, loadLabelFont } from './label-fonts.js';

export interface LabelFaces {
  regular: LabelFace;
  bold: LabelFace;
}

type ParsedFont = ReturnType<typeof fontkit.create>;
const parsed = new WeakMap<Uint8Array, ParsedFont>();

/**
 * pdf-lib parses the whole TTF for every document it embeds it in (about 4 ms for DejaVu, twice per
 * label). Handing it a fontkit whose `create` returns the font parsed once per process keeps the embedded
 * subset (and so any European address) while that parse, and fontkit's glyph cache, are paid once.
 */
const cachingFontkit = {
  ...fontkit,
  create(bytes: Uint8Array, postscriptName?: string): ParsedFont {
    if (postscriptName) return fontkit.create(bytes, postscriptName);
    let font = parsed.get(bytes);
    if (!font) {
      font = fontkit.create(bytes);
      parsed.set(bytes, font);
    }
    return font;
  },
} as typeof fontkit;

async function embedFace(pdf: PDFDocument, weight: LabelFontWeight): Promise<LabelFace> {
  const file = await loadLabelFont(weight);
  return { font: await pdf.embedFont(file.bytes, { subset: true }), hasGlyph: file.hasGlyph };
}

/** Regular and bold DejaVu Sans, embedded as subsets: one pair per document, however many labels it has. */
export async function embedLabelFaces(pdf: PDFDocument): Promise<LabelFaces> {
  pdf.registerFontkit(cachingFontkit);
  const [regular, bold] = await Promise.all([embedFace(pdf, 'regular'), embedFace(pdf, 'bold')]);
  return { regular, bold };
}
