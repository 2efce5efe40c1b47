import { describe, expect, it } from 'vitest';
import { loadLabelFont } from './label-fonts.js';
import { toPrintableText } from './printable-text.js';

const font = await loadLabelFont('regular');

describe('toPrintableText', () => {
  it.each(['Łódź', 'Dvořák', 'Ærøskøbing', 'Straße', 'Ğüzelyalı', 'Þórshöfn', 'Αθήνα', 'Київ'])(
    'keeps %s',
    (text) => {
      expect(toPrintableText(text, font.hasGlyph)).toBe(text);
    },
  );

  it('composes decomposed accents so they print as one glyph', () => {
    expect(toPrintableText('Dvor\u030Ca\u0301k', font.hasGlyph)).toBe('Dvořák');
  });

  it('replaces what the font cannot draw with ?', () => {
    expect(toPrintableText('Tokyo 東京 🚚', font.hasGlyph)).toBe('Tokyo ?? ?');
  });

  it('flattens line breaks, tabs and control characters to single spaces', () => {
    expect(toPrintableText('  Rue\n\tde la\u0007Paix  ', font.hasGlyph)).toBe('Rue de la Paix');
  });
});
