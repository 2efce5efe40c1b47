import type { Database } from '../../../db/client.js';
import { AppError } from '../../errors.js';
import { listReorderAlerts } from '../stock/list-reorder-alerts.js';
import { createPurchaseOrder } from './create-purchase-order.js';

/**
 * A draft purchase order for one supplier from the reorder alerts of the products it supplies, at the
 * suggested quantities. The buyer edits and sends it; nothing is ordered until then.
 */
export async function draftPurchaseOrder(
  db: Database,
  input: { supplierId: string; warehouseId: string },
  now: Date,
): Promise<{ purchaseOrderId: string; lines: { sku: string; quantity: number }[] }> {
  const alerts = (await listReorderAlerts(db, now)).filter((a) => a.supplierId === input.supplierId);
  if (alerts.length === 0)
    throw new AppError('nothing_to_reorder', 422, 'No product of this supplier is under its reorder point.', {
      field: 'supplierId',
    });
  const lines = alerts.map((a) => ({ sku: a.sku, quantity: a.suggestedQuantity }));
  const { purchaseOrderId } = await createPurchaseOrder(db, { ...input, status: 'draft', lines });
  return { purchaseOrderId, lines };
}
