/**
 * Units the channel cancelled off a line, out of what was ordered. A partly cancelled line keeps what is
 * left as its quantity; a line cancelled whole keeps its last quantity, and its cancelled count holds all.
 */
export function cancelledUnits(line: { status: string; quantity: number; quantityCancelled: number }) {
  if (line.status === 'cancelled') {
    const ordered = Math.max(line.quantityCancelled, line.quantity);
    return { cancelled: ordered, ordered, isWhole: true };
  }
  return {
    cancelled: line.quantityCancelled,
    ordered: line.quantity + line.quantityCancelled,
    isWhole: false,
  };
}
