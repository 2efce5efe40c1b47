/**
 * The boxes and envelopes a packing station offers, as data: outer size in whole centimetres and the
 * empty weight, added to the contents when no scale reading is given. `custom` takes typed dimensions.
 */
export interface PackagingType {
  code: string;
  name: string;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  tareGrams: number;
}

export const PACKAGING_TYPES: readonly PackagingType[] = [
  { code: 'mailer', name: 'Padded envelope', lengthCm: 35, widthCm: 25, heightCm: 4, tareGrams: 40 },
  { code: 'box-s', name: 'Small box', lengthCm: 25, widthCm: 20, heightCm: 10, tareGrams: 150 },
  { code: 'box-m', name: 'Medium box', lengthCm: 40, widthCm: 30, heightCm: 20, tareGrams: 350 },
  { code: 'box-l', name: 'Large box', lengthCm: 60, widthCm: 40, heightCm: 40, tareGrams: 700 },
  { code: 'box-xl', name: 'Long box', lengthCm: 130, widthCm: 40, heightCm: 30, tareGrams: 1_200 },
  { code: 'tube', name: 'Poster tube', lengthCm: 100, widthCm: 10, heightCm: 10, tareGrams: 200 },
  { code: 'custom', name: 'Other (typed size)', lengthCm: 0, widthCm: 0, heightCm: 0, tareGrams: 0 },
];

export const defaultPackagingCode = 'box-m';

export function findPackagingType(code: string): PackagingType | undefined {
  return PACKAGING_TYPES.find((p) => p.code === code);
}
