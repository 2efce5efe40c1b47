import { CarrierError } from '../carrier.js';

// DHL Parcel DE wants ISO 3166-1 alpha-3; we hold alpha-2. The countries DHL Paket serves from Germany
// most (EU, EEA, UK, CH and a few more); anything else is refused with the code to add here.
const ALPHA3: Record<string, string> = {
  AT: 'AUT',
  BE: 'BEL',
  BG: 'BGR',
  CH: 'CHE',
  CY: 'CYP',
  CZ: 'CZE',
  DE: 'DEU',
  DK: 'DNK',
  EE: 'EST',
  ES: 'ESP',
  FI: 'FIN',
  FR: 'FRA',
  GB: 'GBR',
  GR: 'GRC',
  HR: 'HRV',
  HU: 'HUN',
  IE: 'IRL',
  IS: 'ISL',
  IT: 'ITA',
  LI: 'LIE',
  LT: 'LTU',
  LU: 'LUX',
  LV: 'LVA',
  MC: 'MCO',
  MT: 'MLT',
  NL: 'NLD',
  NO: 'NOR',
  PL: 'POL',
  PT: 'PRT',
  RO: 'ROU',
  SE: 'SWE',
  SI: 'SVN',
  SK: 'SVK',
  TR: 'TUR',
  US: 'USA',
  CA: 'CAN',
};

export function alpha3(alpha2: string): string {
  const code = ALPHA3[alpha2.toUpperCase()];
  if (!code)
    throw new CarrierError(
      `DHL Parcel DE: no ISO alpha-3 code known for country ${alpha2}.`,
      'carrier_input_invalid',
      false,
    );
  return code;
}

export function alpha2(alpha3Code: string): string {
  return Object.entries(ALPHA3).find(([, three]) => three === alpha3Code)?.[0] ?? alpha3Code.slice(0, 2);
}
