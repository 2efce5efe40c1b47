import { describe, expect, it } from 'vitest';
import { createMiraklSimulator } from './simulator.js';
import { specExample, validateRequestBody, validateResponse } from './spec.js';
import { Or21Request, Or23Request } from './wire-schemas.js';

const KEY = 'test-key';
const BASE = 'http://mirakl.test';

function setup() {
  const sim = createMiraklSimulator({ apiKey: KEY, seed: 7, autoAdvance: true });
  async function call(method: string, path: string, body?: unknown, key = KEY) {
    const init: RequestInit = { method, headers: { authorization: key } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { authorization: key, 'content-type': 'application/json' };
    }
    const res = await sim.app.request(`${BASE}${path}`, init);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
  }
  return { sim, call };
}

describe('Mirakl simulator: OR11 against the official spec', () => {
  it('the validator rejects the spec’s own example, which misses required fields', () => {
    const errors = validateResponse('OR11', 200, specExample('OR11', 200));
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining("'paymentType'")]));
  });

  it('emits orders that validate in every state of their life', async () => {
    const { sim, call } = setup();
    for (let i = 0; i < 40; i++) sim.createOrder();
    const [first, second, third] = [...sim.state.orders.values()];
    if (!first || !second || !third) throw new Error('orders missing');
    await call('PUT', `/api/orders/${first.order_id}/accept`, {
      order_lines: first.order_lines.map((l) => ({ id: l.order_line_id, accepted: true })),
    });
    await call('PUT', `/api/orders/${second.order_id}/accept`, {
      order_lines: second.order_lines.map((l) => ({ id: l.order_line_id, accepted: false })),
    });
    await call('PUT', `/api/orders/${third.order_id}/accept`, {
      order_lines: third.order_lines.map((l) => ({ id: l.order_line_id, accepted: true })),
    });
    await call('PUT', `/api/orders/${third.order_id}/tracking`, {
      carrier_code: 'COLISSIMO',
      tracking_number: '6A1',
    });
    expect((await call('PUT', `/api/orders/${third.order_id}/ship`)).status).toBe(204);

    const page = await call('GET', '/api/orders?max=100');
    expect(page.status).toBe(200);
    expect(validateResponse('OR11', 200, page.body)).toEqual([]);
    const states = (page.body.orders as { order_state: string }[]).map((o) => o.order_state);
    expect(new Set(states)).toEqual(new Set(['WAITING_ACCEPTANCE', 'SHIPPING', 'REFUSED', 'SHIPPED']));
    expect(page.body.total_count).toBe(40);
  });

  it('A01 and STO01 answers validate too', async () => {
    const { sim } = setup();
    const account = await sim.app.request(`${BASE}/api/account`, { headers: { authorization: KEY } });
    expect(validateResponse('A01', 200, await account.json())).toEqual([]);
    const form = new FormData();
    form.set('file', new Blob(['"offer-sku";"quantity"\n"SEC-220";5\n']), 'stock.csv');
    const res = await sim.app.request(`${BASE}/api/offers/stock/imports`, {
      method: 'POST',
      headers: { authorization: KEY },
      body: form,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toMatch(/\/api\/offers\/stock\/imports\/\d+\/status$/);
    expect(validateResponse('STO01', 201, await res.json())).toEqual([]);
    expect(sim.state.stock.get('SEC-220')).toBe(5);
  });
});

describe('Mirakl simulator: wire behaviour', () => {
  it('answers 401 with the Mirakl error shape without the right key, and logs the call', async () => {
    const { sim, call } = setup();
    const res = await call('GET', '/api/orders', undefined, 'wrong');
    expect(res).toEqual({ status: 401, body: { status: 401, message: 'Unauthorized' } });
    expect(sim.received.at(-1)).toMatchObject({ operationId: 'OR11', status: 401 });
  });

  it('filters OR11 by order_ids, state and inclusive start_update_date, and pages with total_count', async () => {
    const { sim, call } = setup();
    const orders = Array.from({ length: 25 }, () => sim.createOrder());
    const tenth = orders[9];
    if (!tenth) throw new Error('missing');
    const since = await call('GET', `/api/orders?start_update_date=${tenth.last_updated_date}&max=100`);
    expect(since.body.total_count).toBe(16);
    const paged = await call('GET', '/api/orders?offset=20&max=10');
    expect((paged.body.orders as unknown[]).length).toBe(5);
    expect(paged.body.total_count).toBe(25);
    const byId = await call('GET', `/api/orders?order_ids=${tenth.order_id},NOPE-A`);
    expect((byId.body.orders as { order_id: string }[]).map((o) => o.order_id)).toEqual([tenth.order_id]);
    const none = await call('GET', '/api/orders?order_state_codes=SHIPPED');
    expect(none.body.total_count).toBe(0);
    expect((await call('GET', '/api/orders?max=101')).status).toBe(400);
    expect((await call('GET', '/api/orders?start_update_date=yesterday')).status).toBe(400);
  });

  it('rejects bad bodies and wrong states with 400 and a message', async () => {
    const { sim, call } = setup();
    const order = sim.createOrder();
    const bad = await call('PUT', `/api/orders/${order.order_id}/accept`, { order_lines: [{ id: 1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: 400, message: expect.stringContaining('order_lines.0') });
    const early = await call('PUT', `/api/orders/${order.order_id}/ship`);
    expect(early).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('must be SHIPPING') },
    });
    const missing = await call('PUT', `/api/orders/${order.order_id}/accept`, { order_lines: [] });
    expect(missing.body.message).toContain('ORDER_LINE_ACCEPTANCE_DECISION_MISSING');
    const lines = order.order_lines.map((l) => ({ id: l.order_line_id, accepted: true }));
    expect((await call('PUT', `/api/orders/${order.order_id}/accept`, { order_lines: lines })).status).toBe(
      204,
    );
    const again = await call('PUT', `/api/orders/${order.order_id}/accept`, { order_lines: lines });
    expect(again.body.message).toContain('ORDER_INVALID_STATE');
    const untracked = await call('PUT', `/api/orders/${order.order_id}/ship`);
    expect(untracked).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('Tracking number is mandatory') },
    });
    const nullUrl = await call('PUT', `/api/orders/${order.order_id}/tracking`, {
      carrier_code: 'X',
      carrier_url: null,
    });
    expect(nullUrl.status).toBe(400);
    expect((await call('PUT', '/api/orders/NOPE-A/ship')).status).toBe(404);
  });

  it('rejects a stock file that does not follow the documented columns', async () => {
    const { sim } = setup();
    const form = new FormData();
    form.set('file', new Blob(['sku,qty\nSEC-220,5\n']), 'stock.csv');
    const res = await sim.app.request(`${BASE}/api/offers/stock/imports`, {
      method: 'POST',
      headers: { authorization: KEY },
      body: form,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('offer-sku');
  });

  it('injects failures and serves the demo page and the call log', async () => {
    const { sim, call } = setup();
    sim.createOrder();
    sim.failNext('OR11', { status: 503, count: 2 });
    expect((await call('GET', '/api/orders')).status).toBe(503);
    expect((await call('GET', '/api/orders')).status).toBe(503);
    expect((await call('GET', '/api/orders')).status).toBe(200);
    const page = await sim.app.request(`${BASE}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('SIM0000001-A');
    expect(html).not.toContain(KEY);
    const log = (await (await sim.app.request(`${BASE}/_sim/received`)).json()) as { received: unknown[] };
    expect(log.received).toHaveLength(3);
    sim.reset();
    expect(sim.state.orders.size).toBe(0);
    expect(sim.received).toHaveLength(0);
  });
});

describe('the simulator’s zod request schemas agree with the official spec', () => {
  it.each([
    ['OR21', Or21Request, { order_lines: [{ accepted: true, id: 'A-1' }] }, true],
    ['OR21', Or21Request, { order_lines: [{ accepted: 'yes', id: 'A-1' }] }, false],
    ['OR21', Or21Request, {}, false],
    ['OR23', Or23Request, { carrier_code: 'UPS', tracking_number: '1Z' }, true],
    ['OR23', Or23Request, { carrier_code: 'UPS', carrier_url: null }, false],
    ['OR23', Or23Request, { tracking_number: 5555 }, false],
  ])('%s %j', (operationId, schema, body, valid) => {
    expect(schema.safeParse(body).success).toBe(valid);
    expect(validateRequestBody(operationId, body).length === 0).toBe(valid);
  });
});
