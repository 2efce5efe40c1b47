import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { Or28Request, refundLines } from './refunds.js';
import { decodeSeekToken, queryReturns, type ReturnQuery } from './returns.js';
import {
  acceptOrder,
  type OrderQuery,
  queryOrders,
  SimError,
  type SimState,
  setTracking,
  shipOrder,
} from './store.js';
import { Or21Request, Or23Request, parseStockCsv } from './wire-schemas.js';

/**
 * The seller operations the connector uses, speaking the wire format of the official spec. Errors use
 * the body Mirakl answers with, `{ "status": <code>, "message": "…" }` (the spec documents no error schema).
 */

export interface RouteContext {
  state: SimState;
  now: () => Date;
  shop: () => Record<string, unknown>;
}

export function miraklError(status: number, message: string) {
  return Response.json({ status, message }, { status: status as ContentfulStatusCode });
}

function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
}

async function jsonBody<T>(req: Request, schema: z.ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new SimError(400, 'The request body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SimError(400, `Invalid request body: ${zodMessage(parsed.error)}`);
  return parsed.data;
}

function dateParam(value: string | undefined, name: string): number | null {
  if (value === undefined || value === '') return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw new SimError(400, `Invalid date-time for parameter '${name}': ${value}`);
  return at;
}

function intParam(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value))
    throw new SimError(400, `Parameter '${name}' must be a positive integer: ${value}`);
  return Number(value);
}

function listParam(value: string | undefined): string[] | null {
  if (value === undefined || value === '') return null;
  return value.split(',').map((v) => v.trim());
}

function orderQuery(q: Record<string, string>): OrderQuery {
  const max = intParam(q.max, 'max', 10);
  if (max < 1 || max > 100) throw new SimError(400, `Parameter 'max' must be between 1 and 100: ${max}`);
  return {
    orderIds: listParam(q.order_ids),
    states: listParam(q.order_state_codes),
    startUpdate: dateParam(q.start_update_date, 'start_update_date'),
    endUpdate: dateParam(q.end_update_date, 'end_update_date'),
    startCreated: dateParam(q.start_date, 'start_date'),
    endCreated: dateParam(q.end_date, 'end_date'),
    offset: intParam(q.offset, 'offset', 0),
    max: q.paginate === 'false' ? null : max,
  };
}

/** RT11's filters; its list parameters are exploded (`return_state=A&return_state=B`). */
function returnQuery(q: Record<string, string>, lists: Record<string, string[]>): ReturnQuery {
  const list = (name: string) => (lists[name]?.length ? lists[name] : null);
  return {
    returnIds: list('return_id'),
    states: list('return_state'),
    orderCommercialIds: list('order_commercial_id'),
    orderLineIds: list('order_line_id'),
    createdFrom: dateParam(q.return_creation_date_from, 'return_creation_date_from'),
    createdTo: dateParam(q.return_creation_date_to, 'return_creation_date_to'),
    updatedFrom: dateParam(q.return_last_updated_from, 'return_last_updated_from'),
    updatedTo: dateParam(q.return_last_updated_to, 'return_last_updated_to'),
    limit: 10,
  };
}

export function createMiraklApi(ctx: RouteContext): Hono {
  const api = new Hono();
  const { state } = ctx;

  api.onError((err) => {
    if (err instanceof SimError) return miraklError(err.status, err.message);
    return miraklError(500, 'Internal error in the Mirakl simulator');
  });

  api.use('/api/*', async (c, next) => {
    const shopId = c.req.query('shop_id');
    if (shopId !== undefined && !/^\d+$/.test(shopId)) {
      return miraklError(400, `Parameter 'shop_id' must be an integer: ${shopId}`);
    }
    await next();
  });

  api.get('/api/orders', (c) => c.json(queryOrders(state, orderQuery(c.req.query()))));

  api.get('/api/returns', (c) => {
    const q = c.req.query();
    const limit = intParam(q.limit, 'limit', 10);
    if (limit < 1 || limit > 100)
      throw new SimError(400, `Parameter 'limit' must be between 1 and 100: ${limit}`);
    // A seek token carries the query it continues; the other filters are not read with it.
    if (q.page_token) {
      const token = decodeSeekToken(q.page_token);
      return c.json(queryReturns(state, { ...token.query, limit }, token.after));
    }
    return c.json(queryReturns(state, { ...returnQuery(q, c.req.queries()), limit }, null));
  });

  // Before the `:orderId` routes: `refund` is not an order id.
  api.put('/api/orders/refund', async (c) => {
    const body = await jsonBody(c.req.raw, Or28Request);
    return c.json(refundLines(state, body, ctx.now()), 200);
  });

  api.put('/api/orders/:orderId/accept', async (c) => {
    const body = await jsonBody(c.req.raw, Or21Request);
    acceptOrder(state, c.req.param('orderId'), body.order_lines, ctx.now());
    return c.body(null, 204);
  });

  api.put('/api/orders/:orderId/tracking', async (c) => {
    const body = await jsonBody(c.req.raw, Or23Request);
    setTracking(state, c.req.param('orderId'), body, ctx.now());
    return c.body(null, 204);
  });

  api.put('/api/orders/:orderId/ship', (c) => {
    shipOrder(state, c.req.param('orderId'), ctx.now());
    return c.body(null, 204);
  });

  api.post('/api/offers/stock/imports', async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) {
      throw new SimError(400, 'STO01 expects multipart/form-data with a part named "file"');
    }
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof Blob)) throw new SimError(400, 'The multipart part "file" is missing');
    const parsed = parseStockCsv(await file.text());
    if (!parsed.ok) throw new SimError(400, `Invalid stock file: ${parsed.errors.join('; ')}`);
    const importId = String(3000 + state.imports.length + 1);
    state.imports.push({ importId, at: ctx.now().toISOString(), rows: parsed.rows });
    for (const row of parsed.rows) if (row.warehouse === null) state.stock.set(row.sku, row.quantity);
    c.header('Location', `/api/offers/stock/imports/${importId}/status`);
    return c.json({ import_id: importId }, 201);
  });

  api.get('/api/account', (c) => c.json(ctx.shop()));

  api.all('/api/*', () => miraklError(404, 'Not found'));
  return api;
}
