import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { type DemoProduct, demoCatalog } from '../../../db/seed/demo-catalog.js';
import { operationOf, validateNonSpec } from './operations.js';
import {
  amazonDate,
  buildAmazonOrder,
  type CreateAmazonOrderOverrides,
  type FakeAmazonOrder,
} from './order-factory.js';
import { seededRandom } from './random.js';
import { amazonErrors, createAmazonApi, toErrorResponse } from './routes.js';
import { validateRequest, validateResponse } from './spec.js';
import { createAmazonState, recompute } from './store.js';
import { issueTokenRoutes, type TokenBook } from './tokens.js';

/**
 * An SP-API seller account that runs in-process (tests pass `app.request` as fetch). It validates every
 * request against ordersV0.json (or, for the APIs no spec file covers, the vendor-doc schemas), logs
 * every call, and can be told to answer 429/500/503, to answer slowly after applying a write, and to
 * change or re-deliver orders.
 */
export interface AmazonFakeOptions {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  sellerId: string;
  marketplaceId: string;
  catalog?: DemoProduct[];
  seed?: number;
  clock?: () => Date;
  /** Every timestamp issued is at least one second after the previous one. */
  autoAdvance?: boolean;
  tokenTtlSeconds?: number;
  itemsPageSize?: number;
  /** Validate every JSON response against the spec too (on by default; the bench turns it off). */
  validateResponses?: boolean;
  /** x-amzn-RateLimit-Limit sent on successful answers, by operation. */
  rateLimitHeader?: Record<string, string>;
}

export interface AmazonCall {
  operationId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number | null;
}

export function createAmazonFake(opts: AmazonFakeOptions) {
  const catalog = opts.catalog ?? demoCatalog;
  const clock = opts.clock ?? (() => new Date());
  const rng = seededRandom(opts.seed ?? 1);
  let seq = 0;
  let lastIssued = 0;
  let idSeq = 0;
  const state = createAmazonState();
  for (const p of catalog) state.listings.set(p.sku, 0);
  const received: AmazonCall[] = [];
  const violations: { operationId: string; errors: string[] }[] = [];
  const responseViolations: { operationId: string; status: number; errors: string[] }[] = [];
  const failures = new Map<string, { status: number; remaining: number; retryAfterSeconds: number | null }>();
  const delays = new Map<string, number[]>();
  const tokens: TokenBook = { access: new Map(), restricted: new Map() };
  let baseUrl = 'https://sellingpartnerapi-eu.amazon.com';

  function now(): Date {
    let t = clock().getTime();
    if (opts.autoAdvance && t < lastIssued + 1000) t = lastIssued + 1000;
    lastIssued = Math.max(lastIssued, t);
    return new Date(t);
  }
  const onViolation = (operationId: string, errors: string[]) => violations.push({ operationId, errors });

  const app = new Hono<{ Variables: { pii: Set<string> } }>();
  app.onError((err) => {
    const { status, body } = toErrorResponse(err);
    return Response.json(body, { status });
  });

  app.use('*', async (c, next) => {
    baseUrl = new URL(c.req.url).origin;
    const { operationId, pathParams, kind } = operationOf(c.req.method, c.req.path);
    const text = c.req.method === 'GET' ? '' : await c.req.raw.clone().text();
    const isForm = (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
    const body =
      text === '' ? undefined : isForm ? Object.fromEntries(new URLSearchParams(text)) : safeJson(text);
    const entry: AmazonCall = {
      operationId,
      method: c.req.method,
      path: c.req.path,
      query: c.req.query(),
      body,
      status: null,
    };
    received.push(entry);
    if (kind === 'unknown') {
      onViolation(operationId, [`${c.req.method} ${c.req.path} is not an operation this fake knows`]);
      entry.status = 404;
      return c.json(amazonErrors('NotFound', 'Resource not found'), 404);
    }
    {
      const errors =
        kind === 'spec'
          ? validateRequest(operationId, { query: entry.query, path: pathParams, body })
          : validateNonSpec(operationId, entry.query, body);
      if (errors.length > 0) {
        onViolation(operationId, errors);
        entry.status = 400;
        return c.json(amazonErrors('InvalidInput', errors.join('; ')), 400);
      }
    }
    const failure = failures.get(operationId);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      entry.status = failure.status;
      const headers: Record<string, string> =
        failure.retryAfterSeconds !== null ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
      const code =
        failure.status === 429
          ? 'QuotaExceeded'
          : failure.status === 503
            ? 'ServiceUnavailable'
            : 'InternalFailure';
      return c.json(
        amazonErrors(code, `Simulated ${failure.status} for ${operationId}`),
        failure.status as 429,
        headers,
      );
    }
    await next();
    entry.status = c.res.status;
    const rate = opts.rateLimitHeader?.[operationId];
    if (rate && c.res.status < 300) c.res.headers.set('x-amzn-RateLimit-Limit', rate);
    if (kind === 'spec' && opts.validateResponses !== false && c.res.status !== 204) {
      const errors = validateResponse(operationId, c.res.status, await c.res.clone().json());
      if (errors.length > 0) responseViolations.push({ operationId, status: c.res.status, errors });
    }
    // A slow answer after the write is applied: the caller's timeout makes it ambiguous.
    const delay = delays.get(operationId)?.shift();
    if (delay) await new Promise((r) => setTimeout(r, delay));
  });

  issueTokenRoutes(app, {
    opts,
    tokens,
    now: () => clock(),
    onViolation,
    ttlSeconds: opts.tokenTtlSeconds ?? 3600,
  });
  app.route(
    '/',
    createAmazonApi({
      state,
      now,
      newId: (prefix) => `${prefix}-${++idSeq}-${randomBytes(3).toString('hex')}`,
      baseUrl: () => baseUrl,
      pii: (c) => c.get('pii') ?? new Set(),
      itemsPageSize: opts.itemsPageSize ?? 100,
      onViolation,
    }),
  );

  function store(order: FakeAmazonOrder): FakeAmazonOrder {
    state.orders.set(order.order.AmazonOrderId, order);
    return order;
  }

  return {
    app,
    state,
    received,
    violations,
    responseViolations,
    tokens,
    createOrder: (overrides?: CreateAmazonOrderOverrides) =>
      store(
        buildAmazonOrder(
          { rng, seq: ++seq, now: now(), catalog, marketplaceId: opts.marketplaceId },
          overrides,
        ),
      ),
    /** Changes an order the way Amazon would (payment cleared, buyer cancelled…) and moves its LastUpdateDate. */
    updateOrder(id: string, change: (o: FakeAmazonOrder) => void) {
      const order = state.orders.get(id);
      if (!order) throw new Error(`no order ${id}`);
      change(order);
      recompute(order, now());
    },
    /** Only moves LastUpdateDate: the order is delivered again unchanged. */
    redeliver(id: string) {
      const order = state.orders.get(id);
      if (order) order.order.LastUpdateDate = amazonDate(now());
    },
    failNext(operationId: string, f: { status: number; count?: number; retryAfterSeconds?: number }) {
      failures.set(operationId, {
        status: f.status,
        remaining: f.count ?? 1,
        retryAfterSeconds: f.retryAfterSeconds ?? null,
      });
    },
    /** The next call of `operationId` is applied, then answered `ms` later. */
    delayNext(operationId: string, ms: number) {
      delays.set(operationId, [...(delays.get(operationId) ?? []), ms]);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export type AmazonFake = ReturnType<typeof createAmazonFake>;
