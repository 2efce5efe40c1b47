import { randomUUID } from 'node:crypto';
import { createReadyOrder } from '../picking/fixtures.js';
import { signIn, type TestSystem } from '../support/system.js';

export type Client = Awaited<ReturnType<typeof signIn>>;

export async function asJson<T>(res: Response, expected = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export interface View {
  order: { id: string; status: string };
  lines: { id: string; sku: string; quantity: number; quantityPacked: number; barcodes: string[] }[];
  boxes: {
    id: string;
    seq: number;
    status: string;
    parcelId: string | null;
    trackingNumber: string | null;
    weightGrams: number | null;
    lines: { orderLineId: string; quantity: number }[];
  }[];
  shipment: { id: string; status: string } | null;
}

export interface PackResult {
  view: View;
  labelled: {
    shipmentId: string;
    parcels: { parcelId: string; trackingNumber: string; seq: number }[];
  } | null;
  print: {
    outcome: { via: string; ms: number } | null;
    error: { code: string; message: string } | null;
  } | null;
}

/** A ready order on `channelId`, picked through the order pick route with the products' own barcodes. */
export async function pickedOrder(
  t: TestSystem,
  picker: Client,
  lines: { sku: string; quantity: number }[],
  options: { channelId?: string } = {},
) {
  const { orderId } = await createReadyOrder(t.system.deps.db, options.channelId ?? t.channelId, lines);
  const steps = await asJson<{ binCode: string; barcodes: string[]; quantity: number }[]>(
    await picker.get(`/api/orders/${orderId}/pick-list`),
  );
  for (const step of steps)
    await asJson(
      await picker.post(`/api/orders/${orderId}/pick-scans`, {
        clientScanId: randomUUID(),
        binCode: step.binCode,
        itemCode: step.barcodes[0],
        quantity: step.quantity,
      }),
    );
  return orderId;
}

export const packClients = async (t: TestSystem) => ({
  picker: await signIn(t.app, { badge: 'BADGE-0001', pin: '1234' }),
  packer: await signIn(t.app, { badge: 'BADGE-0002', pin: '5678' }),
  desk: await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' }),
});

/** Opens the order at the station and scans `count` units of `sku` into the open box. */
export async function scanInto(packer: Client, view: View, sku: string, count: number): Promise<View> {
  let current = view;
  const line = current.lines.find((l) => l.sku === sku)!;
  for (let i = 0; i < count; i++) {
    const box = current.boxes.find((b) => b.status === 'open')!;
    current = await asJson<View>(
      await packer.post(`/api/pack/orders/${current.order.id}/scans`, {
        clientScanId: randomUUID(),
        code: line.barcodes[0],
        boxId: box.id,
      }),
    );
  }
  return current;
}

export const openBox = (view: View) => view.boxes.find((b) => b.status === 'open')!;
