import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type DemoProduct, demoCatalog } from '../../../db/seed/demo-catalog.js';
import { buildWooOrder, type WooOrderOverrides } from './order-factory.js';
import { createWooRoutes } from './routes.js';
import { validateBody, validateQuery } from './spec.js';
import { createWooState, type FakeWooOrder, WooFakeError, wooDate } from './store.js';

/**
 * A WooCommerce store's REST API v3 in-process. Every request is matched to its documented operation and
 * validated (query and body) against the official descriptions before it is handled; calls are logged
 * with their validation errors. The next calls of an operation can be made to fail (429 with
 * Retry-After, 500…) or to stall before or after applying a write.
 */

export interface WooFakeOptions {
  consumerKey: string;
  consumerSecret: string;
  catalog?: DemoProduct[];
  clock?: () => Date;
  autoAdvance?: boolean;
}

export interface WooCall {
  operationId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  validationErrors: string[];
  status: number | null;
}

const ROUTES: [string, RegExp, string][] = [
  ['GET', /^\/orders$/, 'listAllOrders'],
  ['GET', /^\/orders\/\d+$/, 'retrieveOrderById'],
  ['PUT', /^\/orders\/\d+$/, 'updateOrderById'],
  ['GET', /^\/orders\/\d+\/notes$/, 'listOrderNotes'],
  ['POST', /^\/orders\/\d+\/notes$/, 'createOrderNote'],
  ['GET', /^\/orders\/\d+\/refunds$/, 'listOrderRefunds'],
  ['POST', /^\/orders\/\d+\/refunds$/, 'createOrderRefund'],
  ['GET', /^\/products$/, 'listAllProducts'],
  ['PUT', /^\/products\/\d+$/, 'updateProductById'],
  ['POST', /^\/products\/batch$/, 'batchProducts'],
  ['PUT', /^\/products\/\d+\/variations\/\d+$/, 'updateProductVariationById'],
  ['POST', /^\/products\/\d+\/variations\/batch$/, 'batchProductVariations'],
];

const BASE = '/wp-json/wc/v3';
const wooError = (status: number, code: string, message: string) =>
  Response.json({ code, message, data: { status } }, { status: status as ContentfulStatusCode });

export function createWooFake(opts: WooFakeOptions) {
  const catalog = opts.catalog ?? demoCatalog;
  const clock = opts.clock ?? (() => new Date());
  let lastIssued = 0;
  let seq = 0;
  const state = createWooState(catalog);
  const calls: WooCall[] = [];
  const failures = new Map<string, { status: number; remaining: number; retryAfter: number | null }>();
  const stalls = new Map<string, { ms: number; afterApply: boolean }[]>();
  const expectedAuth = `Basic ${Buffer.from(`${opts.consumerKey}:${opts.consumerSecret}`).toString('base64')}`;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  function now(): string {
    let at = clock().getTime();
    if (opts.autoAdvance !== false && at < lastIssued + 1000) at = lastIssued + 1000;
    lastIssued = Math.max(lastIssued, at);
    return wooDate(new Date(at));
  }

  const app = new Hono();
  app.onError((err) => {
    if (err instanceof WooFakeError) return wooError(err.status, err.code, err.message);
    return wooError(500, 'internal_server_error', 'There has been a critical error on this website.');
  });
  app.use(`${BASE}/*`, async (c, next) => {
    const path = c.req.path.slice(BASE.length);
    const operationId = ROUTES.find(([m, p]) => m === c.req.method && p.test(path))?.[2] ?? 'unknown';
    const text = c.req.method === 'GET' ? '' : await c.req.raw.clone().text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const validationErrors =
      operationId === 'unknown'
        ? [`${c.req.method} ${path} is not an operation the connector should use`]
        : [
            ...validateQuery(operationId, c.req.query()),
            ...(c.req.method === 'GET' ? [] : validateBody(operationId, body)),
          ];
    const call: WooCall = {
      operationId,
      method: c.req.method,
      path,
      query: c.req.query(),
      body,
      validationErrors,
      status: null,
    };
    calls.push(call);
    const stall = stalls.get(operationId)?.shift();
    if (stall && !stall.afterApply) await sleep(stall.ms);
    const failure = failures.get(operationId);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      call.status = failure.status;
      if (failure.retryAfter !== null) c.header('Retry-After', String(failure.retryAfter));
      return c.json(
        {
          code: 'fake_failure',
          message: `Simulated failure ${failure.status}`,
          data: { status: failure.status },
        },
        failure.status as ContentfulStatusCode,
      );
    }
    if (c.req.header('authorization') !== expectedAuth) {
      call.status = 401;
      return wooError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
    }
    if (validationErrors.length > 0) {
      call.status = 400;
      return wooError(400, 'rest_invalid_param', `Invalid parameter(s): ${validationErrors.join('; ')}`);
    }
    await next();
    call.status = c.res.status;
    if (stall?.afterApply) await sleep(stall.ms);
  });
  app.route('/', createWooRoutes({ state, now }));
  app.all('*', () =>
    wooError(404, 'rest_no_route', 'No route was found matching the URL and request method.'),
  );

  return {
    app,
    state,
    calls,
    createOrder(overrides?: WooOrderOverrides): FakeWooOrder {
      seq += 1;
      const order = buildWooOrder(state, { seq, now: now(), catalog }, overrides);
      state.orders.set(order.id, order);
      return order;
    },
    /** The merchant edited the order: it is modified now and shows up in the next pull. */
    touchOrder(id: number, patch: Record<string, unknown> = {}): FakeWooOrder {
      const order = state.orders.get(id);
      if (!order) throw new Error(`no order ${id}`);
      const at = now();
      Object.assign(order, patch, { date_modified_gmt: at, date_modified: at });
      return order;
    },
    stock(sku: string): number | null {
      return [...state.products.values()].find((p) => p.sku === sku)?.stock_quantity ?? null;
    },
    failNext(
      operationId: string,
      {
        status,
        count = 1,
        retryAfter = null,
      }: { status: number; count?: number; retryAfter?: number | null },
    ) {
      failures.set(operationId, { status, remaining: count, retryAfter });
    },
    stallNext(operationId: string, ms: number, { afterApply = false } = {}) {
      stalls.set(operationId, [...(stalls.get(operationId) ?? []), { ms, afterApply }]);
    },
  };
}

export type WooFake = ReturnType<typeof createWooFake>;
