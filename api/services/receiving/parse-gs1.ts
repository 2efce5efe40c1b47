import { AppError } from '../../errors.js';

/** What receiving needs from a GS1-128 / GS1 DataMatrix scan. */
export interface Gs1Scan {
  gtin: string | null;
  lot: string | null;
  /** ISO date; a day of 00 means the last day of the month (GS1 General Specifications 3.4.7). */
  expiresOn: string | null;
  /** AI 30 (variable count) or 37 (count of trade items in a logistic unit). */
  count: number | null;
}

const GS = '\u001d';
/** Fixed length of the data after the AI, or null for variable (ends at FNC1/GS or the end). */
const ais: Record<string, { fixed: number | null; max: number; numeric: boolean }> = {
  '01': { fixed: 14, max: 14, numeric: true },
  '10': { fixed: null, max: 20, numeric: false },
  '17': { fixed: 6, max: 6, numeric: true },
  '30': { fixed: null, max: 8, numeric: true },
  '37': { fixed: null, max: 8, numeric: true },
};

const bad = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('gs1_invalid', 422, message, { field: 'code', ...details });

/** True when a scanned string looks like a GS1 element string rather than a plain EAN or SKU. */
export function isGs1(raw: string): boolean {
  return (
    /^\][CdQe][0-9]/.test(raw) ||
    raw.includes(GS) ||
    /^\(\d{2}\)/.test(raw) ||
    /^01\d{14}(10|17|30|37)/.test(raw)
  );
}

/**
 * A small parser for the AIs receiving uses: 01, 10, 17, 30, 37. Accepts the raw scanner form (optional
 * symbology identifier ]C1, ]d2, ]Q3, FNC1 sent as GS 0x1D) and the human-readable form `(01)…(10)…`.
 * Anything else is refused with the AI named, rather than guessed.
 */
export function parseGs1(raw: string, referenceYear = new Date().getUTCFullYear()): Gs1Scan {
  let data = raw.replace(/^\][CdQe][0-9]/, '');
  while (data.startsWith(GS)) data = data.slice(1);
  if (data.startsWith('(')) data = fromHumanReadable(data);
  const out: Gs1Scan = { gtin: null, lot: null, expiresOn: null, count: null };
  let i = 0;
  while (i < data.length) {
    const ai = data.slice(i, i + 2);
    const def = ais[ai];
    if (!def)
      throw bad(
        `Unsupported GS1 application identifier (${ai}) at position ${i + 1}; expected 01, 10, 17, 30 or 37.`,
        { ai },
      );
    i += 2;
    let value: string;
    if (def.fixed !== null) {
      value = data.slice(i, i + def.fixed);
      i += def.fixed;
      if (data[i] === GS) i++;
    } else {
      const end = data.indexOf(GS, i);
      value = end === -1 ? data.slice(i) : data.slice(i, end);
      i = end === -1 ? data.length : end + 1;
    }
    if (value.length === 0 || value.length > def.max || (def.fixed !== null && value.length !== def.fixed))
      throw bad(`GS1 (${ai}) must be ${def.fixed ?? `1 to ${def.max}`} characters; got "${value}".`, { ai });
    if (def.numeric && !/^\d+$/.test(value)) throw bad(`GS1 (${ai}) must be digits; got "${value}".`, { ai });
    if (ai === '01') out.gtin = checkGtin(value);
    else if (ai === '10') out.lot = value;
    else if (ai === '17') out.expiresOn = toDate(value, referenceYear);
    else out.count = Number(value);
  }
  return out;
}

function fromHumanReadable(text: string): string {
  const parts = [...text.matchAll(/\((\d{2})\)([^(]*)/g)];
  if (parts.length === 0) throw bad(`"${text}" is not a GS1 element string.`);
  return parts.map(([, ai, value]) => `${ai}${value}${ais[ai!]?.fixed === null ? GS : ''}`).join('');
}

function checkGtin(value: string): string {
  const digits = [...value].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((s, d, k) => s + d * (k % 2 === 0 ? 3 : 1), 0);
  if ((10 - (sum % 10)) % 10 !== check) throw bad(`GTIN ${value} has a wrong check digit.`, { ai: '01' });
  return value;
}

/** YYMMDD with the GS1 century rule: within 50 years ahead and 49 behind the reference year. */
function toDate(value: string, referenceYear: number): string {
  const yy = Number(value.slice(0, 2));
  const mm = Number(value.slice(2, 4));
  let dd = Number(value.slice(4, 6));
  if (mm < 1 || mm > 12 || dd > 31) throw bad(`GS1 (17) date ${value} is not a valid YYMMDD.`, { ai: '17' });
  const century = Math.floor(referenceYear / 100) * 100;
  let year = century + yy;
  if (year - referenceYear > 50) year -= 100;
  else if (referenceYear - year > 49) year += 100;
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  if (dd === 0) dd = lastDay;
  if (dd > lastDay) throw bad(`GS1 (17) date ${value} does not exist.`, { ai: '17' });
  return `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
