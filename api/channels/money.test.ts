import { describe, expect, it } from 'vitest';
import { currencyExponent, MoneyParseError, parseDecimalToMinor } from './money.js';

describe('parseDecimalToMinor', () => {
  it('parses decimal strings exactly', () => {
    expect(parseDecimalToMinor('12.30', 'EUR')).toBe(1230);
    expect(parseDecimalToMinor('12.3', 'EUR')).toBe(1230);
    expect(parseDecimalToMinor('12', 'EUR')).toBe(1200);
    expect(parseDecimalToMinor('0.29', 'EUR')).toBe(29);
    expect(parseDecimalToMinor('0', 'USD')).toBe(0);
    expect(parseDecimalToMinor('1.005', 'KWD')).toBe(1005);
  });

  it('parses numbers through their shortest string, never through float multiplication', () => {
    // 0.29 * 100 === 28.999999999999996 and 1.15 * 100 === 114.99999999999999 in float arithmetic.
    expect(parseDecimalToMinor(0.29, 'EUR')).toBe(29);
    expect(parseDecimalToMinor(1.15, 'EUR')).toBe(115);
    expect(parseDecimalToMinor(4.35, 'EUR')).toBe(435);
    expect(parseDecimalToMinor(165, 'USD')).toBe(16500);
    expect(parseDecimalToMinor(21.3, 'GBP')).toBe(2130);
    expect(parseDecimalToMinor(1e10, 'EUR')).toBe(1_000_000_000_000);
  });

  it('handles scientific notation', () => {
    expect(parseDecimalToMinor('1e2', 'EUR')).toBe(10000);
    expect(parseDecimalToMinor('1.5E1', 'EUR')).toBe(1500);
    expect(parseDecimalToMinor(1e-2, 'EUR')).toBe(1);
    expect(() => parseDecimalToMinor(1e-7, 'EUR')).toThrow(MoneyParseError);
  });

  it('uses the ISO 4217 exponent of the currency', () => {
    expect(parseDecimalToMinor('1500', 'JPY')).toBe(1500);
    expect(parseDecimalToMinor('1500.00', 'JPY')).toBe(1500);
    expect(() => parseDecimalToMinor('1500.5', 'JPY')).toThrow(/more decimals than JPY allows/);
    expect(parseDecimalToMinor('9.99', 'usd')).toBe(999);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('BHD')).toBe(3);
  });

  it('accepts extra decimals only when they are zeros', () => {
    expect(parseDecimalToMinor('12.300', 'EUR')).toBe(1230);
    expect(() => parseDecimalToMinor('12.301', 'EUR')).toThrow(/more decimals than EUR allows/);
  });

  it('rejects garbage', () => {
    for (const bad of ['', ' ', 'abc', '12,30', '1.2.3', '.5', '5.', '+5', '1 000', '0x10', 'NaN']) {
      expect(() => parseDecimalToMinor(bad, 'EUR'), bad).toThrow(MoneyParseError);
    }
    expect(() => parseDecimalToMinor(Number.NaN, 'EUR')).toThrow(MoneyParseError);
    expect(() => parseDecimalToMinor(Number.POSITIVE_INFINITY, 'EUR')).toThrow(MoneyParseError);
    expect(() => parseDecimalToMinor('1', 'EURO')).toThrow(/ISO 4217/);
    expect(() => parseDecimalToMinor('99999999999999999999', 'EUR')).toThrow(/too large/);
  });

  it('rejects negatives unless asked to allow them', () => {
    expect(() => parseDecimalToMinor('-1.00', 'EUR')).toThrow(/negative/);
    expect(() => parseDecimalToMinor(-170.06, 'EUR')).toThrow(/negative/);
    expect(parseDecimalToMinor(-170.06, 'EUR', { allowNegative: true })).toBe(-17006);
    expect(parseDecimalToMinor('-0.00', 'EUR')).toBe(0);
  });
});
