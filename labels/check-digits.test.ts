import { describe, expect, it } from 'vitest';
import {
  assertValidGtin,
  assertValidS10,
  formatS10,
  gs1CheckDigit,
  isValidGtin,
  isValidS10,
  s10CheckDigit,
} from './check-digits.js';
import { LabelError } from './label-error.js';

function labelErrorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof LabelError ? error.code : `not a LabelError: ${String(error)}`;
  }
  return undefined;
}

describe('gs1CheckDigit', () => {
  it.each([
    ['400638133393', 1], // GTIN-13 4006381333931
    ['03600029145', 2], // UPC-A 036000291452
    ['9638507', 4], // GTIN-8 96385074
    ['0001234560001', 2], // GTIN-14 00012345600012
    ['10614141123456789', 7], // SSCC-18 106141411234567897
    ['00000000000', 0],
  ])('%s → %i', (body, check) => {
    expect(gs1CheckDigit(body)).toBe(check);
  });

  it.each(['', '12a4', '123456789012345678', ' 123'])('rejects %j', (body) => {
    expect(labelErrorCode(() => gs1CheckDigit(body))).toBe('input_invalid');
  });
});

describe('isValidGtin', () => {
  it.each(['4006381333931', '036000291452', '96385074', '00012345600012'])('accepts %s', (code) => {
    expect(isValidGtin(code)).toBe(true);
  });

  it.each(['4006381333932', '96385075', '123', '40063813339311', '400638133393a', ''])(
    'rejects %j',
    (code) => {
      expect(isValidGtin(code)).toBe(false);
    },
  );

  it('assertValidGtin throws check_digit_invalid', () => {
    expect(labelErrorCode(() => assertValidGtin('4006381333932'))).toBe('check_digit_invalid');
    expect(() => assertValidGtin('4006381333931')).not.toThrow();
  });
});

describe('S10', () => {
  // 1·8 + 2·6 + 3·4 + 4·2 + 5·3 + 6·5 + 7·9 + 8·7 = 204; 204 mod 11 = 6; 11 − 6 = 5.
  it('computes the check digit of 12345678 as 5', () => {
    expect(s10CheckDigit('12345678')).toBe(5);
  });

  it('maps a remainder of 0 to 5 and of 1 to 0', () => {
    expect(s10CheckDigit('00000000')).toBe(5); // sum 0 → 11 − 0 = 11 → 5
    expect(s10CheckDigit('00000008')).toBe(0); // sum 56, 56 mod 11 = 1 → 10 → 0
  });

  it('formats an identifier', () => {
    expect(formatS10('LA', 12345678, 'FR')).toBe('LA123456785FR');
    expect(formatS10('RR', 8, 'DE')).toBe('RR000000080DE');
  });

  it.each(['RA123456785FR', 'LA123456785FR', 'EE000000005PL'])('accepts %s', (code) => {
    expect(isValidS10(code)).toBe(true);
  });

  it.each(['RA123456784FR', 'RA12345678FR', 'ra123456785fr', 'RA1234567850FR', ''])('rejects %j', (code) => {
    expect(isValidS10(code)).toBe(false);
  });

  it('throws LabelError on bad input instead of producing a number', () => {
    expect(labelErrorCode(() => s10CheckDigit('1234567'))).toBe('input_invalid');
    expect(labelErrorCode(() => formatS10('L', 1, 'FR'))).toBe('input_invalid');
    expect(labelErrorCode(() => formatS10('LA', 1, 'fr'))).toBe('input_invalid');
    expect(labelErrorCode(() => formatS10('LA', 100_000_000, 'FR'))).toBe('input_invalid');
    expect(labelErrorCode(() => formatS10('LA', -1, 'FR'))).toBe('input_invalid');
    expect(labelErrorCode(() => formatS10('LA', 1.5, 'FR'))).toBe('input_invalid');
    expect(labelErrorCode(() => assertValidS10('RA123456784FR'))).toBe('check_digit_invalid');
  });
});
