import type { ShippingLabel } from '../../labels/index.js';

export const UPS_TRACKING = '1Z5R89390357567127';

/** A label whose addresses use letters from across Europe, as the sorting centre must read them. */
export function aLabel(overrides: Partial<ShippingLabel> = {}): ShippingLabel {
  return {
    size: '4x6',
    carrier: { code: 'ups', name: 'UPS', service: 'Standard' },
    trackingNumber: UPS_TRACKING,
    barcode: { symbology: 'code128', value: UPS_TRACKING },
    secondaryBarcode: { symbology: 'datamatrix', value: 'ROUTE:PL-90-001|1Z5R89390357567127' },
    shipFrom: {
      name: 'Entrepôt Nord',
      company: 'Ærøskøbing Handel ApS',
      line1: 'Große Straße 12 ^XZ ~JR _1',
      line2: null,
      postalCode: '5970',
      city: 'Ærøskøbing',
      countryCode: 'DK',
      phone: null,
    },
    shipTo: {
      name: 'Antonín Dvořák',
      company: 'Ελληνικά Προϊόντα',
      line1: 'ul. Piotrkowska 104',
      line2: 'Mieszkanie 7, Şişli, Žižkov, Őrség',
      postalCode: '90-001',
      city: 'Łódź',
      countryCode: 'PL',
      phone: '+48 42 123 45 67',
    },
    reference: 'ord_01hzx3k9q7',
    channelName: 'Allegro',
    channelOrderId: 'ALG-558812',
    weightGrams: 1250,
    parcel: { index: 1, count: 2 },
    createdAt: '2025-03-04T10:15:00Z',
    ...overrides,
  };
}

/** UPS's MaxiCode message, as a reader returns it (ISO 15434: [)>␞01␝96 postal␝country␝class␝…). */
export const UPS_MAXICODE =
  '[)>\x1e01\x1d96152382802\x1d840\x1d001\x1d1Z5R8939\x1dUPSN\x1d5R8939\x1d159\x1d\x1d1/1\x1d2.5\x1dY\x1d634 ALPHA DR\x1dPITTSBURGH\x1dPA\x1e\x04';
