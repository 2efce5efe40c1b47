import { formatMinor } from '../../../channels/money.js';
import { type FeedFile, type FeedOffer, utf8 } from './feed-file.js';

const stamp = (at: Date) => at.toISOString().replace(/[:.]/g, '-');
const notLinked = (o: FeedOffer, shop: string) => ({
  productId: o.product.productId,
  code: 'not_linked',
  message: `The product has no ${shop} id yet: link it to its ${shop} listing first`,
});

/**
 * WooCommerce `POST /products/batch` bodies (100 updates each): the franco total as the regular price,
 * since a web shop charges its own shipping rules, and the stock.
 */
export function buildWooCommerceBatch(offers: FeedOffer[], options: { at: Date }): FeedFile {
  const positions: FeedFile['positions'] = [];
  const skipped: FeedFile['skipped'] = [];
  const bodies: { update: unknown[] }[] = [];
  for (const o of offers) {
    const id = Number(o.externalId);
    if (!o.externalId || !Number.isSafeInteger(id)) {
      skipped.push(notLinked(o, 'WooCommerce'));
      continue;
    }
    if (positions.length % 100 === 0) bodies.push({ update: [] });
    positions.push({ position: positions.length + 1, sku: o.product.sku, productId: o.product.productId });
    bodies.at(-1)!.update.push({
      id,
      regular_price: formatMinor(o.price.itemPrice, o.price.currency),
      manage_stock: true,
      stock_quantity: o.quantity,
    });
  }
  return {
    fileName: `woocommerce-${stamp(options.at)}.json`,
    contentType: 'application/json',
    content: utf8(JSON.stringify(bodies)),
    positions,
    skipped,
  };
}

/**
 * Shopify Admin GraphQL `productVariantsBulkUpdate` variables, one product per line (JSONL, the form a
 * bulk mutation takes): each variant's price. Stock goes through the inventory pushes already in place.
 */
export function buildShopifyVariantUpdates(offers: FeedOffer[], options: { at: Date }): FeedFile {
  const positions: FeedFile['positions'] = [];
  const skipped: FeedFile['skipped'] = [];
  const byProduct = new Map<string, { id: string; price: string }[]>();
  for (const o of offers) {
    if (!o.externalId || !o.externalParentId) {
      skipped.push(notLinked(o, 'Shopify'));
      continue;
    }
    const variants = byProduct.get(o.externalParentId) ?? [];
    variants.push({ id: o.externalId, price: formatMinor(o.price.itemPrice, o.price.currency) });
    byProduct.set(o.externalParentId, variants);
  }
  const lines: string[] = [];
  const lineOf = new Map<string, number>();
  for (const [productId, variants] of byProduct) {
    lines.push(JSON.stringify({ productId, variants }));
    lineOf.set(productId, lines.length);
  }
  for (const o of offers)
    if (o.externalId && o.externalParentId)
      positions.push({
        position: lineOf.get(o.externalParentId)!,
        sku: o.product.sku,
        productId: o.product.productId,
      });
  return {
    fileName: `shopify-variants-${stamp(options.at)}.jsonl`,
    contentType: 'application/jsonl',
    content: utf8(lines.length > 0 ? `${lines.join('\n')}\n` : ''),
    positions,
    skipped,
  };
}
