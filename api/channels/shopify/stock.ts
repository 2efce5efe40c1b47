import { ChannelError, type StockUpdate } from '../connector.js';
import { assertNoUserErrors, type ShopifyClient, type UserError } from './client.js';
import { FIRST_LOCATION, INVENTORY_SET_QUANTITIES, VARIANTS_BY_SKU } from './documents.js';

/**
 * Stock goes to one Shopify location as the `available` quantity, with compare-and-set: each item is
 * sent with the quantity we read just before (`compareQuantity`). If Shopify's number moved in between
 * (an order was placed there), the whole set is refused as COMPARE_QUANTITY_STALE; we read again and
 * send again, because the figure we push is computed from our own stock, which will count that order
 * once it is pulled (and that pull pushes stock again).
 */

const SKUS_PER_QUERY = 50;
const MAX_STALE_ROUNDS = 3;

interface VariantsAnswer {
  productVariants: {
    nodes: {
      sku: string | null;
      inventoryItem: {
        id: string;
        inventoryLevel: { quantities: { name: string; quantity: number }[] } | null;
      };
    }[];
  };
}

interface SetAnswer {
  inventorySetQuantities: { userErrors: (UserError & { code?: string | null })[] } | null;
}

/** Shopify's search syntax: a quoted value, with quotes and backslashes escaped. */
function skuTerm(sku: string): string {
  return `sku:"${sku.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

export async function resolveLocation(client: ShopifyClient): Promise<string> {
  const data = await client.query<{ locations: { nodes: { id: string; isActive: boolean }[] } }>(
    'locations',
    FIRST_LOCATION,
  );
  const location = data.locations.nodes.find((l) => l.isActive);
  if (!location) {
    throw new ChannelError('shopify shop has no active location', 'shopify_no_location', false);
  }
  return location.id;
}

interface Current {
  inventoryItemId: string;
  available: number;
}

async function readCurrent(
  client: ShopifyClient,
  skus: string[],
  locationId: string,
): Promise<Map<string, Current | 'not_stocked'>> {
  const found = new Map<string, Current | 'not_stocked'>();
  for (let i = 0; i < skus.length; i += SKUS_PER_QUERY) {
    const chunk = skus.slice(i, i + SKUS_PER_QUERY);
    const data = await client.query<VariantsAnswer>('productVariants', VARIANTS_BY_SKU, {
      first: 100,
      query: chunk.map(skuTerm).join(' OR '),
      locationId,
    });
    for (const variant of data.productVariants.nodes) {
      // The search is by token; only an exact SKU match counts.
      if (!variant.sku || !chunk.includes(variant.sku)) continue;
      const level = variant.inventoryItem.inventoryLevel;
      const available = level?.quantities.find((q) => q.name === 'available')?.quantity;
      found.set(
        variant.sku,
        available === undefined ? 'not_stocked' : { inventoryItemId: variant.inventoryItem.id, available },
      );
    }
  }
  return found;
}

export async function pushShopifyStock(
  client: ShopifyClient,
  locationId: string,
  updates: StockUpdate[],
): Promise<void> {
  const wanted = new Map(updates.map((u) => [u.sku, u.quantity]));
  for (let round = 1; ; round++) {
    const current = await readCurrent(client, [...wanted.keys()], locationId);
    const quantities = [...wanted].flatMap(([sku, quantity]) => {
      const item = current.get(sku);
      if (!item || item === 'not_stocked' || item.available === quantity) return [];
      return [
        { inventoryItemId: item.inventoryItemId, locationId, quantity, compareQuantity: item.available },
      ];
    });
    if (quantities.length > 0) {
      const data = await client.mutate<SetAnswer>('inventorySetQuantities', INVENTORY_SET_QUANTITIES, {
        input: { name: 'available', reason: 'correction', ignoreCompareQuantity: false, quantities },
      });
      const errors = data.inventorySetQuantities?.userErrors ?? [];
      if (errors.some((e) => e.code === 'COMPARE_QUANTITY_STALE') && round < MAX_STALE_ROUNDS) continue;
      if (errors.some((e) => e.code === 'COMPARE_QUANTITY_STALE')) {
        throw new ChannelError(
          `shopify stock kept changing during ${MAX_STALE_ROUNDS} attempts; try again`,
          'shopify_stock_stale',
          true,
        );
      }
      assertNoUserErrors('inventorySetQuantities', data.inventorySetQuantities);
    }
    const missing = [...wanted.keys()].filter((sku) => !current.has(sku));
    const notStocked = [...wanted.keys()].filter((sku) => current.get(sku) === 'not_stocked');
    if (missing.length > 0 || notStocked.length > 0) {
      const parts = [
        missing.length > 0 ? `no variant has SKU ${missing.join(', ')}` : '',
        notStocked.length > 0 ? `not stocked at ${locationId}: ${notStocked.join(', ')}` : '',
      ].filter(Boolean);
      throw new ChannelError(
        `shopify stock pushed for the other SKUs; ${parts.join('; ')}`,
        'shopify_unknown_sku',
        false,
      );
    }
    return;
  }
}
