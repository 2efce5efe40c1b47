import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { orderLines, orders, reservations } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { rejectScan, scanError } from '../scans/reject-scan.js';
import { resolveBinCode, resolveProductCode } from '../scans/resolve-scan.js';
import { findRecordedScan } from '../scans/scan-replay.js';
import { getPickList, type PickStep } from './get-pick-list.js';
import { refreshOrderPickStatus, settleOrderPickStatus } from './refresh-order-pick-status.js';

export interface PickScanInput {
  orderId: string;
  clientScanId: string;
  binCode: string;
  itemCode: string;
  quantity: number;
}

export interface PickScanResult {
  isReplay: boolean;
  orderStatus: string;
  step: PickStep | null;
  remaining: number;
}

/**
 * One confirmed pick: the picker scanned the bin, then the item. The bin must hold a reservation of this
 * order for that item; the increment is a conditional update so two devices cannot over-pick.
 */
export async function scanPick(
  db: Database,
  actor: Actor,
  input: PickScanInput,
  now: Date,
): Promise<PickScanResult> {
  const replay = await findRecordedScan(db, input.clientScanId);
  if (replay) {
    if (replay.type !== 'pick.scanned')
      throw new AppError('scan_already_rejected', 409, 'This scan was already rejected.');
    return summarize(db, input.orderId, null, true);
  }
  const [order] = await db.select().from(orders).where(eq(orders.id, input.orderId));
  if (!order) throw notFound('order_not_found', `Order ${input.orderId} does not exist.`);
  if (order.status !== 'ready' && order.status !== 'picking') {
    throw new AppError(
      'order_not_pickable',
      409,
      `Order is ${order.status}; only ready orders can be picked.`,
    );
  }
  const steps = (await getPickList(db, order.id)).filter((s) => s.quantityPicked < s.quantity);
  const reject = (code: string, message: string, expected: unknown) =>
    rejectScan(
      db,
      actor,
      {
        orderId: order.id,
        clientScanId: input.clientScanId,
        stage: 'pick',
        scanned: { bin: input.binCode, item: input.itemCode },
      },
      scanError(code, message, expected),
      now,
    );
  const expectedBins = [...new Set(steps.map((s) => s.binCode))];
  const bin = await resolveBinCode(db, input.binCode);
  if (!bin)
    return reject(
      'scan_unknown_bin',
      `No bin is labelled "${input.binCode}". Scan bin ${expectedBins[0] ?? ''}.`,
      expectedBins,
    );
  const atBin = steps.filter((s) => s.binId === bin.id);
  if (atBin.length === 0) {
    return reject(
      'scan_wrong_bin',
      `Nothing to pick in ${bin.code} for this order. Go to ${expectedBins.join(', ')}.`,
      expectedBins,
    );
  }
  const product = await resolveProductCode(db, input.itemCode);
  const step = product ? atBin.find((s) => s.productId === product.id) : undefined;
  if (!step) {
    const expected = atBin.map((s) => ({ sku: s.sku, name: s.name, barcodes: s.barcodes }));
    const what = product
      ? `${product.sku} is not to be picked here`
      : `"${input.itemCode}" is not a known product`;
    return reject(
      'scan_unexpected_item',
      `${what}. Expected ${expected.map((e) => `${e.name} (${e.sku})`).join(' or ')}.`,
      expected,
    );
  }
  const units = input.quantity * (product?.unitsPerScan ?? 1);
  const result = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(reservations)
      .set({ quantityPicked: sql`${reservations.quantityPicked} + ${units}` })
      .where(
        and(
          eq(reservations.id, step.reservationId),
          sql`${reservations.quantityPicked} + ${units} <= ${reservations.quantity}`,
        ),
      )
      .returning();
    if (!updated) {
      throw new AppError(
        'scan_over_pick',
        422,
        `Only ${step.quantity - step.quantityPicked} more of ${step.sku} to pick here.`,
        {
          expected: step.quantity - step.quantityPicked,
        },
      );
    }
    const [line] = await tx
      .update(orderLines)
      .set({ quantityPicked: sql`${orderLines.quantityPicked} + ${units}` })
      .where(eq(orderLines.id, step.orderLineId))
      .returning();
    if (line && line.quantityPicked === line.quantity) {
      await tx.update(orderLines).set({ status: 'picked' }).where(eq(orderLines.id, line.id));
    }
    await refreshOrderPickStatus(tx, order.id, now);
    await recordEvent(
      tx,
      actor,
      {
        type: 'pick.scanned',
        orderId: order.id,
        entityType: 'reservation',
        entityId: step.reservationId,
        clientScanId: input.clientScanId,
        payload: { bin: bin.code, sku: step.sku, units },
      },
      now,
    );
    return summarize(tx, order.id, { ...step, quantityPicked: updated.quantityPicked }, false);
  });
  const [settled] = await settleOrderPickStatus(db, [order.id], now);
  return settled ? { ...result, orderStatus: settled.status } : result;
}

async function summarize(
  db: Parameters<typeof getPickList>[0],
  orderId: string,
  step: PickStep | null,
  isReplay: boolean,
) {
  const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  const steps = await getPickList(db, orderId);
  const remaining = steps.reduce((n, s) => n + s.quantity - s.quantityPicked, 0);
  return { isReplay, orderStatus: order?.status ?? 'unknown', step, remaining };
}
