import { Hono } from 'hono';
import { type DemoProduct, demoCatalog } from '../../../db/seed/demo-catalog.js';
import { renderHomePage } from './html.js';
import { createOfferImportsApi } from './offer-imports.js';
import { buildOrder, type CreateOrderOverrides, miraklDate, type SimOrder } from './order-factory.js';
import { type CreateReturnInput, createReturn, setReturnState } from './returns.js';
import { createMiraklApi, miraklError } from './routes.js';
import { demoShop } from './shop.js';
import { createState, SimError, type SimState } from './store.js';

/**
 * A Mirakl seller API that runs in-process (tests call `app.request`) or on a port (the demo). It keeps
 * a log of every call so tests can validate what a connector sent against the official spec, and it can
 * fail or stall the next calls of an operation to exercise retry and ambiguity handling.
 */

export interface MiraklSimulatorOptions {
  apiKey: string;
  catalog?: DemoProduct[];
  seed?: number;
  clock?: () => Date;
  /** Every timestamp the simulator issues is at least one second after the previous one. */
  autoAdvance?: boolean;
  trackingMandatory?: boolean;
}

export interface ReceivedCall {
  operationId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  at: string;
  /** The status answered, filled once the response is known. */
  status: number | null;
}

const OPERATIONS: [method: string, pattern: RegExp, operationId: string][] = [
  ['GET', /^\/api\/orders$/, 'OR11'],
  ['PUT', /^\/api\/orders\/[^/]+\/accept$/, 'OR21'],
  ['PUT', /^\/api\/orders\/[^/]+\/tracking$/, 'OR23'],
  ['PUT', /^\/api\/orders\/[^/]+\/ship$/, 'OR24'],
  ['PUT', /^\/api\/orders\/refund$/, 'OR28'],
  ['POST', /^\/api\/offers\/stock\/imports$/, 'STO01'],
  ['GET', /^\/api\/account$/, 'A01'],
  ['GET', /^\/api\/returns$/, 'RT11'],
];

function operationOf(method: string, path: string): string {
  return OPERATIONS.find(([m, p]) => m === method && p.test(path))?.[2] ?? 'unknown';
}

/** mulberry32: tiny, seedable, good enough to vary demo data reproducibly. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Copies the body for the log without consuming the request the handler will read. */
async function readBodyForLog(req: Request): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const copy = req.clone();
  const type = req.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await copy.formData().catch(() => null);
    if (!form) return '(unreadable multipart body)';
    const parts: Record<string, unknown> = {};
    for (const [name, value] of form.entries()) {
      parts[name] = typeof value === 'string' ? value : { filename: value.name, content: await value.text() };
    }
    return parts;
  }
  const text = await copy.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createMiraklSimulator(opts: MiraklSimulatorOptions) {
  const catalog = opts.catalog ?? demoCatalog;
  const clock = opts.clock ?? (() => new Date());
  const startedAt = miraklDate(clock());
  let rng = seededRandom(opts.seed ?? 1);
  let seq = 0;
  let lastIssued = 0;
  const state: SimState = createState();
  state.trackingMandatory = opts.trackingMandatory ?? true;
  const received: ReceivedCall[] = [];
  const failures = new Map<string, { status: number; remaining: number }>();
  const delays = new Map<string, number[]>();

  function now(): Date {
    let at = clock().getTime();
    if (opts.autoAdvance && at < lastIssued + 1000) at = lastIssued + 1000;
    lastIssued = Math.max(lastIssued, at);
    return new Date(at);
  }

  function build(overrides?: CreateOrderOverrides): SimOrder {
    seq += 1;
    return buildOrder({ rng, seq, now: now(), catalog }, overrides);
  }

  function store(order: SimOrder): SimOrder {
    state.orders.set(order.order_id, order);
    state.createdIds.push(order.order_id);
    return order;
  }

  const app = new Hono();
  app.onError(() => miraklError(500, 'Internal error in the Mirakl simulator'));

  app.use('/api/*', async (c, next) => {
    const path = c.req.path;
    const entry: ReceivedCall = {
      operationId: operationOf(c.req.method, path),
      method: c.req.method,
      path,
      query: c.req.query(),
      body: await readBodyForLog(c.req.raw),
      at: new Date().toISOString(),
      status: null,
    };
    received.push(entry);
    const delay = delays.get(entry.operationId)?.shift();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const failure = failures.get(entry.operationId);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      entry.status = failure.status;
      return miraklError(failure.status, `Simulated failure ${failure.status} for ${entry.operationId}`);
    }
    if (c.req.header('authorization') !== opts.apiKey) {
      entry.status = 401;
      return miraklError(401, 'Unauthorized');
    }
    await next();
    entry.status = c.res.status;
  });

  const shop = () => demoShop(startedAt, miraklDate(clock()), state.orders.size, catalog.length);
  app.route('/', createOfferImportsApi({ state, now, catalog }));
  app.route('/', createMiraklApi({ state, now, shop }));

  app.get('/', (c) => c.html(renderHomePage(state, received)));
  app.get('/_sim/received', (c) =>
    c.json({ orders: state.createdIds.map((id) => state.orders.get(id)), received }),
  );
  app.post('/_sim/orders', (c) => c.json(store(build()), 201));
  // The buyer asks to send a shipped order back (every line in full), for the demo.
  app.post('/_sim/orders/:orderId/returns', (c) => {
    try {
      return c.json(createReturn(state, c.req.param('orderId'), {}, now()), 201);
    } catch (err) {
      if (err instanceof SimError) return miraklError(err.status, err.message);
      throw err;
    }
  });

  return {
    app,
    state,
    received,
    /** Generates a realistic order (WAITING_ACCEPTANCE) and makes it visible to OR11. */
    createOrder: (overrides?: CreateOrderOverrides) => store(build(overrides)),
    /** Generates an order without storing it, to be bent into a malformed one for `addRawOrder`. */
    buildOrder: build,
    /** A buyer's return of a shipped order (WAITING_ACCEPTANCE by default), visible to RT11. */
    createReturn: (orderId: string, input: CreateReturnInput = {}) =>
      createReturn(state, orderId, input, now()),
    /** Moves a return on (IN_PROGRESS, RECEIVED, CLOSED…), which updates its `last_updated`. */
    setReturnState: (returnId: string, next: string) => setReturnState(state, returnId, next, now()),
    /** Stores any JSON as a return, as is: for malformed notices. */
    addRawReturn: (raw: Record<string, unknown>) => {
      state.returns.push(raw as never);
    },
    /** Stores any JSON as an order, as is: for malformed payloads (missing offer_sku, negative quantity…). */
    addRawOrder: (raw: Record<string, unknown>) => store(raw as SimOrder),
    /** The next `count` calls of `operationId` answer `status` (auth is checked after, like a gateway). */
    failNext(operationId: string, { status, count = 1 }: { status: number; count?: number }) {
      failures.set(operationId, { status, remaining: count });
    },
    /** The next call of `operationId` waits `ms` before it is handled (and still applies its change). */
    delayNext(operationId: string, ms: number) {
      delays.set(operationId, [...(delays.get(operationId) ?? []), ms]);
    },
    reset() {
      Object.assign(state, createState(), { trackingMandatory: opts.trackingMandatory ?? true });
      received.length = 0;
      failures.clear();
      delays.clear();
      rng = seededRandom(opts.seed ?? 1);
      seq = 0;
      lastIssued = 0;
    },
  };
}

export type MiraklSimulator = ReturnType<typeof createMiraklSimulator>;
