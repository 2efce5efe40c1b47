import type { Database } from '../../../db/client.js';
import type { Actor } from '../events/record-event.js';
import { findOrderByScan } from './find-order-by-scan.js';
import { openReturn } from './open-return.js';

/** The first scan at the returns bench: the parcel's tracking number or the order barcode opens its return. */
export async function openReturnByScan(db: Database, actor: Actor, input: { code: string }, now: Date) {
  const found = await findOrderByScan(db, input.code);
  return openReturn(
    db,
    actor,
    { orderId: found.orderId, source: 'bench', trackingNumber: found.trackingNumber },
    now,
  );
}
