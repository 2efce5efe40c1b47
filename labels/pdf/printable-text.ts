/**
 * Text as the label can print it: composed (so "ř" typed as r + combining caron is one glyph), one line,
 * and with every character the font cannot draw replaced by '?' rather than failing the whole label.
 */
export function toPrintableText(value: string, hasGlyph: (codePoint: number) => boolean): string {
  const oneLine = value
    .normalize('NFC')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
  let printable = '';
  for (const char of oneLine) {
    const codePoint = char.codePointAt(0) ?? 0x3f;
    printable += char === ' ' || hasGlyph(codePoint) ? char : '?';
  }
  return printable;
}
