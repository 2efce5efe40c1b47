import type { LabelSize } from '../label-model.js';

const POINTS_PER_MM = 72 / 25.4;

/** Portrait page sizes in PDF points (width, height). */
export const LABEL_PAGE_SIZES: Record<LabelSize, readonly [number, number]> = {
  '4x6': [4 * 72, 6 * 72],
  '10x15': [100 * POINTS_PER_MM, 150 * POINTS_PER_MM],
  A6: [105 * POINTS_PER_MM, 148 * POINTS_PER_MM],
};

export const A4_SIZE = [210 * POINTS_PER_MM, 297 * POINTS_PER_MM] as const;

/** The four A6 quarters of an A4 sheet, reading order (top left first); A6 is exactly a quarter of A4. */
export const A4_FOUR_UP_FRAMES = [
  { x: 0, y: A4_SIZE[1] / 2, width: A4_SIZE[0] / 2, height: A4_SIZE[1] / 2 },
  { x: A4_SIZE[0] / 2, y: A4_SIZE[1] / 2, width: A4_SIZE[0] / 2, height: A4_SIZE[1] / 2 },
  { x: 0, y: 0, width: A4_SIZE[0] / 2, height: A4_SIZE[1] / 2 },
  { x: A4_SIZE[0] / 2, y: 0, width: A4_SIZE[0] / 2, height: A4_SIZE[1] / 2 },
] as const;
