/**
 * Exact decimal → integer minor units. Marketplaces send amounts as decimal strings or JSON numbers;
 * multiplying a float by 100 turns 0.29 into 28.999…, so the digits are handled as text instead.
 */

/** ISO 4217 minor-unit exponents that differ from the common 2. */
const EXPONENT_OVERRIDES: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

export class MoneyParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyParseError';
  }
}

/** Minor-unit exponent of an ISO 4217 currency (EUR 2, JPY 0, KWD 3). Codes not listed use 2, as most do. */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new MoneyParseError(`"${currency}" is not an ISO 4217 currency code`);
  return EXPONENT_OVERRIDES[code] ?? 2;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

export interface ParseDecimalOptions {
  /** Refunds and balances may be negative; prices may not. Default false. */
  allowNegative?: boolean;
}

/**
 * Parses "12.30", "12.3", "1e2" or the number 12.3 into minor units (1230 for EUR). Numbers go through
 * their shortest round-trip string, which is the decimal the sender wrote. More decimals than the currency
 * allows are rejected unless they are zeros ("12.300" is fine for EUR, "12.301" is not).
 */
export function parseDecimalToMinor(
  value: string | number,
  currency: string,
  options: ParseDecimalOptions = {},
): number {
  const exponent = currencyExponent(currency);
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new MoneyParseError(`${value} is not a finite amount`);
  }
  const text = typeof value === 'number' ? String(value) : value;
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyParseError(`"${text}" is not a decimal amount`);
  const [, sign, intPart = '', fracPart = '', expPart] = match;
  const shift = expPart === undefined ? 0 : Number(expPart);

  // Move the decimal point by the scientific exponent first, then by the currency exponent.
  let digits = intPart + fracPart;
  let pointAt = intPart.length + shift + exponent;
  if (pointAt < 0) {
    digits = '0'.repeat(-pointAt) + digits;
    pointAt = 0;
  }
  if (pointAt > digits.length) digits += '0'.repeat(pointAt - digits.length);
  const whole = digits.slice(0, pointAt);
  const rest = digits.slice(pointAt);
  if (/[^0]/.test(rest)) {
    throw new MoneyParseError(
      `"${text}" has more decimals than ${currency.toUpperCase()} allows (${exponent})`,
    );
  }
  const minor = Number(whole === '' ? '0' : whole);
  if (!Number.isSafeInteger(minor)) throw new MoneyParseError(`"${text}" is too large`);
  if (sign === '-' && minor !== 0) {
    if (!options.allowNegative) throw new MoneyParseError(`"${text}" is negative`);
    return -minor;
  }
  return minor;
}

/** Integer minor units → the exact decimal string a marketplace file expects (1290 EUR → "12.90"). */
export function formatMinor(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor))
    throw new MoneyParseError(`${minor} is not a whole number of minor units`);
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
