/**
 * Mirakl sends `country_iso_code` as ISO 3166-1 alpha-3 ("FRA"); our addresses use alpha-2. The table
 * covers Europe, the French overseas territories and the usual cross-border destinations; an unknown
 * code makes the order malformed rather than guessed.
 */
const ALPHA3_TO_ALPHA2: Readonly<Record<string, string>> = {
  FRA: 'FR', MCO: 'MC', AND: 'AD', GLP: 'GP', MTQ: 'MQ', GUF: 'GF', REU: 'RE', MYT: 'YT', SPM: 'PM',
  BLM: 'BL', MAF: 'MF', NCL: 'NC', PYF: 'PF', WLF: 'WF', DEU: 'DE', BEL: 'BE', LUX: 'LU', CHE: 'CH',
  LIE: 'LI', ITA: 'IT', SMR: 'SM', VAT: 'VA', ESP: 'ES', PRT: 'PT', NLD: 'NL', AUT: 'AT', IRL: 'IE',
  GBR: 'GB', POL: 'PL', CZE: 'CZ', SVK: 'SK', HUN: 'HU', ROU: 'RO', BGR: 'BG', GRC: 'GR', HRV: 'HR',
  SVN: 'SI', DNK: 'DK', SWE: 'SE', FIN: 'FI', NOR: 'NO', ISL: 'IS', EST: 'EE', LVA: 'LV', LTU: 'LT',
  MLT: 'MT', CYP: 'CY', SRB: 'RS', UKR: 'UA', TUR: 'TR', USA: 'US', CAN: 'CA', MEX: 'MX', BRA: 'BR',
  AUS: 'AU', NZL: 'NZ', JPN: 'JP', CHN: 'CN', HKG: 'HK', SGP: 'SG', KOR: 'KR', IND: 'IN', ISR: 'IL',
  ARE: 'AE', SAU: 'SA', MAR: 'MA', TUN: 'TN', DZA: 'DZ', SEN: 'SN', CIV: 'CI', ZAF: 'ZA',
};

/** Alpha-2 for an alpha-3 (or already alpha-2) code, or null when unknown. */
export function toAlpha2(code: string): string | null {
  const upper = code.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return upper;
  return ALPHA3_TO_ALPHA2[upper] ?? null;
}
