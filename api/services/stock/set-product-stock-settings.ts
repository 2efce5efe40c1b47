import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { productStockSettings, products, suppliers } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';

export interface ProductStockSettingsInput {
  supplierId: string | null;
  minStock: number;
  leadTimeDays: number | null;
  isLotTracked: boolean;
  isExpiryTracked: boolean;
}

/** Reorder point, supplier and lot/expiry capture for one product. */
export async function setProductStockSettings(
  db: Database,
  productId: string,
  input: ProductStockSettingsInput,
) {
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.id, productId));
  if (!product) throw notFound('product_not_found', `Product ${productId} does not exist.`);
  if (input.supplierId) {
    const [supplier] = await db
      .select({ id: suppliers.id })
      .from(suppliers)
      .where(eq(suppliers.id, input.supplierId));
    if (!supplier)
      throw new AppError('supplier_not_found', 422, `Supplier ${input.supplierId} does not exist.`, {
        field: 'supplierId',
      });
  }
  await db
    .insert(productStockSettings)
    .values({ productId, ...input })
    .onConflictDoUpdate({ target: productStockSettings.productId, set: input });
  return { productId, ...input };
}
