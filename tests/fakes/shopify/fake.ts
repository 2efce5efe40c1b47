import { execute, type GraphQLError } from 'graphql';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type DemoProduct, demoCatalog } from '../../../db/seed/demo-catalog.js';
import { actualCost, type Bucket, costExtension, MAX_QUERY_COST, refill, requestedCost } from './cost.js';
import { buildShopifyOrder, type ShopifyOrderOverrides, shopifyDate, stockCatalog } from './order-factory.js';
import { createRoot } from './root.js';
import { adminSchema, checkRequest } from './schema.js';
import { createShopifyState, type FakeOrder, type ShopifyState } from './store.js';
import { signedWebhook } from './webhooks.js';

/**
 * A shop's Admin GraphQL API (2025-01) in-process. Every request is validated against Shopify's own
 * introspection schema and then really executed over the fake's state, so answers have exactly the
 * shape the connector's documents ask for. Calls are logged with their validation errors; the next calls
 * of a root field can be made to fail (HTTP status, Retry-After), to stall before or after applying a
 * write, or to be THROTTLED by the cost bucket.
 */

export interface ShopifyFakeOptions {
  accessToken: string;
  /** Signs the webhooks the fake produces. */
  apiSecret?: string;
  catalog?: DemoProduct[];
  clock?: () => Date;
  /** Every timestamp issued is at least one second after the previous one. */
  autoAdvance?: boolean;
}

export interface ShopifyCall {
  rootFields: string[];
  operationName: string | null;
  query: unknown;
  variables: unknown;
  /** Non-empty when the document or its variables do not validate against the Admin schema. */
  validationErrors: string[];
  status: number | null;
  throttled: boolean;
  at: string;
}

const PATH = '/admin/api/2025-01/graphql.json';

export function createShopifyFake(opts: ShopifyFakeOptions) {
  const catalog = opts.catalog ?? demoCatalog;
  const clock = opts.clock ?? (() => new Date());
  let lastIssued = 0;
  let seq = 0;
  // Built once per process, up front, so the first request's timing is like any other's.
  adminSchema();
  const state: ShopifyState = createShopifyState();
  stockCatalog(state, catalog);
  const calls: ShopifyCall[] = [];
  const failures = new Map<string, { status: number; remaining: number; retryAfter: number | null }>();
  const stalls = new Map<string, { ms: number; afterApply: boolean }[]>();
  // A standard plan's bucket: 1,000 points, refilled at 50 per second.
  const bucket: Bucket = {
    maximumAvailable: 1000,
    currentlyAvailable: 1000,
    restoreRate: 50,
    at: Date.now(),
  };

  function now(): string {
    let at = clock().getTime();
    if (opts.autoAdvance !== false && at < lastIssued + 1000) at = lastIssued + 1000;
    lastIssued = Math.max(lastIssued, at);
    return shopifyDate(new Date(at));
  }
  const root = createRoot(state, now);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const app = new Hono();
  app.post(PATH, async (c) => {
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    const checked = checkRequest(body?.query, body?.variables, body?.operationName as string | undefined);
    const call: ShopifyCall = {
      rootFields: checked.rootFields,
      operationName: checked.ok ? (checked.operation.name?.value ?? null) : null,
      query: body?.query,
      variables: body?.variables,
      validationErrors: checked.ok ? [] : checked.errors,
      status: null,
      throttled: false,
      at: new Date().toISOString(),
    };
    calls.push(call);
    const field = checked.rootFields[0] ?? 'unknown';
    const stall = stalls.get(field)?.shift();
    if (stall && !stall.afterApply) await sleep(stall.ms);
    const failure = failures.get(field);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      call.status = failure.status;
      if (failure.retryAfter !== null) c.header('Retry-After', String(failure.retryAfter));
      return c.json(
        { errors: `Simulated failure ${failure.status}` },
        failure.status as ContentfulStatusCode,
      );
    }
    if (c.req.header('x-shopify-access-token') !== opts.accessToken) {
      call.status = 401;
      return c.json(
        { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
        401,
      );
    }
    call.status = 200;
    if (!checked.ok) return c.json({ errors: checked.errors.map((message) => ({ message })) });
    const cost = requestedCost(checked.operation, checked.variables);
    refill(bucket, Date.now());
    if (cost > MAX_QUERY_COST) {
      return c.json({
        errors: [
          {
            message: `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: MAX_QUERY_COST },
          },
        ],
      });
    }
    if (cost > bucket.currentlyAvailable) {
      call.throttled = true;
      return c.json({
        errors: [
          {
            message: 'Throttled',
            extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
          },
        ],
        extensions: costExtension(bucket, cost, null),
      });
    }
    const result = await execute({
      schema: adminSchema(),
      document: checked.document,
      rootValue: root,
      variableValues: checked.variables,
      operationName: checked.operation.name?.value,
    });
    const actual = Math.max(
      1,
      actualCost(result.data) + (checked.operation.operation === 'mutation' ? 10 : 0),
    );
    bucket.currentlyAvailable -= Math.min(actual, cost);
    if (stall?.afterApply) await sleep(stall.ms);
    return c.json({
      ...(result.data ? { data: result.data } : {}),
      ...(result.errors
        ? { errors: result.errors.map((e: GraphQLError) => ({ message: e.message, path: e.path })) }
        : {}),
      extensions: costExtension(bucket, cost, actual),
    });
  });
  app.all('*', (c) => c.json({ errors: 'Not Found' }, 404));

  function store(order: FakeOrder): FakeOrder {
    state.orders.set(order.id, order);
    return order;
  }

  return {
    app,
    state,
    calls,
    createOrder(overrides?: ShopifyOrderOverrides): FakeOrder {
      seq += 1;
      return store(buildShopifyOrder(state, { seq, now: now(), catalog }, overrides));
    },
    /** The shop changed the order (a note, a tag, an address…): it shows up again in the next pull. */
    touchOrder(orderId: string, patch: Partial<FakeOrder> = {}): FakeOrder {
      const order = state.orders.get(orderId);
      if (!order) throw new Error(`no order ${orderId}`);
      Object.assign(order, patch, { updatedAt: now() });
      return order;
    },
    available(sku: string): number | null {
      const variant = state.variants.find((v) => v.sku === sku);
      const location = state.locations[0];
      if (!variant || !location) return null;
      return state.available.get(`${variant.inventoryItemId}|${location.id}`) ?? null;
    },
    /** The next `count` requests for `rootField` answer `status` before auth (like a gateway). */
    failNext(
      rootField: string,
      {
        status,
        count = 1,
        retryAfter = null,
      }: { status: number; count?: number; retryAfter?: number | null },
    ) {
      failures.set(rootField, { status, remaining: count, retryAfter });
    },
    /** The next request for `rootField` waits `ms`, before executing or (afterApply) after it. */
    stallNext(rootField: string, ms: number, { afterApply = false } = {}) {
      stalls.set(rootField, [...(stalls.get(rootField) ?? []), { ms, afterApply }]);
    },
    setBucket(values: Partial<Omit<Bucket, 'at'>>) {
      refill(bucket, Date.now());
      Object.assign(bucket, values);
    },
    /** An `orders/create` (or other topic) delivery as Shopify sends it, signed with the app secret. */
    webhook(orderId: string, topic = 'orders/create') {
      const order = state.orders.get(orderId);
      if (!order) throw new Error(`no order ${orderId}`);
      return signedWebhook(order, topic, state.shop.myshopifyDomain, opts.apiSecret ?? '');
    },
  };
}

export type ShopifyFake = ReturnType<typeof createShopifyFake>;
