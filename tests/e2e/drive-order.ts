import { randomUUID } from 'node:crypto';
import { pullChannel } from '../../api/services/channels/pull-channel.js';
import { type signIn, type TestSystem, waitFor } from '../support/system.js';

type Client = Awaited<ReturnType<typeof signIn>>;

async function json<T>(res: Response, expected: number): Promise<T> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

interface OrderView {
  id: string;
  status: string;
  lines: { sku: string; quantityPicked: number; quantityPacked: number }[];
}

/** Pulls the channel until every external id is an order here; returns their ids by external id. */
export async function pullUntilImported(test: TestSystem, api: Client, externalIds: string[]) {
  return waitFor(
    async () => {
      await pullChannel(test.system.deps, test.channelId);
      const page = await json<{ items: { id: string; externalId: string }[] }>(
        await api.get('/api/orders?limit=500'),
        200,
      );
      const found = new Map(page.items.map((o) => [o.externalId, o.id]));
      return externalIds.every((e) => found.has(e)) ? found : null;
    },
    30_000,
    `orders ${externalIds.join(', ')} imported`,
  );
}

/**
 * accept → ready → pick → pack → shipment, through the HTTP routes a handheld uses. The worker accepts the
 * order at the channel; pulling again brings the channel's "to ship" back, which makes it ready.
 */
export async function driveToLabel(test: TestSystem, api: Client, orderId: string) {
  await waitFor(
    async () => {
      await pullChannel(test.system.deps, test.channelId);
      const order = await json<OrderView>(await api.get(`/api/orders/${orderId}`), 200);
      return order.status === 'ready' ? order : null;
    },
    30_000,
    `order ${orderId} ready`,
  );

  const steps = await json<{ binCode: string; sku: string; quantity: number; quantityPicked: number }[]>(
    await api.get(`/api/orders/${orderId}/pick-list`),
    200,
  );
  for (const step of steps) {
    const quantity = step.quantity - step.quantityPicked;
    if (quantity <= 0) continue;
    await json(
      await api.post(`/api/orders/${orderId}/pick-scans`, {
        clientScanId: randomUUID(),
        binCode: step.binCode,
        itemCode: step.sku,
        quantity,
      }),
      200,
    );
  }

  const picked = await json<OrderView>(await api.get(`/api/orders/${orderId}`), 200);
  if (picked.status !== 'picked') throw new Error(`order is ${picked.status} after picking, expected picked`);
  for (const line of picked.lines) {
    for (let unit = line.quantityPacked; unit < line.quantityPicked; unit++) {
      await json(
        await api.post(`/api/orders/${orderId}/pack-scans`, { clientScanId: randomUUID(), code: line.sku }),
        200,
      );
    }
  }

  return json<{ shipmentId: string; parcelId: string; trackingNumber: string; labelUrl: string }>(
    await api.post(`/api/orders/${orderId}/shipments`, {}),
    201,
  );
}
