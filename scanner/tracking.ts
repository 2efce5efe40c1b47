/**
 * Parcel tracking numbers that can be told apart from anything else we scan by their shape and check
 * digit: UPU S10 (postal: `RR123456785GB`) and UPS (`1Z…`). Digits-only carrier numbers are not claimed:
 * they collide with GTINs and order numbers.
 */
export type TrackingCheck = { isTracking: false } | { isTracking: true; error?: string };

const s10Weights = [8, 6, 4, 2, 3, 5, 9, 7];

export function checkTrackingNumber(value: string): TrackingCheck {
  const s10 = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(value);
  if (s10) {
    const serial = s10[1] ?? '';
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (serial.charCodeAt(i) - 48) * (s10Weights[i] ?? 0);
    const rest = 11 - (sum % 11);
    const expected = rest === 10 ? 0 : rest === 11 ? 5 : rest;
    return String(expected) === s10[2]
      ? { isTracking: true }
      : { isTracking: true, error: `UPU S10 ${value}: expected check digit ${expected}, got ${s10[2]}` };
  }
  if (/^1Z[0-9A-Z]{16}$/.test(value)) {
    const expected = upsCheckDigit(value.slice(2, 17));
    return String(expected) === value[17]
      ? { isTracking: true }
      : { isTracking: true, error: `UPS ${value}: expected check digit ${expected}, got ${value[17]}` };
  }
  return { isTracking: false };
}

/** UPS mod-10: letters count as (code − 63) mod 10 (A = 2 … I = 0), every second character doubled. */
function upsCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const digit = c >= 65 ? (c - 63) % 10 : c - 48;
    sum += i % 2 === 1 ? digit * 2 : digit;
  }
  return (10 - (sum % 10)) % 10;
}
