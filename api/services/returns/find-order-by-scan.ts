import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { orders, parcels, returns, shipments } from '../../../db/schema/index.js';
import { parseScan } from '../../../scanner/parse-scan.js';
import { AppError } from '../../errors.js';

const expected =
  'the tracking number on the returned parcel, the order barcode (ord_…) or the channel order number';

/**
 * What a parcel coming back names: our order barcode (packing slip), the tracking number of the parcel
 * we sent (the buyer often sends it back in the same box), the return label's number when the channel
 * announced the return with it, or the channel's order number typed in.
 */
export async function findOrderByScan(
  tx: Executor,
  code: string,
): Promise<{ orderId: string; trackingNumber: string | null }> {
  const scan = parseScan(code);
  if (scan.kind === 'order') {
    const [row] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, scan.value));
    if (row) return { orderId: row.id, trackingNumber: null };
  }
  const text = scan.kind === 'tracking' ? scan.value : code.trim();
  const [byParcel] = await tx
    .select({ orderId: shipments.orderId, trackingNumber: parcels.trackingNumber })
    .from(parcels)
    .innerJoin(shipments, eq(shipments.id, parcels.shipmentId))
    .where(eq(parcels.trackingNumber, text));
  if (byParcel) return byParcel;
  const [byReturnLabel] = await tx
    .select({ orderId: returns.orderId, trackingNumber: returns.trackingNumber })
    .from(returns)
    .where(and(eq(returns.trackingNumber, text), eq(returns.status, 'open')))
    .limit(1);
  if (byReturnLabel) return byReturnLabel;
  const byExternal = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(eq(orders.externalId, code.trim()))
    .limit(2);
  // The same number on two channels is ambiguous: the bench must scan something that names one order.
  if (byExternal.length === 1 && byExternal[0]) return { orderId: byExternal[0].id, trackingNumber: null };
  throw new AppError('scan_unknown_return', 422, `"${code}" names no order we shipped. Scan ${expected}.`, {
    expected,
    kind: scan.kind,
  });
}
