/**
 * What each carrier service takes, as data. Figures are the carrier's published maxima for one parcel;
 * each entry names where they were read. `girth` is length + 2 × width + 2 × height; `sum` is
 * length + width + height. Services whose contract varies (country, account) keep the common figure.
 */
export interface CarrierService {
  carrier: string;
  service: string;
  /** Human name for reasons and suggestions. */
  name: string;
  maxWeightGrams: number;
  maxLengthCm: number;
  /** Second and third sides, where the carrier limits them. */
  maxWidthCm?: number;
  maxHeightCm?: number;
  maxSumCm?: number;
  maxGirthCm?: number;
  isTracked: boolean;
  source: string;
}

export const CARRIER_SERVICES: readonly CarrierService[] = [
  {
    // colissimo.entreprise.laposte.fr/en/expedier ("Admitted non-mechanisable": ≤ 30 kg, L+l+h ≤ 200 cm,
    // L ≤ 200 cm; past 150 cm / 100 cm it is non-mechanisable and costs a surcharge).
    carrier: 'colissimo',
    service: 'home',
    name: 'Colissimo Domicile',
    maxWeightGrams: 30_000,
    maxLengthCm: 200,
    maxSumCm: 200,
    isTracked: true,
    source: 'https://www.colissimo.entreprise.laposte.fr/en/expedier',
  },
  {
    // Same page, "in relays": ≤ 20 kg, L+l+h ≤ 150 cm and L ≤ 100 cm.
    carrier: 'colissimo',
    service: 'relay',
    name: 'Colissimo Point Retrait',
    maxWeightGrams: 20_000,
    maxLengthCm: 100,
    maxSumCm: 150,
    isTracked: true,
    source: 'https://www.colissimo.entreprise.laposte.fr/en/expedier',
  },
  {
    // 30 kg, longest side 150 cm, L + 2h + 2l ≤ 300 cm (conseils-finance.fr summary of Chronopost's terms;
    // no Chronopost page was found in the search index).
    carrier: 'chronopost',
    service: 'chrono13',
    name: 'Chronopost Chrono 13',
    maxWeightGrams: 30_000,
    maxLengthCm: 150,
    maxGirthCm: 300,
    isTracked: true,
    source:
      'https://www.conseils-finance.fr/colis-postal-taille-normes-dimensionnelles-selon-operateurs-postaux/',
  },
  {
    // Point Relais: 30 kg, L+l+h ≤ 150 cm, longest side 120 cm. Secondary sources only (cosycolis.com,
    // mustparis.com); Mondial Relay's own page was not in the search index.
    carrier: 'mondial_relay',
    service: '24R',
    name: 'Mondial Relay Point Relais (24R)',
    maxWeightGrams: 30_000,
    maxLengthCm: 120,
    maxSumCm: 150,
    isTracked: true,
    source: 'https://cosycolis.com/dimension-colis-poste/',
  },
  {
    // dpd.com: "Length: max. 175 cm (longest side) Girth: max. 300 cm Weight: max. 31,5 kg".
    carrier: 'dpd',
    service: 'classic',
    name: 'DPD Classic',
    maxWeightGrams: 31_500,
    maxLengthCm: 175,
    maxGirthCm: 300,
    isTracked: true,
    source:
      'http://www.dpd.com/ch_en/home/donnees_d_expedition/informations_d_expedition_generales/poids_dimensions',
  },
  {
    // GLS BusinessParcel: up to 40 kg, 200 cm long, 80 wide, 60 high, girth 3 m (a GLS customer's
    // summary, schwaiger-heizoel.de; GLS's own page was not in the search index).
    carrier: 'gls',
    service: 'business_parcel',
    name: 'GLS BusinessParcel',
    maxWeightGrams: 40_000,
    maxLengthCm: 200,
    maxWidthCm: 80,
    maxHeightCm: 60,
    maxGirthCm: 300,
    isTracked: true,
    source: 'https://schwaiger-heizoel.de/servicebereich/paketdienste/',
  },
  {
    // UPS: length ≤ 270 cm, length + 2 × width + 2 × height ≤ 419 cm; 70 kg per package (Amazon's
    // partnered-carrier help page quoting UPS; weight from the same family of UPS terms).
    carrier: 'ups',
    service: 'standard',
    name: 'UPS Standard',
    maxWeightGrams: 70_000,
    maxLengthCm: 270,
    maxGirthCm: 419,
    isTracked: true,
    source: 'https://sellercentral.amazon.fr/gp/help/external/help.html?itemID=P93DA9U9D8QC7KH',
  },
  {
    // DHL Paket: 120 × 60 × 60 cm, 31.5 kg (Amazon "DHL-managed" help page; shipcloud's DHL table agrees).
    carrier: 'dhl_paket',
    service: 'paket',
    name: 'DHL Paket',
    maxWeightGrams: 31_500,
    maxLengthCm: 120,
    maxWidthCm: 60,
    maxHeightCm: 60,
    maxGirthCm: 360,
    isTracked: true,
    source:
      'https://support.shipcloud.io/en/articles/2647339-what-are-the-maximum-dimensions-and-weight-restrictions',
  },
];

export function findCarrierService(carrier: string, service: string): CarrierService | undefined {
  return CARRIER_SERVICES.find((entry) => entry.carrier === carrier && entry.service === service);
}
