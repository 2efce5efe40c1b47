import { describe, expect, it } from 'vitest';
import { isValidGs1CheckDigit } from './check-digit.js';
import { ScanParseError } from './errors.js';
import { parseGs1 } from './parse-gs1.js';

const GS = '\u001d';
const pairs = (data: string, options?: { gsSubstitute?: string }) =>
  parseGs1(data, options).map((e) => [e.ai, e.value]);
const failure = (data: string) => {
  try {
    parseGs1(data);
  } catch (e) {
    expect(e).toBeInstanceOf(ScanParseError);
    return e as ScanParseError;
  }
  throw new Error(`expected ${JSON.stringify(data)} to be rejected`);
};

describe('isValidGs1CheckDigit', () => {
  it('accepts real GTIN-8/12/13/14 and SSCC numbers and rejects a changed digit', () => {
    for (const code of [
      '96385074',
      '036000291452',
      '4006381333931',
      '03760123456784',
      '376012345000000010',
    ]) {
      expect(isValidGs1CheckDigit(code)).toBe(true);
      const last = Number(code.slice(-1));
      expect(isValidGs1CheckDigit(code.slice(0, -1) + ((last + 1) % 10))).toBe(false);
    }
    expect(isValidGs1CheckDigit('12a4')).toBe(false);
    expect(isValidGs1CheckDigit('')).toBe(false);
  });
});

describe('parseGs1', () => {
  it('reads fixed-length AIs without separators and a variable one at the end (GS1-128, AIM prefix)', () => {
    expect(pairs(']C1010376012345678417251231' + '1012345ABC')).toEqual([
      ['01', '03760123456784'],
      ['17', '251231'],
      ['10', '12345ABC'],
    ]);
    expect(parseGs1('0103760123456784')[0]).toEqual({ ai: '01', value: '03760123456784', label: 'GTIN' });
  });

  it('rejects the GTIN of ]C1010376012345678912172512311012345ABC: its check digit should be 4', () => {
    const e = failure(']C1010376012345678912172512311012345ABC');
    expect(e.code).toBe('gs1_check_digit');
    expect(e.message).toContain('AI 01');
    expect(e.message).toContain('expected check digit 4, got 9');
  });

  it('ends a variable field at GS and goes on with fixed ones', () => {
    expect(pairs(`010376012345678410LOT-42${GS}17250630`)).toEqual([
      ['01', '03760123456784'],
      ['10', 'LOT-42'],
      ['17', '250630'],
    ]);
    expect(pairs(`21SN0001${GS}0103760123456784${GS}10A1`)).toEqual([
      ['21', 'SN0001'],
      ['01', '03760123456784'],
      ['10', 'A1'],
    ]);
  });

  it('reads GS1 DataMatrix data with the ]d2 prefix and with the leading FNC1 a decoder returns', () => {
    const data = `010376012345678421SN123456789${GS}17270131${GS}10LOT1`;
    const expected = [
      ['01', '03760123456784'],
      ['21', 'SN123456789'],
      ['17', '270131'],
      ['10', 'LOT1'],
    ];
    expect(pairs(`]d2${data}`)).toEqual(expected);
    expect(pairs(`${GS}${data}`)).toEqual(expected);
    expect(pairs(`]Q3${data}`)).toEqual(expected);
  });

  it('accepts a configured substitute for FNC1', () => {
    const expected = [
      ['01', '03760123456784'],
      ['10', 'LOT-42'],
      ['21', 'X9'],
    ];
    expect(pairs('010376012345678410LOT-42~21X9', { gsSubstitute: '~' })).toEqual(expected);
    expect(pairs('010376012345678410LOT-42<GS>21X9', { gsSubstitute: '<GS>' })).toEqual(expected);
    // Without the substitute configured, "~21X9" is part of the lot number.
    expect(pairs('010376012345678410LOT-42~21X9')).toEqual([
      ['01', '03760123456784'],
      ['10', 'LOT-42~21X9'],
    ]);
  });

  it('reads an SSCC pallet label: 00 + 02 + 37 + 400 + 420', () => {
    const label = [
      ']C1',
      '00376012345000000010',
      '0203760123456784',
      '3724',
      GS,
      '400PO-4711',
      GS,
      '42075001',
    ].join('');
    const elements = parseGs1(label);
    expect(elements.map((e) => [e.ai, e.value, e.label])).toEqual([
      ['00', '376012345000000010', 'SSCC'],
      ['02', '03760123456784', 'CONTENT'],
      ['37', '24', 'COUNT'],
      ['400', 'PO-4711', 'ORDER NUMBER'],
      ['420', '75001', 'SHIP TO POST'],
    ]);
  });

  it('reads weights (3103: kg with three decimals) and day 00 in a best-before date', () => {
    expect(pairs('0103760123456784' + '3103001250' + '15251200' + '10LOT9')).toEqual([
      ['01', '03760123456784'],
      ['3103', '001250'],
      ['15', '251200'],
      ['10', 'LOT9'],
    ]);
    expect(parseGs1('3302000815')[0]?.label).toBe('GROSS WEIGHT (kg)');
  });

  it('reads the bracketed human-readable form', () => {
    expect(pairs('(01)03760123456784(3103)001250(10)LOT 7')).toEqual([
      ['01', '03760123456784'],
      ['3103', '001250'],
      ['10', 'LOT 7'],
    ]);
  });

  it('accepts FNC1 after a fixed-length AI outside the predefined-length list, and its absence', () => {
    expect(pairs(`4103760123450003${GS}42075001`)).toEqual([
      ['410', '3760123450003'],
      ['420', '75001'],
    ]);
    expect(pairs('410376012345000342075001')).toEqual([
      ['410', '3760123450003'],
      ['420', '75001'],
    ]);
  });

  it('rejects bad check digits in SSCC, GTIN and GLN, naming the AI', () => {
    expect(failure('00376012345000000011').message).toMatch(/AI 00 \(SSCC\): expected check digit 0, got 1/);
    expect(failure('0103760123456785').message).toMatch(/AI 01 \(GTIN\)/);
    expect(failure('4103760123450004').message).toMatch(/AI 410/);
    expect(failure('0103760123456785').code).toBe('gs1_check_digit');
  });

  it('rejects a variable field longer than its maximum (a missing separator)', () => {
    const e = failure('0103760123456784' + '10ABCDEFGHIJKLMNOPQRSTU');
    expect(e.code).toBe('gs1_field_too_long');
    expect(e.message).toContain('AI 10 (BATCH/LOT): expected at most 20 characters, got 21');
    expect(failure(`400${'X'.repeat(31)}`).message).toContain('AI 400');
    expect(pairs(`400${'X'.repeat(30)}`)).toEqual([['400', 'X'.repeat(30)]]);
    // Lot then expiry without the FNC1 between them: the expiry is swallowed into the lot.
    expect(failure('10ABCDEFGHIJKLMN17251231').code).toBe('gs1_field_too_long');
  });

  it('validates YYMMDD dates for 11/13/15/17', () => {
    expect(failure('17251332').code).toBe('gs1_bad_date');
    expect(failure('17250230').message).toContain('AI 17 (USE BY)');
    expect(failure('11250229').code).toBe('gs1_bad_date');
    expect(pairs('11240229')).toEqual([['11', '240229']]);
    expect(failure('13251301').code).toBe('gs1_bad_date');
    expect(failure('1525AB01').code).toBe('gs1_not_numeric');
  });

  it('rejects short fixed fields, non-digits in numeric ones, unknown AIs and empty data', () => {
    expect(failure('01037601234567').code).toBe('gs1_field_short');
    expect(failure(`0103760123${GS}10A`).code).toBe('gs1_field_short');
    expect(failure('3103001A50').code).toBe('gs1_not_numeric');
    expect(failure('37ABC').message).toContain('AI 37 (COUNT)');
    expect(failure('0103760123456784230000').code).toBe('gs1_unknown_ai');
    expect(failure(']C1').code).toBe('gs1_empty');
    expect(failure(`10${GS}17251231`).code).toBe('gs1_field_empty');
  });
});
