import { Hono } from 'hono';
import {
  type FakeNote,
  type FakeProduct,
  type FakeRefund,
  type FakeWooOrder,
  money,
  nextId,
  WooFakeError,
  type WooState,
} from './store.js';

/**
 * The REST v3 routes the connector uses, answering in WooCommerce's shapes and with its error body
 * `{ code, message, data: { status } }`. Validation against the specs happens before these run.
 */

type Ctx = { state: WooState; now: () => string };

function order(state: WooState, id: string): FakeWooOrder {
  const found = state.orders.get(Number(id));
  if (!found) throw new WooFakeError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
  return found;
}

function productJson(p: FakeProduct) {
  return {
    id: p.id,
    name: p.name,
    sku: p.sku,
    type: p.type,
    parent_id: p.parent_id,
    manage_stock: p.manage_stock,
    stock_quantity: p.stock_quantity,
    price: p.price,
  };
}

const toMinor = (decimal: string) => Math.round(Number(decimal) * 100);

function applyStock(product: FakeProduct, change: Record<string, unknown>) {
  if (typeof change.manage_stock === 'boolean') product.manage_stock = change.manage_stock;
  if (typeof change.stock_quantity === 'number') product.stock_quantity = change.stock_quantity;
}

export function createWooRoutes({ state, now }: Ctx): Hono {
  const api = new Hono();
  const base = '/wp-json/wc/v3';

  api.get(`${base}/orders`, (c) => {
    const q = c.req.query();
    const after = q.modified_after ? Date.parse(q.modified_after) : null;
    const before = q.modified_before ? Date.parse(q.modified_before) : null;
    // The fake's site runs on UTC, so local and GMT dates are the same with or without dates_are_gmt.
    const at = (o: FakeWooOrder) => Date.parse(`${o.date_modified_gmt}Z`);
    const created = (o: FakeWooOrder) => Date.parse(`${o.date_created_gmt}Z`);
    const sortKey = q.orderby === 'modified' ? at : q.orderby === 'id' ? (o: FakeWooOrder) => o.id : created;
    // WordPress reads a list parameter as comma-separated values.
    const excluded = new Set((q.exclude ?? '').split(',').filter(Boolean).map(Number));
    const list = [...state.orders.values()]
      .filter((o) => (after === null || at(o) > after) && (before === null || at(o) < before))
      .filter((o) => !excluded.has(o.id))
      .sort((a, b) => (sortKey(a) - sortKey(b) || a.id - b.id) * (q.order === 'asc' ? 1 : -1));
    const perPage = Number(q.per_page ?? 10);
    const page = Number(q.page ?? 1);
    if (perPage < 1 || perPage > 100)
      throw new WooFakeError(400, 'rest_invalid_param', 'Invalid parameter(s): per_page');
    c.header('X-WP-Total', String(list.length));
    c.header('X-WP-TotalPages', String(Math.max(1, Math.ceil(list.length / perPage))));
    return c.json(list.slice((page - 1) * perPage, page * perPage));
  });

  api.get(`${base}/orders/:id`, (c) => c.json(order(state, c.req.param('id'))));

  api.put(`${base}/orders/:id`, async (c) => {
    const target = order(state, c.req.param('id'));
    const body = (await c.req.json()) as { status?: string };
    if (body.status) {
      target.status = body.status;
      if (body.status === 'completed') target.date_completed_gmt = now();
    }
    target.date_modified_gmt = now();
    target.date_modified = target.date_modified_gmt;
    return c.json(target);
  });

  api.get(`${base}/orders/:id/notes`, (c) => {
    order(state, c.req.param('id'));
    const type = c.req.query('type') ?? 'any';
    const notes = state.notes.get(Number(c.req.param('id'))) ?? [];
    return c.json(
      [...notes].reverse().filter((n) => type === 'any' || (type === 'customer') === n.customer_note),
    );
  });

  api.post(`${base}/orders/:id/notes`, async (c) => {
    const target = order(state, c.req.param('id'));
    const body = (await c.req.json()) as { note?: string; customer_note?: boolean };
    if (!body.note) throw new WooFakeError(400, 'rest_missing_callback_param', 'Missing parameter(s): note');
    const at = now();
    const note: FakeNote = {
      id: nextId(state),
      author: 'WooCommerce',
      date_created: at,
      date_created_gmt: at,
      note: body.note,
      customer_note: body.customer_note === true,
      added_by_user: false,
    };
    state.notes.set(target.id, [...(state.notes.get(target.id) ?? []), note]);
    return c.json(note, 201);
  });

  api.get(`${base}/orders/:id/refunds`, (c) => {
    order(state, c.req.param('id'));
    return c.json([...(state.refunds.get(Number(c.req.param('id'))) ?? [])].reverse());
  });

  api.post(`${base}/orders/:id/refunds`, async (c) => {
    const target = order(state, c.req.param('id'));
    const body = (await c.req.json()) as {
      amount?: string;
      reason?: string;
      api_refund?: boolean;
      api_restock?: boolean;
      line_items?: { id: number; quantity?: number; refund_total?: number }[];
    };
    const amount = toMinor(body.amount ?? '0');
    const already = (target.refunds ?? []).reduce((s, r) => s - toMinor(r.total), 0);
    if (amount <= 0 || amount + already > toMinor(target.total))
      throw new WooFakeError(400, 'woocommerce_rest_cannot_create_order_refund', 'Invalid refund amount.');
    const refund: FakeRefund = {
      id: nextId(state),
      date_created_gmt: now(),
      amount: body.amount ?? '0',
      reason: body.reason ?? '',
      refunded_payment: body.api_refund === true,
      line_items: [],
    };
    for (const item of body.line_items ?? []) {
      const line = target.line_items.find((l) => l.id === item.id);
      if (!line)
        throw new WooFakeError(400, 'woocommerce_rest_invalid_line_item', `Invalid line item ${item.id}.`);
      const qty = item.quantity ?? 0;
      refund.line_items.push({
        id: nextId(state),
        quantity: -qty,
        total: money(-Math.round((item.refund_total ?? 0) * 100)),
        sku: line.sku,
        meta_data: [{ key: '_refunded_item_id', value: String(line.id) }],
      });
      const product = state.products.get(line.variation_id || line.product_id);
      if (body.api_restock && product?.manage_stock && qty > 0)
        product.stock_quantity = (product.stock_quantity ?? 0) + qty;
    }
    state.refunds.set(target.id, [...(state.refunds.get(target.id) ?? []), refund]);
    target.refunds = [
      ...(target.refunds ?? []),
      { id: refund.id, reason: refund.reason, total: `-${refund.amount}` },
    ];
    if (amount + already === toMinor(target.total)) target.status = 'refunded';
    target.date_modified_gmt = now();
    target.date_modified = target.date_modified_gmt;
    return c.json(refund, 201);
  });

  api.get(`${base}/products`, (c) => {
    const skus = c.req.query('sku')?.split(',');
    // With `sku`, WooCommerce searches variations too, which is how a variation's SKU is resolved.
    const list = [...state.products.values()].filter((p) =>
      skus ? skus.includes(p.sku) : p.type !== 'variation',
    );
    return c.json(list.slice(0, Number(c.req.query('per_page') ?? 10)).map(productJson));
  });

  api.put(`${base}/products/:id`, async (c) => {
    const product = state.products.get(Number(c.req.param('id')));
    if (!product || product.type === 'variation')
      throw new WooFakeError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
    applyStock(product, (await c.req.json()) as Record<string, unknown>);
    return c.json(productJson(product));
  });

  api.post(`${base}/products/batch`, async (c) => {
    const body = (await c.req.json()) as { update?: Record<string, unknown>[] };
    const update = (body.update ?? []).map((change) => {
      const product = state.products.get(Number(change.id));
      if (!product || product.type === 'variation')
        return {
          id: change.id,
          error: {
            code: 'woocommerce_rest_product_invalid_id',
            message: 'Invalid ID.',
            data: { status: 400 },
          },
        };
      applyStock(product, change);
      return productJson(product);
    });
    return c.json({ update });
  });

  api.put(`${base}/products/:pid/variations/:vid`, async (c) => {
    const product = state.products.get(Number(c.req.param('vid')));
    if (!product || product.parent_id !== Number(c.req.param('pid')))
      throw new WooFakeError(404, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
    applyStock(product, (await c.req.json()) as Record<string, unknown>);
    return c.json(productJson(product));
  });

  api.post(`${base}/products/:pid/variations/batch`, async (c) => {
    const body = (await c.req.json()) as { update?: Record<string, unknown>[] };
    const update = (body.update ?? []).map((change) => {
      const product = state.products.get(Number(change.id));
      if (product?.type !== 'variation' || product.parent_id !== Number(c.req.param('pid')))
        return {
          id: change.id,
          error: {
            code: 'woocommerce_rest_product_variation_invalid_id',
            message: 'Invalid ID.',
            data: { status: 400 },
          },
        };
      applyStock(product, change);
      return productJson(product);
    });
    return c.json({ update });
  });

  return api;
}
