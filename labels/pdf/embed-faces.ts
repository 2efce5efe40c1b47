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
// Enough for every distinct line of a day's labels; past it the cache starts again rather than grow.
const LAYOUT_CACHE_SIZE = 20_000;

/**
 * Text shaping (fontkit's layout: ligatures, kerning lookups) is most of what drawing a label costs, and
 * pdf-lib shapes each line once to measure it and again to draw it. The glyph run depends only on the
 * font and the text, and pdf-lib only reads it, so one run per line of text serves every document.
 */
function withLayoutCache(font: ParsedFont): ParsedFont {
  const runs = new Map<string, ReturnType<ParsedFont['layout']>>();
  const layout = font.layout.bind(font);
  font.layout = (text: string, ...rest: unknown[]) => {
    if (rest.some((arg) => arg !== undefined)) return (layout as (...a: unknown[]) => never)(text, ...rest);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= LAYOUT_CACHE_SIZE) runs.clear();
      run = layout(text);
      runs.set(text, run);
    }
    return run;
  };
  return font;
}

/**
 * pdf-lib parses the whole TTF for every document it embeds it in (about 4 ms for DejaVu, twice per
 * label). Handing it a fontkit whose `create` returns the font parsed once per process keeps the embedded
 * subset (and so any European address) while that parse, fontkit's glyph cache and the shaped lines
 * are paid once.
 */
const cachingFontkit = {
  ...fontkit,
  create(bytes: Uint8Array, postscriptName?: string): ParsedFont {
    if (postscriptName) return fontkit.create(bytes, postscriptName);
    let font = parsed.get(bytes);
    if (!font) {
      font = withLayoutCache(fontkit.create(bytes));
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
