import { describe, expect, it } from 'vitest';
import { isGs1, parseGs1 } from './parse-gs1.js';

const GS = '\u001d';

describe('parseGs1', () => {
  it('reads GTIN, expiry, lot and count from a raw scan with FNC1 as GS', () => {
    const scan = `]C1010376012345678417261231${'10'}LOT-42${GS}3012`;
    expect(parseGs1(scan, 2026)).toEqual({
      gtin: '03760123456784',
      expiresOn: '2026-12-31',
      lot: 'LOT-42',
      count: 12,
    });
  });

  it('reads the human-readable form and a day 00 as the end of the month', () => {
    expect(parseGs1('(01)03760123456784(17)280200(10)A1(37)5', 2026)).toEqual({
      gtin: '03760123456784',
      expiresOn: '2028-02-29',
      lot: 'A1',
      count: 5,
    });
  });

  it('refuses a wrong check digit, an unknown AI and a bad date, naming what was expected', () => {
    expect(() => parseGs1('0103760123456785')).toThrow(/check digit/);
    expect(() => parseGs1('0103760123456784211234')).toThrow(/\(21\).*expected 01, 10, 17, 30 or 37/);
    expect(() => parseGs1('010376012345678417131301')).toThrow(/YYMMDD/);
  });

  it('tells GS1 strings from plain barcodes', () => {
    expect(isGs1('3760123456787')).toBe(false);
    expect(isGs1(']C1010376012345678410A')).toBe(true);
    expect(isGs1('(01)03760123456784')).toBe(true);
  });
});
