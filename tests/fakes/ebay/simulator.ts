import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { type DemoProduct, demoCatalog } from '../../../db/seed/demo-catalog.js';
import { seededRandom } from '../amazon/random.js';
import {
  buildEbayOrder,
  type CreateEbayOrderOverrides,
  type EbayFakeOrder,
  ebayDate,
} from './order-factory.js';
import { createEbayApi, type EbayState, ebayError } from './routes.js';
import { validateEbayRequest, validateEbayResponse } from './spec.js';

/**
 * An eBay seller account in-process: identity endpoint (refresh-token grant), Sell Fulfillment and the
 * bulk stock call of Sell Inventory. Every request is validated against eBay's OAS3 files, every JSON
 * answer too; calls are logged; failures, slow answers and changed orders can be injected.
 */
export interface EbayFakeOptions {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  catalog?: DemoProduct[];
  seed?: number;
  clock?: () => Date;
  autoAdvance?: boolean;
  tokenTtlSeconds?: number;
  validateResponses?: boolean;
}

const OPERATIONS: [string, RegExp, string][] = [
  ['GET', /^\/sell\/fulfillment\/v1\/order$/, 'getOrders'],
  ['GET', /^\/sell\/fulfillment\/v1\/order\/[^/]+$/, 'getOrder'],
  ['GET', /^\/sell\/fulfillment\/v1\/order\/[^/]+\/shipping_fulfillment$/, 'getShippingFulfillments'],
  ['POST', /^\/sell\/fulfillment\/v1\/order\/[^/]+\/shipping_fulfillment$/, 'createShippingFulfillment'],
  ['POST', /^\/sell\/fulfillment\/v1\/order\/[^/]+\/issue_refund$/, 'issueRefund'],
  ['POST', /^\/sell\/inventory\/v1\/bulk_update_price_quantity$/, 'bulkUpdatePriceQuantity'],
];

export interface EbayCallLog {
  operationId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number | null;
}

export function createEbayFake(opts: EbayFakeOptions) {
  const catalog = opts.catalog ?? demoCatalog;
  const clock = opts.clock ?? (() => new Date());
  const rng = seededRandom(opts.seed ?? 1);
  let seq = 0;
  let lastIssued = 0;
  let idSeq = 0;
  const state: EbayState = {
    orders: new Map(),
    fulfillments: new Map(),
    inventory: new Map(catalog.map((p) => [p.sku, 0])),
    offers: new Map(),
  };
  const tokens = new Map<string, number>();
  const received: EbayCallLog[] = [];
  const violations: { operationId: string; errors: string[] }[] = [];
  const responseViolations: { operationId: string; status: number; errors: string[] }[] = [];
  const failures = new Map<string, { status: number; remaining: number; retryAfterSeconds: number | null }>();
  const delays = new Map<string, number[]>();

  function now(): Date {
    let t = clock().getTime();
    if (opts.autoAdvance && t < lastIssued + 1000) t = lastIssued + 1000;
    lastIssued = Math.max(lastIssued, t);
    return new Date(t);
  }

  const app = new Hono();
  app.onError(() => Response.json(ebayError(10001, 'Internal error in the eBay fake'), { status: 500 }));

  app.post('/identity/v1/oauth2/token', async (c) => {
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    received.push({
      operationId: 'identityToken',
      method: 'POST',
      path: c.req.path,
      query: {},
      body: { ...form, refresh_token: '(hidden)' },
      status: null,
    });
    const basic = `Basic ${Buffer.from(`${opts.clientId}:${opts.clientSecret}`).toString('base64')}`;
    if (c.req.header('authorization') !== basic)
      return c.json({ error: 'invalid_client', error_description: 'client authentication failed' }, 401);
    if (!(c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
      violations.push({
        operationId: 'identityToken',
        errors: ['content-type must be application/x-www-form-urlencoded'],
      });
    }
    if (form.grant_type !== 'refresh_token' || form.refresh_token !== opts.refreshToken || !form.scope) {
      return c.json(
        {
          error: 'invalid_grant',
          error_description:
            'the provided authorization refresh token is invalid or was issued to another client',
        },
        400,
      );
    }
    const token = `v^1.1#i^1#${randomBytes(12).toString('hex')}`;
    const ttl = opts.tokenTtlSeconds ?? 7200;
    tokens.set(token, clock().getTime() + ttl * 1000);
    return c.json({ access_token: token, expires_in: ttl, token_type: 'User Access Token' });
  });

  app.use('/sell/*', async (c, next) => {
    const operationId =
      OPERATIONS.find(([m, p]) => m === c.req.method && p.test(c.req.path))?.[2] ?? 'unknown';
    const text = c.req.method === 'GET' ? '' : await c.req.raw.clone().text();
    const body = text === '' ? undefined : JSON.parse(text);
    const entry: EbayCallLog = {
      operationId,
      method: c.req.method,
      path: c.req.path,
      query: c.req.query(),
      body,
      status: null,
    };
    received.push(entry);
    if (operationId === 'unknown') {
      violations.push({
        operationId,
        errors: [`${c.req.method} ${c.req.path} is not an operation this fake knows`],
      });
      return c.json(ebayError(2002, 'Resource not found'), 404);
    }
    const errors = validateEbayRequest(operationId, {
      query: entry.query,
      headers: { 'content-type': c.req.header('content-type') },
      body,
    });
    if (errors.length > 0) {
      violations.push({ operationId, errors });
      entry.status = 400;
      return c.json(ebayError(32400, errors.join('; ')), 400);
    }
    const failure = failures.get(operationId);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      entry.status = failure.status;
      const headers: Record<string, string> =
        failure.retryAfterSeconds !== null ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
      return c.json(
        ebayError(failure.status === 429 ? 2001 : 10001, `Simulated ${failure.status}`),
        failure.status as 500,
        headers,
      );
    }
    const auth = c.req.header('authorization') ?? '';
    const expiresAt = tokens.get(auth.replace(/^Bearer /, ''));
    if (!auth.startsWith('Bearer ') || expiresAt === undefined || expiresAt <= clock().getTime()) {
      entry.status = 401;
      return c.json(
        {
          errors: [{ errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: 'Invalid access token' }],
        },
        401,
      );
    }
    await next();
    entry.status = c.res.status;
    if (opts.validateResponses !== false && (c.res.headers.get('content-type') ?? '').includes('json')) {
      const found = validateEbayResponse(operationId, c.res.status, await c.res.clone().json());
      if (found.length > 0) responseViolations.push({ operationId, status: c.res.status, errors: found });
    }
    const delay = delays.get(operationId)?.shift();
    if (delay) await new Promise((r) => setTimeout(r, delay));
  });

  app.route('/', createEbayApi({ state, now, newId: (p) => `${p}${String(++idSeq).padStart(8, '0')}` }));

  return {
    app,
    state,
    received,
    violations,
    responseViolations,
    createOrder(overrides?: CreateEbayOrderOverrides): EbayFakeOrder {
      const order = buildEbayOrder({ rng, seq: ++seq, now: now(), catalog }, overrides);
      state.orders.set(order.orderId, order);
      return order;
    },
    updateOrder(id: string, change: (o: EbayFakeOrder) => void) {
      const order = state.orders.get(id);
      if (!order) throw new Error(`no order ${id}`);
      change(order);
      order.lastModifiedDate = ebayDate(now());
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

export type EbayFake = ReturnType<typeof createEbayFake>;
