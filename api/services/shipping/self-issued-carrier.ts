/**
 * The carrier used until real carrier adapters are configured: numbers from our own S10 range, labels
 * rendered by us. Overridable through environment for a real contract's prefix and bounds.
 */
export const selfIssuedCarrier = {
  code: 'SELF',
  name: process.env.SELF_CARRIER_NAME ?? 'Transporteur (auto-émis)',
  service: 'STANDARD',
  trackingUrl: process.env.SELF_CARRIER_TRACKING_URL ?? null,
  range: {
    id: 'self-issued',
    prefix: process.env.SELF_TRACKING_PREFIX ?? 'SD',
    country: process.env.SELF_TRACKING_COUNTRY ?? 'FR',
    first: 1,
    last: 99_999_999,
  },
};

/** The sender printed on labels; production sets SHIP_FROM_JSON to the warehouse's address. */
export const shipFrom = process.env.SHIP_FROM_JSON
  ? JSON.parse(process.env.SHIP_FROM_JSON)
  : {
      name: 'Entrepôt Jardin & Maison',
      company: 'Jardin & Maison SAS',
      line1: '12 rue des Entrepôts',
      line2: null,
      postalCode: '69007',
      city: 'Lyon',
      countryCode: 'FR',
      phone: null,
    };
