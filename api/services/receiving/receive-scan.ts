import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import {
  productStockSettings,
  purchaseOrderLines,
  purchaseOrders,
  receipts,
} from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { resolveProductCode } from '../scans/resolve-scan.js';
import { isGs1, parseGs1 } from './parse-gs1.js';

export interface ReceiveScanInput {
  clientScanId: string;
  /** A product barcode, a SKU, or a GS1 string carrying GTIN, lot (10), expiry (17), count (30/37). */
  code: string;
  /** Units; defaults to the GS1 count, else one scan's worth. */
  quantity?: number | undefined;
  lot?: string | null | undefined;
  expiresOn?: string | null | undefined;
}

/**
 * Goods counted in at the dock against a purchase order. They wait in `receipts` until put away: a
 * product that tracks lots or expiry must come with them (from the GS1 label or typed in).
 */
export async function receiveScan(
  db: Database,
  actor: Actor,
  purchaseOrderId: string,
  input: ReceiveScanInput,
  now: Date,
) {
  const [replay] = await db.select().from(receipts).where(eq(receipts.clientScanId, input.clientScanId));
  if (replay)
    return { isReplay: true, receiptId: replay.id, productId: replay.productId, quantity: replay.quantity };
  const [po] = await db.select().from(purchaseOrders).where(eq(purchaseOrders.id, purchaseOrderId));
  if (!po) throw notFound('purchase_order_not_found', `Purchase order ${purchaseOrderId} does not exist.`);
  if (po.status === 'closed' || po.status === 'cancelled' || po.status === 'draft')
    throw new AppError(
      'purchase_order_not_receivable',
      409,
      `Purchase order is ${po.status}; only ordered goods are received.`,
    );
  const gs1 = isGs1(input.code) ? parseGs1(input.code, now.getUTCFullYear()) : null;
  const code = gs1?.gtin ?? input.code;
  const product =
    (await resolveProductCode(db, code)) ??
    (gs1?.gtin ? await resolveProductCode(db, gs1.gtin.replace(/^0/, '')) : null);
  if (!product)
    throw new AppError('scan_unknown_item', 422, `"${code}" is not a known product barcode or SKU.`, {
      field: 'code',
    });
  const quantity = (input.quantity ?? gs1?.count ?? 1) * product.unitsPerScan;
  if (!Number.isInteger(quantity) || quantity <= 0)
    throw new AppError(
      'quantity_invalid',
      422,
      `quantity must be a whole number ≥ 1; got ${input.quantity}.`,
      { field: 'quantity' },
    );
  const lot = input.lot ?? gs1?.lot ?? null;
  const expiresOn = input.expiresOn ?? gs1?.expiresOn ?? null;
  const [settings] = await db
    .select()
    .from(productStockSettings)
    .where(eq(productStockSettings.productId, product.id));
  if (settings?.isLotTracked && !lot)
    throw new AppError(
      'lot_required',
      422,
      `${product.sku} is lot-tracked: scan the GS1 label or enter the lot.`,
      { field: 'lot' },
    );
  if (settings?.isExpiryTracked && !expiresOn)
    throw new AppError(
      'expiry_required',
      422,
      `${product.sku} tracks expiry: scan the GS1 label or enter the date.`,
      { field: 'expiresOn' },
    );
  return db.transaction(async (tx) => {
    // Conditional: two docks scanning the same order cannot receive more than was ordered.
    const [line] = await tx
      .update(purchaseOrderLines)
      .set({ quantityReceived: sql`${purchaseOrderLines.quantityReceived} + ${quantity}` })
      .where(
        and(
          eq(purchaseOrderLines.purchaseOrderId, po.id),
          eq(purchaseOrderLines.productId, product.id),
          sql`${purchaseOrderLines.quantityReceived} + ${quantity} <= ${purchaseOrderLines.quantityOrdered}`,
        ),
      )
      .returning();
    if (!line) {
      const [ordered] = await tx
        .select()
        .from(purchaseOrderLines)
        .where(
          and(eq(purchaseOrderLines.purchaseOrderId, po.id), eq(purchaseOrderLines.productId, product.id)),
        );
      if (!ordered)
        throw new AppError('scan_unexpected_item', 422, `${product.sku} is not on this purchase order.`, {
          field: 'code',
        });
      throw new AppError(
        'over_receipt',
        422,
        `Only ${ordered.quantityOrdered - ordered.quantityReceived} more of ${product.sku} were ordered; got ${quantity}.`,
        {
          field: 'quantity',
          expected: ordered.quantityOrdered - ordered.quantityReceived,
        },
      );
    }
    const receiptId = newId('rcv');
    await tx.insert(receipts).values({
      id: receiptId,
      purchaseOrderLineId: line.id,
      productId: product.id,
      quantity,
      lot,
      expiresOn,
      clientScanId: input.clientScanId,
      receivedBy: actor.userId ?? null,
      receivedAt: now,
    });
    if (po.status === 'ordered')
      await tx.update(purchaseOrders).set({ status: 'receiving' }).where(eq(purchaseOrders.id, po.id));
    await recordEvent(
      tx,
      actor,
      {
        type: 'receipt.scanned',
        entityType: 'purchase_order',
        entityId: po.id,
        payload: { receiptId, sku: product.sku, quantity, lot, expiresOn },
      },
      now,
    );
    return { isReplay: false, receiptId, productId: product.id, quantity };
  });
}
