import {
  dhlExpressCheckDigit,
  dhlIdentcodeCheckDigit,
  iso7064Mod3736,
  mondialRelayControlDigit,
  ups1zCheckDigit,
} from './carrier-check-digits.js';
import { gs1CheckDigit, isValidS10 } from './check-digits.js';
import { LabelError } from './label-error.js';

export const TRACKING_CARRIERS = [
  'colissimo',
  'chronopost',
  'mondial_relay',
  'dpd',
  'gls',
  'ups',
  'dhl_express',
  'dhl_paket',
  'upu',
] as const;
export type TrackingCarrier = (typeof TRACKING_CARRIERS)[number];

export interface ValidTrackingNumber {
  carrier: TrackingCarrier;
  /** Capitals, no spaces: the form printed and pushed to channels. */
  value: string;
  /** `check_digit` when a check character was verified; `format` when the carrier publishes none. */
  verifiedBy: 'check_digit' | 'format';
}

type Rule = (value: string) => 'check_digit' | 'format' | 'bad_check' | 'bad_format';

const s10: Rule = (value) => {
  if (!/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(value)) return 'bad_format';
  return isValidS10(value) ? 'check_digit' : 'bad_check';
};

const RULES: Record<TrackingCarrier, { expected: string; rule: Rule }> = {
  upu: { expected: 'a UPU S10 identifier such as RA123456785FR', rule: s10 },
  colissimo: {
    expected:
      'an S10 identifier (e.g. LA123456785FR) or a 13-character Colissimo number (e.g. 6A12345678901)',
    // Domestic Colissimo numbers carry no check digit that La Poste publishes: their format is checked.
    rule: (value) => (/^\d[A-Z]\d{11}$/.test(value) ? 'format' : s10(value)),
  },
  chronopost: { expected: 'an S10-format Chronopost number such as XW123456785FR', rule: s10 },
  ups: {
    expected: '1Z followed by 16 digits or capital letters, the last a check digit',
    rule: (value) => {
      if (!/^1Z[0-9A-Z]{15}\d$/.test(value)) return 'bad_format';
      return ups1zCheckDigit(value.slice(2, 17)) === Number(value.at(-1)) ? 'check_digit' : 'bad_check';
    },
  },
  dpd: {
    expected: 'a 14-character DPD parcel number followed by its check character, or the 28-character barcode',
    rule: (value) => {
      if (/^[0-9A-Z]{15}$/.test(value) || /^\d{27}[0-9A-Z]$/.test(value)) {
        return iso7064Mod3736(value.slice(0, -1)) === value.at(-1) ? 'check_digit' : 'bad_check';
      }
      // The 14-character parcel number alone is what DPD's tracking pages accept.
      return /^\d{14}$/.test(value) ? 'format' : 'bad_format';
    },
  },
  gls: {
    // GLS publishes no check digit for its parcel numbers; 11 or 12 digits, or the 8-character track id.
    expected: 'an 11- or 12-digit GLS parcel number or an 8-character track id',
    rule: (value) => (/^(\d{11,12}|[0-9A-Z]{8})$/.test(value) ? 'format' : 'bad_format'),
  },
  dhl_express: {
    expected: 'a 10- or 11-digit DHL Express waybill number whose last digit is the rest modulo 7',
    rule: (value) => {
      if (!/^\d{10,11}$/.test(value)) return 'bad_format';
      return dhlExpressCheckDigit(value.slice(0, -1)) === Number(value.at(-1)) ? 'check_digit' : 'bad_check';
    },
  },
  dhl_paket: {
    expected: 'a 12-digit Identcode, a 20-digit DHL Paket number, or a JJD piece number',
    rule: (value) => {
      if (/^JJD\d{10,18}$/.test(value)) return 'format';
      if (/^\d{12}$/.test(value)) {
        return dhlIdentcodeCheckDigit(value.slice(0, 11)) === Number(value.at(-1))
          ? 'check_digit'
          : 'bad_check';
      }
      if (/^\d{20}$/.test(value)) {
        return gs1CheckDigit(value.slice(2, 19)) === Number(value.at(-1)) ? 'check_digit' : 'bad_check';
      }
      return 'bad_format';
    },
  },
  mondial_relay: {
    expected: 'an 8-digit Mondial Relay shipment number or its 26-digit barcode',
    rule: (value) => {
      // The 8-digit shipment number has no check digit of its own.
      if (/^\d{8}$/.test(value)) return 'format';
      if (!/^\d{26}$/.test(value)) return 'bad_format';
      const first = mondialRelayControlDigit(value.slice(0, 14));
      const second = mondialRelayControlDigit(value.slice(15, 25));
      if (
        (first !== null && first !== Number(value[14])) ||
        (second !== null && second !== Number(value[25]))
      ) {
        return 'bad_check';
      }
      return first === null || second === null ? 'format' : 'check_digit';
    },
  },
};

/**
 * Normalises and checks a tracking number before it is printed or pushed: a bad check character is
 * `check_digit_invalid`, a wrong shape `input_invalid`, each with the expected form in the message.
 */
export function validateTrackingNumber(carrier: TrackingCarrier, raw: string): ValidTrackingNumber {
  const entry = RULES[carrier];
  if (!entry) throw new LabelError('input_invalid', `Unknown carrier "${carrier}".`);
  const value = raw.replace(/\s+/g, '').toUpperCase();
  const outcome = entry.rule(value);
  if (outcome === 'bad_format') {
    throw new LabelError('input_invalid', `"${raw}" is not ${entry.expected}.`);
  }
  if (outcome === 'bad_check') {
    throw new LabelError(
      'check_digit_invalid',
      `"${raw}" has a wrong check character: expected ${entry.expected}.`,
    );
  }
  return { carrier, value, verifiedBy: outcome };
}
