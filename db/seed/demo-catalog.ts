/**
 * The demo merchant's catalogue: a small French home-and-garden seller. Used by `npm start` to seed the
 * embedded database and by the marketplace simulator to generate orders for products that exist.
 */
export interface DemoProduct {
  sku: string;
  name: string;
  ean: string;
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  priceMinor: number;
  /** Bin code and quantity the demo warehouse starts with. */
  bin: string;
  onHand: number;
}

/** GS1 mod-10 check digit for the first 12 digits of an EAN-13. */
function ean13(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}

export const demoCatalog: DemoProduct[] = [
  ['ARR-1050', 'Arrosoir galvanisé 10 L', '376012345001', 1450, 520, 220, 380, 2990, 'A-01-01-1', 40],
  ['SEC-220', 'Sécateur à lame franche', '376012345002', 240, 210, 60, 25, 1890, 'A-01-02-1', 120],
  ['GAN-M', 'Gants de jardinage cuir, taille M', '376012345003', 110, 250, 120, 20, 990, 'A-02-01-1', 200],
  ['GAN-L', 'Gants de jardinage cuir, taille L', '376012345004', 120, 260, 125, 20, 990, 'A-02-01-2', 150],
  ['TER-40', 'Terreau universel 40 L', '376012345005', 16000, 700, 400, 120, 1290, 'B-01-01-1', 60],
  ['POT-30T', 'Pot en terre cuite Ø30 cm', '376012345006', 3200, 300, 300, 260, 2490, 'B-02-01-1', 35],
  [
    'LAM-SOL',
    'Lampe solaire de jardin (lot de 4)',
    '376012345007',
    900,
    350,
    200,
    120,
    3490,
    'C-01-01-1',
    80,
  ],
  [
    'TUY-25',
    'Tuyau d’arrosage 25 m avec raccords',
    '376012345008',
    2800,
    400,
    400,
    150,
    3990,
    'C-01-02-1',
    25,
  ],
  ['NIC-BOIS', 'Nichoir à mésanges en bois', '376012345009', 650, 250, 180, 180, 2290, 'C-02-01-1', 45],
  ['GRA-TOM', 'Graines de tomates anciennes', '376012345010', 20, 120, 90, 5, 390, 'A-03-01-1', 500],
  ['BAL-FEU', 'Balai à feuilles réglable', '376012345011', 780, 1500, 500, 80, 1990, 'D-01-01-1', 30],
  ['PUL-5L', 'Pulvérisateur à pression 5 L', '376012345012', 1300, 450, 200, 200, 2690, 'D-01-02-1', 3],
].map(([sku, name, ean, weightGrams, lengthMm, widthMm, heightMm, priceMinor, bin, onHand]) => ({
  sku: sku as string,
  name: name as string,
  ean: ean13(ean as string),
  weightGrams: weightGrams as number,
  lengthMm: lengthMm as number,
  widthMm: widthMm as number,
  heightMm: heightMm as number,
  priceMinor: priceMinor as number,
  bin: bin as string,
  onHand: onHand as number,
}));
