/**
 * A USB scale in keyboard mode types its reading like a scanner: "1.234 kg", "0,850kg", "850 g",
 * "ST,GS,+  1.234kg" (some prefix the stability flags). Returns grams, or null when the text is not a
 * weight (then it is a barcode).
 */
export function parseScaleWeight(raw: string): number | null {
  const match = /([+-]?\d+(?:[.,]\d+)?)\s*(kg|g|lb|oz)\s*$/i.exec(raw.trim());
  if (!match?.[1] || !match[2]) return null;
  const value = Number(match[1].replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0) return null;
  const perUnit: Record<string, number> = { kg: 1000, g: 1, lb: 453.59237, oz: 28.349523125 };
  return Math.round(value * (perUnit[match[2].toLowerCase()] ?? 1));
}
