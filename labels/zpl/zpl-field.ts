import { LabelError } from '../label-error.js';

/**
 * Field data as ZPL carries it. Every field is sent with `^FH` (hex indicator `_`): `^`, `~` and `_` would
 * otherwise start a command or an escape, and with `^CI28` the printer reads `_XX` bytes as UTF-8, so any
 * European address (and any other character) arrives as written instead of stopping the job.
 */

const encoder = new TextEncoder();

function hexByte(byte: number): string {
  return `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Text for `^FH^FD…^FS`: one line, NFC, control characters as spaces, everything outside plain ASCII hex. */
export function escapeFieldText(value: string): string {
  const oneLine = value
    .normalize('NFC')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
  let out = '';
  // TextEncoder turns a lone surrogate into U+FFFD instead of throwing: a broken string still prints.
  for (const byte of encoder.encode(oneLine)) {
    const isPlain = byte >= 0x20 && byte < 0x7f && byte !== 0x5e && byte !== 0x7e && byte !== 0x5f;
    out += isPlain ? String.fromCharCode(byte) : hexByte(byte);
  }
  return out;
}

/** Raw bytes for a barcode field (control characters kept), hex-escaped the same way. */
export function escapeFieldBytes(value: string): string {
  let out = '';
  for (const byte of encoder.encode(value)) {
    const isPlain = byte >= 0x20 && byte < 0x7f && byte !== 0x5e && byte !== 0x7e && byte !== 0x5f;
    out += isPlain ? String.fromCharCode(byte) : hexByte(byte);
  }
  return out;
}

export const FNC1 = Symbol('FNC1');
export type Code128Item = string | typeof FNC1;

export interface Code128FieldData {
  /** Field data for `^BC…,N` with invocation codes (`>;` start C, `>:` start B, `>5`/`>6` switch, `>8` FNC1). */
  data: string;
  /** Modules of the whole symbol without quiet zones, to choose a module width that fits. */
  modules: number;
}

const isDigit = (item: Code128Item | undefined) => typeof item === 'string' && item >= '0' && item <= '9';

function digitRun(items: readonly Code128Item[], from: number): number {
  let end = from;
  while (isDigit(items[end])) end++;
  return end - from;
}

/**
 * Code 128 subsets chosen here rather than by the printer's automatic mode, so that the symbol (and its
 * width in dots) is the same on every firmware: subset C while the data opens with digit pairs, then B to
 * the end. Going back from B to C (`>5`) would save a few modules but is read differently by renderers
 * (zebrash takes it for a data character), so it is not used.
 */
export function encodeCode128Field(items: readonly Code128Item[]): Code128FieldData {
  const firstDigit = items[0] === FNC1 ? 1 : 0;
  const leadingDigits = digitRun(items, firstDigit);
  let set: 'B' | 'C' = leadingDigits >= 4 && leadingDigits % 2 === 0 ? 'C' : 'B';
  let data = set === 'C' ? '>;' : '>:';
  let codewords = 1;
  let i = 0;
  while (i < items.length) {
    const item = items[i] as Code128Item;
    if (item === FNC1) {
      data += '>8';
      codewords++;
      i++;
      continue;
    }
    if (set === 'C') {
      if (isDigit(items[i + 1]) && isDigit(item)) {
        data += `${item}${items[i + 1] as string}`;
        codewords++;
        i += 2;
        continue;
      }
      set = 'B';
      data += '>6';
      codewords++;
      continue;
    }
    const code = item.charCodeAt(0);
    if (item.length !== 1 || code < 0x20 || code > 0x7e) {
      throw new LabelError('barcode_invalid', 'Code 128 as printed here carries printable ASCII only.');
    }
    data += item === '>' ? '>0' : escapeFieldBytes(item);
    codewords++;
    i++;
  }
  // Start and data codewords, then the check character (11 modules each) and the 13-module stop.
  return { data, modules: (codewords + 1) * 11 + 13 };
}

/** Chooses the widest module (in dots) that keeps the symbol and its 10-module quiet zones in `maxDots`. */
export function chooseModuleDots(modules: number, maxDots: number, candidates: readonly number[]): number {
  const fitting = candidates.find((dots) => (modules + 20) * dots <= maxDots);
  if (fitting === undefined) {
    throw new LabelError('barcode_too_long', `A ${modules}-module barcode does not fit ${maxDots} dots.`);
  }
  return fitting;
}
