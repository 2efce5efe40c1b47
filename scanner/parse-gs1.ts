import { computeGs1CheckDigit } from './check-digit.js';
import { ScanParseError } from './errors.js';
import { type AiSpec, lookupAi } from './gs1-ai-table.js';
import type { Gs1Element } from './types.js';

export const GS = '\u001d';

/** AIM identifiers of symbologies that carry GS1 element strings; the data after them starts with an AI. */
const gs1AimPrefixes = [']C1', ']e0', ']d2', ']Q3', ']J1'];

/**
 * Parses a GS1 element string: `0103760123456789172512311012345ABC`, with FNC1 as GS (0x1D) or as the
 * configured substitute, with or without a GS1 AIM prefix or a leading FNC1, or in the human-readable
 * form `(01)03760123456789(17)251231`. Throws ScanParseError naming the AI and what was wrong.
 */
export function parseGs1(data: string, options?: { gsSubstitute?: string }): Gs1Element[] {
  let s = options?.gsSubstitute ? data.split(options.gsSubstitute).join(GS) : data;
  const aim = gs1AimPrefixes.find((p) => s.startsWith(p));
  if (aim) s = s.slice(aim.length);
  while (s.startsWith(GS)) s = s.slice(1);
  if (s.length === 0)
    throw new ScanParseError('gs1_empty', 'expected GS1 data after the prefix, got nothing');
  return s.startsWith('(') ? parseBracketed(s) : parseElementString(s);
}

function parseElementString(s: string): Gs1Element[] {
  const elements: Gs1Element[] = [];
  let at = 0;
  while (at < s.length) {
    const found = lookupAi(s, at);
    if (!found) {
      throw new ScanParseError(
        'gs1_unknown_ai',
        `expected a known GS1 application identifier at position ${at}, got "${s.slice(at, at + 4)}"`,
      );
    }
    const { ai, spec } = found;
    at += ai.length;
    let value: string;
    if (spec.fixed !== undefined) {
      value = s.slice(at, at + spec.fixed);
      if (value.length < spec.fixed || value.includes(GS)) {
        throw new ScanParseError(
          'gs1_field_short',
          `AI ${ai} (${spec.label}): expected ${spec.fixed} characters, got "${value.split(GS)[0]}"`,
        );
      }
      at += spec.fixed;
      // Fixed-length AIs outside the predefined-length list are followed by FNC1; accept it either way.
      if (s[at] === GS) at++;
    } else {
      const end = s.indexOf(GS, at);
      value = s.slice(at, end === -1 ? s.length : end);
      at = end === -1 ? s.length : end + 1;
      if (value.length === 0) {
        throw new ScanParseError('gs1_field_empty', `AI ${ai} (${spec.label}): expected a value, got none`);
      }
      if (value.length > (spec.max ?? 0)) {
        throw new ScanParseError(
          'gs1_field_too_long',
          `AI ${ai} (${spec.label}): expected at most ${spec.max} characters, got ${value.length} (a missing FNC1 separator?)`,
        );
      }
    }
    validateValue(ai, spec, value);
    elements.push({ ai, value, label: spec.label });
  }
  return elements;
}

function parseBracketed(s: string): Gs1Element[] {
  const re = /\((\d{2,4})\)([^(]*)/gy;
  const parts: string[] = [];
  let consumed = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    parts.push(`${m[1]}${m[2]}`);
    consumed = re.lastIndex;
  }
  if (consumed !== s.length) {
    throw new ScanParseError('gs1_bad_brackets', `expected "(AI)value" pairs, got "${s.slice(consumed)}"`);
  }
  // Each bracketed element is parsed alone so its length is checked against its AI.
  return parts.flatMap((part) => {
    const found = parseElementString(part);
    if (found.length !== 1) {
      throw new ScanParseError(
        'gs1_field_too_long',
        `expected one value in "(${part.slice(0, 2)}…", got more`,
      );
    }
    return found;
  });
}

function validateValue(ai: string, spec: AiSpec, value: string): void {
  const numericLength = spec.numeric === 'all' ? value.length : Math.min(spec.numeric, value.length);
  if (!/^\d*$/.test(value.slice(0, numericLength))) {
    throw new ScanParseError(
      'gs1_not_numeric',
      `AI ${ai} (${spec.label}): expected digits${spec.numeric === 'all' ? '' : ` in the first ${spec.numeric} characters`}, got "${value}"`,
    );
  }
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) {
      throw new ScanParseError(
        'gs1_bad_character',
        `AI ${ai} (${spec.label}): expected printable characters`,
      );
    }
  }
  if (spec.checked !== undefined) {
    const digits = value.slice(0, spec.checked);
    const expected = computeGs1CheckDigit(digits.slice(0, -1));
    if (digits.length < spec.checked || String(expected) !== digits.slice(-1)) {
      throw new ScanParseError(
        'gs1_check_digit',
        `AI ${ai} (${spec.label}): expected check digit ${expected}, got ${digits.slice(-1)} in ${digits}`,
      );
    }
  }
  if (spec.date && !isValidYymmdd(value.slice(0, 6), ai.length === 2)) {
    throw new ScanParseError(
      'gs1_bad_date',
      `AI ${ai} (${spec.label}): expected a date YYMMDD, got "${value.slice(0, 6)}"`,
    );
  }
}

/** YYMMDD; day 00 means "end of the month" and is allowed for the two-digit date AIs (11–17). */
export function isValidYymmdd(s: string, allowDayZero: boolean): boolean {
  if (!/^\d{6}$/.test(s)) return false;
  const yy = Number(s.slice(0, 2));
  const mm = Number(s.slice(2, 4));
  const dd = Number(s.slice(4, 6));
  if (mm < 1 || mm > 12) return false;
  if (dd === 0) return allowDayZero;
  // GS1's century window puts every two-digit year within 2000–2099 for decades yet; 00 is 2000, a leap year.
  const daysInMonth = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1] ?? 0;
  return dd <= daysInMonth;
}
