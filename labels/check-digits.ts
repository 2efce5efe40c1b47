import { LabelError } from './label-error.js';

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const S10_PATTERN = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

/**
 * GS1 mod-10 check digit of a body without its check digit (GTIN-8/12/13/14 → 7/11/12/13 digits,
 * SSCC-18 → 17 digits). Weights 3,1,3… start from the rightmost digit, so one rule serves every length.
 */
export function gs1CheckDigit(digits: string): number {
  if (!/^\d{1,17}$/.test(digits)) {
    throw new LabelError('input_invalid', 'A GS1 check digit needs a body of 1 to 17 digits.');
  }
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True for a GTIN-8, -12, -13 or -14 whose last digit is its check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^\d+$/.test(code) || !GTIN_LENGTHS.has(code.length)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/** UPU S10 check digit over the 8-digit serial number. */
export function s10CheckDigit(serial8: string): number {
  if (!/^\d{8}$/.test(serial8)) {
    throw new LabelError('input_invalid', 'An S10 serial number is exactly 8 digits.');
  }
  let sum = 0;
  for (const [i, weight] of S10_WEIGHTS.entries()) {
    sum += (serial8.charCodeAt(i) - 48) * weight;
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}

/** Builds an S10 item identifier such as `LA123456785FR`: service indicator, serial, check digit, country. */
export function formatS10(prefix2: string, serial: number, country2: string): string {
  if (!/^[A-Z]{2}$/.test(prefix2)) {
    throw new LabelError('input_invalid', 'An S10 service indicator is two capital letters.');
  }
  if (!/^[A-Z]{2}$/.test(country2)) {
    throw new LabelError('input_invalid', 'An S10 country code is two capital letters.');
  }
  if (!Number.isSafeInteger(serial) || serial < 0 || serial > 99_999_999) {
    throw new LabelError('input_invalid', 'An S10 serial number is an integer from 0 to 99999999.');
  }
  const serial8 = String(serial).padStart(8, '0');
  return `${prefix2}${serial8}${s10CheckDigit(serial8)}${country2}`;
}

/** True for a 13-character S10 identifier whose ninth digit checks out. */
export function isValidS10(code: string): boolean {
  const match = S10_PATTERN.exec(code);
  if (!match) return false;
  const [, , serial8, check] = match;
  return serial8 !== undefined && s10CheckDigit(serial8) === Number(check);
}

/** Throws `check_digit_invalid` unless `code` is a well-formed GTIN: for values about to be printed. */
export function assertValidGtin(code: string): void {
  if (!isValidGtin(code)) {
    throw new LabelError('check_digit_invalid', `"${code}" is not a GTIN with a correct check digit.`);
  }
}

/** Throws `check_digit_invalid` unless `code` is a well-formed S10 identifier. */
export function assertValidS10(code: string): void {
  if (!isValidS10(code)) {
    throw new LabelError(
      'check_digit_invalid',
      `"${code}" is not an S10 identifier with a correct check digit.`,
    );
  }
}
