import { describe, expect, it } from 'vitest';
import {
  dhlExpressCheckDigit,
  dhlIdentcodeCheckDigit,
  iso7064Mod3736,
  LabelError,
  mondialRelayControlDigit,
  type TrackingCarrier,
  ups1zCheckDigit,
  validateTrackingNumber,
} from '../../labels/index.js';

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof LabelError ? error.code : `not a LabelError: ${String(error)}`;
  }
  return undefined;
}

describe('carrier check digits against published examples', () => {
  // Valid UPS numbers published by tracking_number_data (couriers/ups.json) and UPS's own 1Z999AA10123456784.
  it.each([
    '1Z5R89390357567127',
    '1Z879E930346834440',
    '1Z410E7W0392751591',
    '1Z8V92A70367203024',
    '1Z999AA10123456784',
  ])('UPS %s', (code) => {
    expect(ups1zCheckDigit(code.slice(2, 17))).toBe(Number(code.at(-1)));
  });

  // DPD's 28-character barcodes from tracking_number_data (couriers/dpd.json), spaces removed.
  it.each(['008182709980000020033350276C', '008182709980000020045327276N'])('DPD %s', (code) => {
    expect(iso7064Mod3736(code.slice(0, 27))).toBe(code.at(-1));
  });

  it.each(['3318810025', '8487135506', '1099255990', '73891051146'])('DHL Express %s (mod 7)', (code) => {
    expect(dhlExpressCheckDigit(code.slice(0, -1))).toBe(Number(code.at(-1)));
  });

  it('DHL Paket Identcode 201298452277 (weights 4 and 9)', () => {
    expect(dhlIdentcodeCheckDigit('20129845227')).toBe(7);
  });

  it("Mondial Relay's worked example: X over 12123456780101 is 0, Y over 0662312345 is 11 − 7 = 4", () => {
    expect(mondialRelayControlDigit('12123456780101')).toBe(0);
    expect(mondialRelayControlDigit('0662312345')).toBe(4);
  });
});

describe('validateTrackingNumber', () => {
  it.each([
    ['ups', '1Z 5R8 939 03 5756 7127', '1Z5R89390357567127', 'check_digit'],
    ['dpd', '0081 827 0998 0000 0200 33 350 276 C', '008182709980000020033350276C', 'check_digit'],
    ['dpd', '09980000020033', '09980000020033', 'format'],
    ['dhl_express', '3318810025', '3318810025', 'check_digit'],
    ['dhl_paket', '201298452277', '201298452277', 'check_digit'],
    ['dhl_paket', '00340433836442636597', '00340433836442636597', 'check_digit'],
    ['dhl_paket', 'JJD1410302937991', 'JJD1410302937991', 'format'],
    ['colissimo', 'LA123456785FR', 'LA123456785FR', 'check_digit'],
    ['colissimo', '6A12345678901', '6A12345678901', 'format'],
    ['chronopost', 'XW123456785FR', 'XW123456785FR', 'check_digit'],
    ['upu', 'RR000000080DE', 'RR000000080DE', 'check_digit'],
    ['mondial_relay', '12345678', '12345678', 'format'],
    ['mondial_relay', '12123456780101006623123454', '12123456780101006623123454', 'check_digit'],
    ['gls', '12345678901', '12345678901', 'format'],
  ] as const)('%s %s is valid', (carrier, raw, value, verifiedBy) => {
    expect(validateTrackingNumber(carrier, raw)).toEqual({ carrier, value, verifiedBy });
  });

  it.each([
    ['ups', '1Z5R89390357567128'],
    ['dpd', '008182709980000020033350276A'],
    ['dhl_express', '3318810010'],
    ['dhl_paket', '201298452278'],
    ['dhl_paket', '00340433836442636598'],
    ['colissimo', 'LA123456784FR'],
    ['mondial_relay', '12123456780101106623123454'],
  ] as const)('%s %s has a bad check character', (carrier, raw) => {
    expect(errorCode(() => validateTrackingNumber(carrier as TrackingCarrier, raw))).toBe(
      'check_digit_invalid',
    );
  });

  it.each([
    ['ups', '2Z5R89390357567127'],
    ['dpd', 'ABC'],
    ['mondial_relay', '1234567'],
    ['gls', 'GLS-1'],
  ] as const)('%s %s has the wrong shape', (carrier, raw) => {
    expect(errorCode(() => validateTrackingNumber(carrier, raw))).toBe('input_invalid');
  });
});
