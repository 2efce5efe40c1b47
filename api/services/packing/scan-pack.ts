import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { orderLines, orders, packBoxes, packBoxLines } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { rejectScan, scanError } from '../scans/reject-scan.js';
import { resolveProductCode } from '../scans/resolve-scan.js';
import { findRecordedScan } from '../scans/scan-replay.js';

export interface PackScanResult {
  isReplay: boolean;
  orderStatus: string;
  lines: { id: string; sku: string; title: string; quantity: number; quantityPacked: number }[];
}

/**
 * Scan-to-verify at the packing station: every unit that goes in the box is scanned against the order.
 * With `boxId`, the unit is also counted in that open box (the station's parcels), in the same transaction.
 */
export async function scanPack(
  db: Database,
  actor: Actor,
  input: { orderId: string; clientScanId: string; code: string; boxId?: string | undefined },
  now: Date,
): Promise<PackScanResult> {
  const replay = await findRecordedScan(db, input.clientScanId);
  if (replay) {
    if (replay.type !== 'pack.scanned')
      throw new AppError('scan_already_rejected', 409, 'This scan was already rejected.');
    return summarize(db, input.orderId, true);
  }
  const [order] = await db.select().from(orders).where(eq(orders.id, input.orderId));
  if (!order) throw notFound('order_not_found', `Order ${input.orderId} does not exist.`);
  if (order.status !== 'picked') {
    throw new AppError(
      'order_not_packable',
      409,
      `Order is ${order.status}; only fully picked orders can be packed.`,
    );
  }
  const lines = await db
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.orderId, order.id), ne(orderLines.status, 'cancelled')));
  const open = lines.filter((l) => l.quantityPacked < l.quantityPicked);
  const product = await resolveProductCode(db, input.code);
  const line = product ? open.find((l) => l.productId === product.id) : undefined;
  if (!line) {
    const expected = open.map((l) => ({
      sku: l.sku,
      title: l.title,
      remaining: l.quantityPicked - l.quantityPacked,
    }));
    const what = !product
      ? `"${input.code}" is not a known product`
      : lines.some((l) => l.productId === product.id)
        ? `All of ${product.sku} is already packed`
        : `${product.sku} is not in this order`;
    return rejectScan(
      db,
      actor,
      { orderId: order.id, clientScanId: input.clientScanId, stage: 'pack', scanned: { item: input.code } },
      scanError(
        'scan_unexpected_item',
        `${what}. Expected ${expected.map((e) => `${e.title} (${e.sku})`).join(' or ')}.`,
        expected,
      ),
      now,
    );
  }
  return db.transaction(async (tx) => {
    // The order row is locked first: two scans of different lines of one order then run one after the
    // other, so the later one's "all packed?" count sees the earlier one's line and marks the order packed.
    // A conditional `update … where not exists (unpacked lines)` alone would not do: under READ COMMITTED
    // its snapshot misses the other scan's uncommitted line, and both scans would leave the order `picked`.
    const [locked] = await tx
      .select({ status: orders.status })
      .from(orders)
      .where(eq(orders.id, order.id))
      .for('update');
    if (locked?.status !== 'picked')
      throw new AppError(
        'order_not_packable',
        409,
        `Order is ${locked?.status ?? 'gone'}; only fully picked orders can be packed.`,
      );
    if (input.boxId) {
      const [box] = await tx
        .select({ id: packBoxes.id })
        .from(packBoxes)
        .where(
          and(eq(packBoxes.id, input.boxId), eq(packBoxes.orderId, order.id), eq(packBoxes.status, 'open')),
        )
        .for('update');
      if (!box)
        throw new AppError(
          'box_not_open',
          409,
          'This parcel is closed; reopen it or scan into the open one.',
        );
      await tx
        .insert(packBoxLines)
        .values({ boxId: box.id, orderLineId: line.id, quantity: 1 })
        .onConflictDoUpdate({
          target: [packBoxLines.boxId, packBoxLines.orderLineId],
          set: { quantity: sql`${packBoxLines.quantity} + 1` },
        });
    }
    const [updated] = await tx
      .update(orderLines)
      .set({ quantityPacked: sql`${orderLines.quantityPacked} + 1` })
      .where(
        and(eq(orderLines.id, line.id), sql`${orderLines.quantityPacked} < ${orderLines.quantityPicked}`),
      )
      .returning();
    if (!updated) throw new AppError('scan_over_pack', 422, `All of ${line.sku} is already packed.`);
    if (updated.quantityPacked === updated.quantity) {
      await tx.update(orderLines).set({ status: 'packed' }).where(eq(orderLines.id, line.id));
    }
    const [left] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(orderLines)
      .where(
        and(
          eq(orderLines.orderId, order.id),
          ne(orderLines.status, 'cancelled'),
          sql`${orderLines.quantityPacked} < ${orderLines.quantity}`,
        ),
      );
    if (left && Number(left.n) === 0)
      await tx
        .update(orders)
        .set({ status: 'packed', updatedAt: now })
        .where(and(eq(orders.id, order.id), eq(orders.status, 'picked')));
    await recordEvent(
      tx,
      actor,
      {
        type: 'pack.scanned',
        orderId: order.id,
        entityType: 'order_line',
        entityId: line.id,
        clientScanId: input.clientScanId,
        payload: { sku: line.sku, ...(input.boxId ? { boxId: input.boxId } : {}) },
      },
      now,
    );
    return summarize(tx, order.id, false);
  });
}

async function summarize(
  db: Parameters<typeof recordEvent>[0],
  orderId: string,
  isReplay: boolean,
): Promise<PackScanResult> {
  const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  const lines = await db
    .select({
      id: orderLines.id,
      sku: orderLines.sku,
      title: orderLines.title,
      quantity: orderLines.quantity,
      quantityPacked: orderLines.quantityPacked,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId));
  return { isReplay, orderStatus: order?.status ?? 'unknown', lines };
}
