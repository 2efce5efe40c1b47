import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import {
  binStock,
  bins,
  productBarcodes,
  products,
  stockMovements,
  warehouses,
} from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { computeChannelStock } from '../allocation/compute-channel-stock.js';

/** Everything the stock page shows for one product: bins, totals, each channel's view, the ledger. */
export async function getProductStock(db: Executor, productId: string, movementLimit = 100) {
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  if (!product) throw notFound('product_not_found', `Product ${productId} does not exist.`);
  const codes = await db
    .select({ code: productBarcodes.code })
    .from(productBarcodes)
    .where(eq(productBarcodes.productId, productId));
  const perBin = await db
    .select({
      binId: binStock.binId,
      binCode: bins.code,
      warehouseCode: warehouses.code,
      onHand: binStock.onHand,
      reserved: binStock.reserved,
    })
    .from(binStock)
    .innerJoin(bins, eq(bins.id, binStock.binId))
    .innerJoin(warehouses, eq(warehouses.id, bins.warehouseId))
    .where(eq(binStock.productId, productId))
    .orderBy(bins.pickSequence, bins.code);
  const movements = await db
    .select({
      id: stockMovements.id,
      binCode: bins.code,
      delta: stockMovements.delta,
      reason: stockMovements.reason,
      reference: stockMovements.reference,
      lot: stockMovements.lot,
      expiresOn: stockMovements.expiresOn,
      userId: stockMovements.userId,
      deviceId: stockMovements.deviceId,
      createdAt: stockMovements.createdAt,
    })
    .from(stockMovements)
    .innerJoin(bins, eq(bins.id, stockMovements.binId))
    .where(eq(stockMovements.productId, productId))
    .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
    .limit(movementLimit);
  const onHand = perBin.reduce((n, b) => n + b.onHand, 0);
  const reserved = perBin.reduce((n, b) => n + b.reserved, 0);
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    barcodes: codes.map((c) => c.code),
    onHand,
    reserved,
    available: onHand - reserved,
    bins: perBin.map((b) => ({ ...b, available: b.onHand - b.reserved })),
    channels: (await computeChannelStock(db, productId)).map((c) => ({
      channelId: c.channelId,
      channelName: c.channelName,
      quantity: c.quantity,
      pushedQuantity: c.pushedQuantity,
      pushedAt: c.pushedAt?.toISOString() ?? null,
      lastError: c.lastError,
      rule: c.rule,
    })),
    movements: movements.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  };
}
