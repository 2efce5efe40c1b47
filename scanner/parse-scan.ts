import { isValidGs1CheckDigit } from './check-digit.js';
import { ScanParseError } from './errors.js';
import { GS, parseGs1 } from './parse-gs1.js';
import { isGs1Symbology, splitAimPrefix } from './symbology.js';
import { checkTrackingNumber } from './tracking.js';
import type { Gs1Element, ScanKind, ScanResult } from './types.js';

const idKinds: Record<string, ScanKind> = {
  bin: 'bin',
  tot: 'tote',
  ord: 'order',
  usr: 'user',
  pcl: 'parcel',
  shp: 'shipment',
};
const ourId = /^(bin|tot|ord|usr|pcl|shp)_[0-9a-z]+$/i;

/**
 * Says what a scanned code names. `symbology` is what the camera reported (`ean_13`, `code_128`…);
 * an AIM identifier at the start of `raw` (`]C1`, `]E0`, `]d2`…) is stripped and takes precedence.
 * Never throws: a code that is recognised but invalid comes back with its kind and `error` set.
 */
export function parseScan(
  raw: string,
  options?: { gsSubstitute?: string; symbology?: string | null },
): ScanResult {
  const trimmed = raw.replace(/^[\r\n\t ]+|[\r\n\t ]+$/g, '');
  const aim = splitAimPrefix(trimmed);
  const symbology = aim.symbology ?? options?.symbology ?? null;
  const data = options?.gsSubstitute ? aim.data.split(options.gsSubstitute).join(GS) : aim.data;
  const result = (kind: ScanKind, value: string, gs1: Gs1Element[] | null, error?: string): ScanResult =>
    error === undefined ? { raw, symbology, kind, value, gs1 } : { raw, symbology, kind, value, gs1, error };

  if (isGs1Symbology(symbology) || data.includes(GS) || /^\(\d{2,4}\)/.test(data)) {
    return fromGs1(data, result);
  }
  if (ourId.test(data)) {
    const prefix = data.slice(0, data.indexOf('_')).toLowerCase();
    // Our ids are lower case; a scanner set to upper case (or Code 39) must still find them.
    return result(idKinds[prefix] ?? 'text', data.toLowerCase(), null);
  }
  if (/^\d+$/.test(data)) {
    const gtin = fromDigits(data, symbology, result);
    if (gtin) return gtin;
    // An SSCC scanned or keyed from its human-readable line, without the (00).
    if (data.length === 18 && isValidGs1CheckDigit(data)) {
      return result('sscc', data, [{ ai: '00', value: data, label: 'SSCC' }]);
    }
    // Scanners that send no AIM identifier drop the leading FNC1 of a GS1-128 code: SSCC and GTIN
    // element strings are still recognisable by their numeric AI and length.
    if (/^(00\d{18}|0[12]\d{14})/.test(data)) return fromGs1(data, result);
  } else if (/^0[12]\d{14}\d{2,4}/.test(data)) {
    return fromGs1(data, result);
  }
  const tracking = checkTrackingNumber(data.toUpperCase());
  if (tracking.isTracking) return result('tracking', data.toUpperCase(), null, tracking.error);
  return result('text', data, null);
}

type Make = (kind: ScanKind, value: string, gs1: Gs1Element[] | null, error?: string) => ScanResult;

function fromGs1(data: string, result: Make): ScanResult {
  try {
    const elements = parseGs1(data);
    const sscc = elements.find((e) => e.ai === '00');
    if (sscc) return result('sscc', sscc.value, elements);
    const gtin = elements.find((e) => e.ai === '01');
    if (gtin && elements.length === 1) return result('gtin', gtin.value, elements);
    // A GTIN with lot, expiry or weight: the GTIN is what gets looked up, the rest rides along.
    return result('gs1', gtin?.value ?? data, elements);
  } catch (e) {
    if (!(e instanceof ScanParseError)) throw e;
    let body = data;
    while (body.startsWith(GS)) body = body.slice(1);
    if (body.startsWith('00')) return result('sscc', body.slice(2, 20), null, e.message);
    if (/^0[12]\d{14}/.test(body)) {
      return result(body.length === 16 ? 'gtin' : 'gs1', body.slice(2, 16), null, e.message);
    }
    return result('gs1', body, null, e.message);
  }
}

/** EAN-8, UPC-A, EAN-13, GTIN-14 (and UPC-E when the symbology says so) as printed. */
function fromDigits(data: string, symbology: string | null, result: Make): ScanResult | null {
  let full = data;
  if (symbology === 'upc_e' && data.length === 8) full = expandUpcE(data) ?? data;
  else if (symbology === 'upc_e' && data.length === 6) return null;
  if (![8, 12, 13, 14].includes(full.length)) return null;
  const name = symbology === 'upc_e' ? 'UPC-E' : `GTIN-${full.length}`;
  if (!isValidGs1CheckDigit(full)) {
    return result(
      'gtin',
      data,
      null,
      `${name} ${data}: expected check digit ${expectedCheck(full)}, got ${full.slice(-1)}`,
    );
  }
  return result('gtin', data, [{ ai: '01', value: full.padStart(14, '0'), label: 'GTIN' }]);
}

function expectedCheck(digits: string): number {
  for (let d = 0; d <= 9; d++) if (isValidGs1CheckDigit(digits.slice(0, -1) + d)) return d;
  return 0;
}

/** UPC-E (number system + 6 digits + check) to the UPC-A it stands for; null when it is not UPC-E. */
export function expandUpcE(upcE: string): string | null {
  if (!/^[01]\d{7}$/.test(upcE)) return null;
  const ns = upcE[0];
  const d = upcE.slice(1, 7);
  const check = upcE[7];
  const last = d[5];
  let body: string;
  if (last === '0' || last === '1' || last === '2') body = `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  else if (last === '3') body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  else if (last === '4') body = `${d.slice(0, 4)}00000${d[4]}`;
  else body = `${d.slice(0, 5)}0000${last}`;
  return `${ns}${body}${check}`;
}
