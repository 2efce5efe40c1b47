/** The per-channel share of available stock; a product rule overrides the channel's default. */
export interface AllocationRule {
  bufferUnits: number;
  sharePercent: number;
  capUnits: number | null;
  zeroBelow: number;
}

export const openRule: AllocationRule = { bufferUnits: 0, sharePercent: 100, capUnits: null, zeroBelow: 0 };

/**
 * What a channel is shown out of `available`. The threshold looks at the real available stock: with 2
 * left and a zero-below of 3, every channel shows 0 whatever its share. Shares round down so the sum of
 * what channels show never exceeds what we have.
 */
export function applyAllocationRule(available: number, rule: AllocationRule): number {
  if (available <= 0 || available < rule.zeroBelow) return 0;
  const afterBuffer = Math.max(0, available - rule.bufferUnits);
  let quantity = Math.floor((afterBuffer * rule.sharePercent) / 100);
  if (rule.capUnits !== null) quantity = Math.min(quantity, rule.capUnits);
  return Math.max(0, quantity);
}
