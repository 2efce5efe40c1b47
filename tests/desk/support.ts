import { expect } from 'vitest';
import { createManualOrder } from '../../api/services/manual-orders/create-manual-order.js';
import { signIn, type TestSystem } from '../support/system.js';

let seq = 0;

/** A ready order typed at the desk, reserved from the demo stock. */
export async function readyOrder(
  t: TestSystem,
  lines: { sku: string; quantity: number }[],
  over: { shipBy?: string; postalCode?: string } = {},
): Promise<{ orderId: string; reference: string }> {
  seq++;
  const reference = `DESK-${Date.now().toString(36)}-${seq}`;
  const { orderId } = await createManualOrder(
    t.system.deps,
    {
      reference,
      buyer: { name: 'Łucja Dvořák' },
      shipTo: {
        name: 'Łucja Dvořák',
        line1: '3 place Bellecour',
        postalCode: over.postalCode ?? '69002',
        city: 'Lyon',
        countryCode: 'FR',
      },
      lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: '10.00' })),
      currency: 'EUR',
      shipBy: over.shipBy ?? null,
    },
    t.system.deps.clock.now(),
  );
  return { orderId, reference };
}

/** Picks and packs every unit through the API, the way the handhelds do. */
export async function pickAndPack(t: TestSystem, orderId: string): Promise<void> {
  const picker = await signIn(t.app, { badge: 'BADGE-0001', pin: '1234' });
  const steps = (await (await picker.get(`/api/orders/${orderId}/pick-list`)).json()) as {
    binCode: string;
    barcodes: string[];
    quantity: number;
    quantityPicked: number;
  }[];
  let scan = 0;
  for (const step of steps)
    for (let i = step.quantityPicked; i < step.quantity; i++) {
      const res = await picker.post(`/api/orders/${orderId}/pick-scans`, {
        clientScanId: `pick-${orderId}-${Date.now()}-${scan++}`,
        binCode: step.binCode,
        itemCode: step.barcodes[0],
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }
  await pack(t, orderId, steps);
}

async function pack(t: TestSystem, orderId: string, steps: { barcodes: string[]; quantity: number }[]) {
  const packer = await signIn(t.app, { badge: 'BADGE-0002', pin: '5678' });
  let scan = 0;
  for (const step of steps)
    for (let i = 0; i < step.quantity; i++) {
      const res = await packer.post(`/api/orders/${orderId}/pack-scans`, {
        clientScanId: `pack-${orderId}-${Date.now()}-${scan++}`,
        code: step.barcodes[0],
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }
}

/** Packs again an order sent back to packing (a voided label): every picked unit is scanned in. */
export async function repack(t: TestSystem, orderId: string, units: { ean: string; quantity: number }[]) {
  await pack(
    t,
    orderId,
    units.map((u) => ({ barcodes: [u.ean], quantity: u.quantity })),
  );
}

export interface Labelled {
  orderId: string;
  reference: string;
  shipmentId: string;
  parcelId: string;
  trackingNumber: string;
}

export async function labelShipment(t: TestSystem, orderId: string) {
  const desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
  const res = await desk.post(`/api/orders/${orderId}/shipments`, {});
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { shipmentId: string; parcelId: string; trackingNumber: string };
}

/** An order picked, packed and labelled (self-issued S10 number, PDF label). */
export async function labelledOrder(
  t: TestSystem,
  lines: { sku: string; quantity: number }[],
): Promise<Labelled> {
  const { orderId, reference } = await readyOrder(t, lines);
  await pickAndPack(t, orderId);
  return { orderId, reference, ...(await labelShipment(t, orderId)) };
}
