import { Hono } from 'hono';
import type { CdiscountState, FakeOrder } from './store.js';

/** Octopia's behaviour behind each operation, after the fake has validated the request. */
export class OctopiaProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const ACTIVE = new Set(['InPreparation', 'CancelRequest']);

export function createRoutes(ctx: { state: CdiscountState; now: () => string }) {
  const { state, now } = ctx;
  const app = new Hono();
  let ids = 0;

  function order(id: string): FakeOrder {
    const o = state.orders.get(id);
    if (!o) throw new OctopiaProblem(404, 'Not Found', `Order ${id} not found`);
    return o;
  }

  function touch(o: FakeOrder) {
    o.updatedAt = now();
  }

  app.get('/orders', (c) => {
    const q = c.req.query();
    const pageSize = Number(q.pageSize ?? 50);
    const pageIndex = Number(q.pageIndex ?? 1);
    const min = q.updatedAtMin ? Date.parse(q.updatedAtMin) : Number.NEGATIVE_INFINITY;
    const max = q.updatedAtMax ? Date.parse(q.updatedAtMax) : Number.POSITIVE_INFINITY;
    const key = (q.sort ?? 'createdAt') as 'createdAt' | 'updatedAt';
    const all = [...state.orders.values()]
      .filter((o) => Date.parse(o.updatedAt) >= min && Date.parse(o.updatedAt) <= max)
      .sort((a, b) => Date.parse(a[key] as string) - Date.parse(b[key] as string));
    const items = all.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
    return c.json({ itemsPerPage: pageSize, items });
  });

  app.get('/orders/:orderId', (c) => c.json(order(c.req.param('orderId'))));

  app.post('/orders/:orderId/approval-status', async (c) => {
    const o = order(c.req.param('orderId'));
    const { approval_status } = (await c.req.json()) as { approval_status: 'Accepted' | 'Refused' };
    if (o.status !== 'WaitingAcceptance') {
      throw new OctopiaProblem(409, 'Conflict', `Order ${o.orderId} is ${o.status}, not WaitingAcceptance`);
    }
    // Cdiscount's final controls pass at once here: an accepted order is ready to prepare.
    const next = approval_status === 'Accepted' ? 'InPreparation' : 'Refused';
    o.status = next;
    for (const line of o.lines) line.status = next;
    touch(o);
    return c.body(null, 201);
  });

  app.post('/orders/:orderId/shipments', async (c) => {
    const o = order(c.req.param('orderId'));
    const parcels = (await c.req.json()) as {
      parcelNumber: string;
      carrierName: string;
      trackingUrl?: string;
      orderLineIds: string[];
    }[];
    if (o.status !== 'InPreparation') {
      throw new OctopiaProblem(
        409,
        'Conflict',
        `Order ${o.orderId} is ${o.status}; only InPreparation orders ship`,
      );
    }
    for (const parcel of parcels) {
      for (const lineId of parcel.orderLineIds) {
        const line = o.lines.find((l) => l.lineId === lineId);
        if (!line)
          throw new OctopiaProblem(400, 'Bad Request', `Line ${lineId} is not in order ${o.orderId}`);
        if (!ACTIVE.has(line.status)) {
          throw new OctopiaProblem(400, 'Bad Request', `Line ${lineId} is ${line.status} and cannot ship`);
        }
      }
    }
    for (const parcel of parcels) {
      o.shipments.push({ ...parcel, createdAt: now() });
      for (const lineId of parcel.orderLineIds) {
        const line = o.lines.find((l) => l.lineId === lineId);
        if (line) line.status = 'Shipped';
      }
    }
    if (o.lines.every((l) => l.status === 'Shipped' || l.status === 'Cancelled')) o.status = 'Shipped';
    touch(o);
    return c.body(null, 201);
  });

  app.get('/order-cancellation-requests', (c) => {
    const id = c.req.query('orderSellerId');
    const items = state.cancellations.filter((r) => !id || r.orderSellerId === id);
    return c.json({ itemsPerPage: items.length, items });
  });

  app.post('/order-partial-cancellation-requests', async (c) => {
    const body = (await c.req.json()) as {
      orderSellerId: string;
      lines: { lineId: string; offerId: string; reason: string; shippingCostRefund?: boolean }[];
    };
    const o = order(body.orderSellerId);
    for (const l of body.lines) {
      const line = o.lines.find((x) => x.lineId === l.lineId);
      if (!line || line.offer.id !== l.offerId) {
        throw new OctopiaProblem(
          400,
          'Bad Request',
          `Line ${l.lineId} with offer ${l.offerId} is not in the order`,
        );
      }
      if (line.status === 'Shipped' || line.status === 'Cancelled') {
        throw new OctopiaProblem(400, 'Bad Request', `Line ${l.lineId} is ${line.status}`);
      }
    }
    ids += 1;
    const request = {
      cancellationRequestId: `CR-${ids}`,
      orderSellerId: o.orderId,
      status: 'Accepted',
      lines: body.lines.map((l) => ({ ...l, shippingCostRefund: l.shippingCostRefund ?? false })),
    };
    state.cancellations.push(request);
    for (const l of body.lines) {
      const line = o.lines.find((x) => x.lineId === l.lineId);
      if (line) line.status = 'Cancelled';
    }
    if (o.lines.every((l) => l.status === 'Cancelled')) o.status = 'Cancelled';
    else if (o.lines.every((l) => l.status === 'Shipped' || l.status === 'Cancelled')) o.status = 'Shipped';
    touch(o);
    return c.json({ cancellationRequestId: request.cancellationRequestId }, 201);
  });

  app.post('/offer-packages', async (c) => {
    const body = (await c.req.json()) as { salesChannelId: string; packageType: string };
    ids += 1;
    const packageId = `PKG-${ids}`;
    state.packages.set(packageId, { packageId, ...body, state: 'WaitingForCompletion', requests: [] });
    return c.json({ packageId }, 201);
  });

  function pkg(id: string) {
    const p = state.packages.get(id);
    if (!p) throw new OctopiaProblem(404, 'Not Found', `Package ${id} not found`);
    return p;
  }

  app.post('/offer-packages/:packageId/offer-requests', async (c) => {
    const p = pkg(c.req.param('packageId'));
    if (p.state !== 'WaitingForCompletion') {
      throw new OctopiaProblem(409, 'Conflict', `Package ${p.packageId} is ${p.state}: no more uploads`);
    }
    p.requests.push(...((await c.req.json()) as FakeRequest[]));
    return c.body(null, 201);
  });

  app.patch('/offer-packages/:packageId', (c) => {
    const p = pkg(c.req.param('packageId'));
    // Integration is immediate here; Octopia integrates asynchronously.
    for (const r of p.requests) {
      if (r.quantity !== undefined && state.stock.has(r.sellerExternalReference))
        state.stock.set(r.sellerExternalReference, r.quantity);
    }
    p.state = 'Integrated';
    return c.body(null, 204);
  });

  app.get('/sellers', (c) => c.json({ sellerId: '98979', shopName: 'Jardin Malin' }));

  return app;
}

type FakeRequest = { sellerExternalReference: string; quantity?: number };
