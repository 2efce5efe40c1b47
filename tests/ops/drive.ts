import { and, eq, inArray } from 'drizzle-orm';
import { orders, shipments } from '../../db/schema/index.js';
import { waitFor } from '../support/system.js';
import type { Cluster } from './cluster.js';
import type { HttpClient } from './http-client.js';

/** SKUs with deep stock, so a scenario never runs short by accident. */
const skus = ['SEC-220', 'GAN-M', 'GAN-L', 'GRA-TOM', 'LAM-SOL'];

export interface PickStep {
  binCode: string;
  barcodes: string[];
  quantity: number;
}

/** Orders appear at the simulator; the workers pull, accept (OR21) and re-pull them until they are ready. */
export async function createReadyOrders(
  cluster: Cluster,
  count: number,
  timeoutMs = 60_000,
): Promise<string[]> {
  const externalIds = Array.from({ length: count }, (_, i) => {
    const a = skus[i % skus.length]!;
    const b = skus[(i + 2) % skus.length]!;
    return cluster.simulator.simulator.createOrder({
      lines: [
        { sku: a, quantity: 1 + (i % 2) },
        { sku: b, quantity: 1 },
      ],
    }).order_id;
  });
  return waitForReady(cluster, externalIds, timeoutMs);
}

export async function waitForReady(cluster: Cluster, externalIds: string[], timeoutMs = 60_000) {
  const { db } = cluster.system.deps;
  const rows = await waitFor(
    async () => {
      const found = await db
        .select({ id: orders.id, status: orders.status })
        .from(orders)
        .where(and(eq(orders.channelId, cluster.channelId), inArray(orders.externalId, externalIds)));
      return found.length === externalIds.length && found.every((o) => o.status === 'ready') ? found : null;
    },
    timeoutMs,
    `${externalIds.length} order(s) pulled, accepted and ready`,
  );
  return rows.map((r) => r.id);
}

let scanSeq = 0;
const scanId = (tag: string) => `${tag}-${process.pid}-${Date.now().toString(36)}-${scanSeq++}`;

/**
 * The scans a picker and a packer make for one order, each with its client scan id so they can be
 * replayed; read from the pick list before any unit is picked.
 */
export async function orderScans(client: HttpClient, orderId: string) {
  const list = await client.retry('GET', `/api/orders/${orderId}/pick-list`);
  if (list.status !== 200) throw new Error(`pick list: ${list.status} ${JSON.stringify(list.body)}`);
  const units = (list.body as PickStep[]).flatMap((step) =>
    Array.from({ length: step.quantity }, () => ({ binCode: step.binCode, code: step.barcodes[0] })),
  );
  return {
    pick: units.map((u) => ({
      path: `/api/orders/${orderId}/pick-scans`,
      body: { clientScanId: scanId('pick'), binCode: u.binCode, itemCode: u.code },
    })),
    pack: units.map((u) => ({
      path: `/api/orders/${orderId}/pack-scans`,
      body: { clientScanId: scanId('pack'), code: u.code },
    })),
  };
}

export async function send(client: HttpClient, scans: { path: string; body: unknown }[]) {
  for (const scan of scans) {
    const res = await client.retry('POST', scan.path, scan.body);
    if (res.status !== 200) throw new Error(`${scan.path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** Label then ship; a lost answer to the label request is recovered from the database, as the desk would. */
export async function labelAndShip(cluster: Cluster, client: HttpClient, orderId: string): Promise<string> {
  const created = await client.retry('POST', `/api/orders/${orderId}/shipments`, {});
  let shipmentId = (created.body as { shipmentId?: string } | null)?.shipmentId;
  if (created.status !== 201) {
    const [existing] = await cluster.system.deps.db
      .select({ id: shipments.id })
      .from(shipments)
      .where(eq(shipments.orderId, orderId));
    if (!existing) throw new Error(`label: ${created.status} ${JSON.stringify(created.body)}`);
    shipmentId = existing.id;
  }
  const shipped = await client.retry('POST', `/api/shipments/${shipmentId}/ship`);
  if (shipped.status !== 200) throw new Error(`ship: ${shipped.status} ${JSON.stringify(shipped.body)}`);
  return shipmentId!;
}

/** The whole floor for some orders: pick, pack, label, ship. */
export async function fulfil(cluster: Cluster, picker: HttpClient, packer: HttpClient, orderIds: string[]) {
  const ids: string[] = [];
  for (const orderId of orderIds) {
    const scans = await orderScans(picker, orderId);
    await send(picker, scans.pick);
    await send(packer, scans.pack);
    ids.push(await labelAndShip(cluster, packer, orderId));
  }
  return ids;
}

export async function waitConfirmed(cluster: Cluster, shipmentIds: string[], timeoutMs = 60_000) {
  const { db } = cluster.system.deps;
  return waitFor(
    async () => {
      const rows = await db.select().from(shipments).where(inArray(shipments.id, shipmentIds));
      return rows.length === shipmentIds.length && rows.every((s) => s.channelPushStatus === 'confirmed')
        ? rows
        : null;
    },
    timeoutMs,
    `${shipmentIds.length} shipment(s) confirmed at the channel`,
  );
}
