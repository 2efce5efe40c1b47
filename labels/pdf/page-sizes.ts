import type { LabelSize } from '../label-model.js';

const POINTS_PER_MM = 72 / 25.4;

/** Portrait page sizes in PDF points (width, height). */
export const LABEL_PAGE_SIZES: Record<LabelSize, readonly [number, number]> = {
  '4x6': [4 * 72, 6 * 72],
  '10x15': [100 * POINTS_PER_MM, 150 * POINTS_PER_MM],
  A6: [105 * POINTS_PER_MM, 148 * POINTS_PER_MM],
};
