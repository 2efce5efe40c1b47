import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import {
  products,
  purchaseOrderLines,
  purchaseOrders,
  suppliers,
  warehouses,
} from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';

export interface PurchaseOrderInput {
  supplierId: string;
  warehouseId: string;
  reference?: string | null;
  status?: 'draft' | 'ordered';
  lines: { sku: string; quantity: number }[];
}

/** A purchase order from a supplier for one warehouse; lines name products by SKU. */
export async function createPurchaseOrder(
  db: Database,
  input: PurchaseOrderInput,
): Promise<{ purchaseOrderId: string }> {
  const [supplier] = await db
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(eq(suppliers.id, input.supplierId));
  if (!supplier)
    throw new AppError('supplier_not_found', 422, `Supplier ${input.supplierId} does not exist.`, {
      field: 'supplierId',
    });
  const [warehouse] = await db
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(eq(warehouses.id, input.warehouseId));
  if (!warehouse)
    throw new AppError('warehouse_not_found', 422, `Warehouse ${input.warehouseId} does not exist.`, {
      field: 'warehouseId',
    });
  const skus = input.lines.map((l) => l.sku);
  const known = skus.length
    ? await db
        .select({ id: products.id, sku: products.sku })
        .from(products)
        .where(inArray(products.sku, skus))
    : [];
  const bySku = new Map(known.map((p) => [p.sku, p.id]));
  const errors = input.lines.flatMap((l, i) =>
    bySku.has(l.sku) ? [] : [{ path: `lines.${i}.sku`, message: `Unknown SKU "${l.sku}".` }],
  );
  if (new Set(skus).size !== skus.length)
    errors.push({ path: 'lines', message: 'Each SKU may appear once.' });
  if (errors.length)
    throw new AppError(
      'purchase_order_invalid',
      422,
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      { errors },
    );
  const id = newId('po');
  await db.transaction(async (tx) => {
    await tx.insert(purchaseOrders).values({
      id,
      supplierId: input.supplierId,
      warehouseId: input.warehouseId,
      reference: input.reference ?? null,
      status: input.status ?? 'ordered',
    });
    await tx.insert(purchaseOrderLines).values(
      input.lines.map((l) => ({
        id: newId('pol'),
        purchaseOrderId: id,
        productId: bySku.get(l.sku)!,
        quantityOrdered: l.quantity,
      })),
    );
  });
  return { purchaseOrderId: id };
}
