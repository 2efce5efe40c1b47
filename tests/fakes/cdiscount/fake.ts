import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { createRoutes, OctopiaProblem } from './routes.js';
import { validateBody, validateQuery } from './schemas.js';
import { buildOrder, createCdiscountState, type FakeOrder, type OrderOverrides } from './store.js';

/**
 * Octopia's auth server and seller API v2 in one in-process app (`/auth/realms/maas/…` and
 * `/seller/v2/…`). Every request is matched to its operation and validated against the schemas in
 * ./schemas.ts before it is handled; calls are logged with their validation errors. The next calls of
 * an operation can be made to fail (429, 500…) or to stall before or after applying a write.
 */
export interface CdiscountFakeOptions {
  clientId: string;
  clientSecret: string;
  sellerId: string;
  /** Seconds a token lives (Octopia: 7200). */
  tokenLifetime?: number;
}

export interface CdiscountCall {
  operationId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  validationErrors: string[];
  status: number | null;
}

const BASE = '/seller/v2';
const ROUTES: [string, RegExp, string][] = [
  ['GET', /^\/orders$/, 'getOrders'],
  ['GET', /^\/orders\/[^/]+$/, 'getOrder'],
  ['POST', /^\/orders\/[^/]+\/approval-status$/, 'postApprovalStatus'],
  ['POST', /^\/orders\/[^/]+\/shipments$/, 'postShipments'],
  ['GET', /^\/order-cancellation-requests$/, 'listCancellationRequests'],
  ['POST', /^\/order-partial-cancellation-requests$/, 'createPartialCancellationRequest'],
  ['POST', /^\/offer-packages$/, 'createOfferPackage'],
  ['POST', /^\/offer-packages\/[^/]+\/offer-requests$/, 'createOfferRequests'],
  ['PATCH', /^\/offer-packages\/[^/]+$/, 'updateOfferPackage'],
  ['GET', /^\/sellers$/, 'getSeller'],
];

const problem = (status: number, title: string, detail: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

export function createCdiscountFake(opts: CdiscountFakeOptions) {
  const state = createCdiscountState();
  const calls: CdiscountCall[] = [];
  const tokens = new Set<string>();
  const failures = new Map<string, { status: number; remaining: number; retryAfter: number | null }>();
  const stalls = new Map<string, { ms: number; afterApply: boolean }[]>();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  let lastIssued = 0;
  let seq = 0;

  // Every change moves `updatedAt` forward by at least a millisecond, so the pull window sees it.
  function now(): string {
    const at = Math.max(Date.now(), lastIssued + 1);
    lastIssued = at;
    return new Date(at).toISOString();
  }

  const app = new Hono();
  app.onError((err) => {
    if (err instanceof OctopiaProblem) return problem(err.status, err.title, err.detail);
    return problem(500, 'Internal Server Error', 'Unexpected error');
  });

  app.post('/auth/realms/maas/protocol/openid-connect/token', async (c) => {
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    const validationErrors = c.req.header('content-type')?.startsWith('application/x-www-form-urlencoded')
      ? validateBody('token', form)
      : ['content type must be application/x-www-form-urlencoded'];
    const call: CdiscountCall = {
      operationId: 'token',
      method: 'POST',
      path: c.req.path,
      query: {},
      body: { ...form, client_secret: '***' },
      validationErrors,
      status: 400,
    };
    calls.push(call);
    if (validationErrors.length > 0) return c.json({ error: 'invalid_request' }, 400);
    if (form.client_id !== opts.clientId || form.client_secret !== opts.clientSecret) {
      call.status = 401;
      return c.json({ error: 'invalid_client', error_description: 'Invalid client credentials' }, 401);
    }
    const token = randomBytes(16).toString('hex');
    tokens.add(token);
    call.status = 200;
    return c.json({ access_token: token, expires_in: opts.tokenLifetime ?? 7200, token_type: 'Bearer' });
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
    const call: CdiscountCall = {
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
      return problem(failure.status, 'Simulated failure', `Simulated failure ${failure.status}`);
    }
    const bearer = c.req.header('authorization')?.replace(/^Bearer /, '') ?? '';
    if (!tokens.has(bearer)) {
      call.status = 401;
      return problem(401, 'Unauthorized', 'Invalid or expired token');
    }
    if (c.req.header('sellerid') !== opts.sellerId) {
      call.status = 403;
      return problem(403, 'Forbidden', 'SellerId header missing or not linked to this client');
    }
    if (validationErrors.length > 0) {
      call.status = 400;
      return problem(400, 'Bad Request', validationErrors.join('; '));
    }
    await next();
    call.status = c.res.status;
    if (stall?.afterApply) await sleep(stall.ms);
  });
  app.route(BASE, createRoutes({ state, now }));
  app.all('*', (c) => problem(404, 'Not Found', `${c.req.method} ${c.req.path} does not exist`));

  return {
    app,
    state,
    calls,
    createOrder(overrides?: OrderOverrides): FakeOrder {
      seq += 1;
      const order = buildOrder(state, seq, now(), overrides);
      state.orders.set(order.orderId, order);
      return order;
    },
    /** Octopia revokes every token (the next call with an old one gets a 401). */
    revokeTokens() {
      tokens.clear();
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

export type CdiscountFake = ReturnType<typeof createCdiscountFake>;
