import { ChannelError, type StockUpdate } from '../connector.js';
import type { WooClient } from './client.js';

/**
 * Stock is each product's (or variation's) `stock_quantity`, with `manage_stock` on. SKUs are resolved
 * with `GET /products?sku=` (comma-separated, one request per 100); simple products are written with one
 * `POST /products/batch`, variations with `POST /products/{parent}/variations/batch` per parent. A value
 * already shown is not written again, so repeating a push after a timeout changes nothing.
 */

interface WooProduct {
  id: number;
  sku: string;
  type?: string;
  parent_id?: number;
  stock_quantity?: number | null;
  manage_stock?: boolean | string;
}

interface BatchAnswer {
  update?: { id?: number; error?: { code?: string; message?: string } }[];
}

const PER_LOOKUP = 100;

async function resolve(client: WooClient, skus: string[]): Promise<Map<string, WooProduct>> {
  const found = new Map<string, WooProduct>();
  // A SKU holding a comma cannot travel in the comma-separated list; it is looked up alone.
  const plain = skus.filter((s) => !s.includes(','));
  const groups = [
    ...Array.from({ length: Math.ceil(plain.length / PER_LOOKUP) }, (_, i) =>
      plain.slice(i * PER_LOOKUP, (i + 1) * PER_LOOKUP),
    ),
    ...skus.filter((s) => s.includes(',')).map((s) => [s]),
  ];
  for (const group of groups) {
    const products = await client.get<WooProduct[]>('listAllProducts', '/products', {
      sku: group.join(','),
      per_page: PER_LOOKUP,
    });
    for (const p of products ?? []) if (group.includes(p.sku)) found.set(p.sku, p);
  }
  return found;
}

function assertBatch(answer: BatchAnswer | undefined, what: string): void {
  const failed = (answer?.update ?? []).filter((u) => u.error);
  if (failed.length === 0) return;
  const text = failed.map((u) => `${u.id}: ${u.error?.message ?? u.error?.code}`).join('; ');
  throw new ChannelError(`woocommerce ${what} refused: ${text}`, 'woocommerce_rejected', false);
}

export async function pushWooStock(client: WooClient, updates: StockUpdate[]): Promise<void> {
  const products = await resolve(
    client,
    updates.map((u) => u.sku),
  );
  const simple: { id: number; stock_quantity: number; manage_stock: boolean }[] = [];
  const variations = new Map<number, { id: number; stock_quantity: number; manage_stock: boolean }[]>();
  for (const update of updates) {
    const p = products.get(update.sku);
    if (!p) continue;
    const isManaged = p.manage_stock === true || p.manage_stock === 'parent';
    if (isManaged && p.stock_quantity === update.quantity) continue;
    const change = { id: p.id, stock_quantity: update.quantity, manage_stock: true };
    if (p.type === 'variation' && p.parent_id) {
      variations.set(p.parent_id, [...(variations.get(p.parent_id) ?? []), change]);
    } else simple.push(change);
  }
  for (let i = 0; i < simple.length; i += 100) {
    const answer = await client.send<BatchAnswer>('batchProducts', 'POST', '/products/batch', {
      update: simple.slice(i, i + 100),
    });
    assertBatch(answer, 'products batch');
  }
  for (const [parentId, changes] of variations) {
    const answer = await client.send<BatchAnswer>(
      'batchProductVariations',
      'POST',
      `/products/${parentId}/variations/batch`,
      { update: changes },
    );
    assertBatch(answer, `variations batch of product ${parentId}`);
  }
  const missing = updates.filter((u) => !products.has(u.sku)).map((u) => u.sku);
  if (missing.length > 0) {
    throw new ChannelError(
      `woocommerce stock pushed for the other SKUs; no product has SKU ${missing.join(', ')}`,
      'woocommerce_unknown_sku',
      false,
    );
  }
}
