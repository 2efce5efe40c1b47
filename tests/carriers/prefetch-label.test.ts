import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCarrierAdapterFactory } from '../../api/carriers/registry.js';
import { queues } from '../../api/jobs/queues.js';
import { chooseCarrier } from '../../api/services/carriers/choose-carrier.js';
import { createCarrierAccount } from '../../api/services/carriers/create-carrier-account.js';
import { pullChannel } from '../../api/services/channels/pull-channel.js';
import { carrierAccounts, orders, prefetchedLabels, shipments } from '../../db/schema/index.js';
import { createSendcloudFake } from '../fakes/carriers/sendcloud/fake.js';
import { decodeBarcodesInPdf } from '../support/decode-barcodes.js';
import { signIn, startTestSystem, type TestSystem, waitFor } from '../support/system.js';
import { fetchInto } from './support.js';

const base = 'http://sendcloud.test/api/v3';
const keys = { publicKey: 'pub-key', secretKey: 'secret-key-never-in-clear' };
const day = 86_400_000;

/**
 * Labels for tomorrow's orders are booked the day before by the pg-boss job; on the day, packing takes
 * them even though the carrier is down, and books a fresh one only when the parcel weighs otherwise.
 */
describe('label prefetch for tomorrow, and packing during a carrier outage', () => {
  let t: TestSystem;
  const fake = createSendcloudFake(keys);
  let accountId: string;
  beforeAll(async () => {
    t = await startTestSystem();
    t.system.deps.carriers = createCarrierAdapterFactory(fetchInto(fake.app, base));
    ({ id: accountId } = await createCarrierAccount(t.system.deps, {
      type: 'sendcloud',
      name: 'Sendcloud',
      credentials: keys,
      settings: { baseUrl: base },
    }));
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function readyOrder(sku: string, shipInDays: number) {
    const { db } = t.system.deps;
    const sim = t.simulator.createOrder({ lines: [{ sku, quantity: 1 }] });
    await pullChannel(t.system.deps, t.channelId);
    const order = await waitFor(
      async () => {
        const [o] = await db.select().from(orders).where(eq(orders.externalId, sim.order_id));
        return o?.status === 'ready' ? o : null;
      },
      30_000,
      'order ready',
    );
    await db
      .update(orders)
      .set({ shipBy: new Date(Date.now() + shipInDays * day) })
      .where(eq(orders.id, order.id));
    await chooseCarrier(db, {
      orderId: order.id,
      carrierAccountId: accountId,
      serviceCode: 'postnl:standard',
    });
    return order.id;
  }

  async function pickAndPack(orderId: string) {
    const picker = await signIn(t.app, { badge: 'BADGE-0001', pin: '1234' });
    const steps = (await (await picker.get(`/api/orders/${orderId}/pick-list`)).json()) as {
      binCode: string;
      barcodes: string[];
      quantity: number;
    }[];
    const packer = await signIn(t.app, { badge: 'BADGE-0002', pin: '5678' });
    for (const [i, step] of steps.entries())
      for (let n = 0; n < step.quantity; n++) {
        const pick = await picker.post(`/api/orders/${orderId}/pick-scans`, {
          clientScanId: `pk-${orderId}-${i}-${n}`,
          binCode: step.binCode,
          itemCode: step.barcodes[0],
        });
        expect(pick.status).toBe(200);
      }
    for (const [i, step] of steps.entries())
      for (let n = 0; n < step.quantity; n++) {
        const pack = await packer.post(`/api/orders/${orderId}/pack-scans`, {
          clientScanId: `pa-${orderId}-${i}-${n}`,
          code: step.barcodes[0],
        });
        expect(pack.status).toBe(200);
      }
    return packer;
  }

  it('keeps carrier keys sealed at rest', async () => {
    const [row] = await t.system.deps.db
      .select()
      .from(carrierAccounts)
      .where(eq(carrierAccounts.id, accountId));
    expect(row?.credentialsSealed).not.toContain(keys.secretKey);
    expect(t.system.deps.secrets.open(row!.credentialsSealed)).toEqual(keys);
  });

  it('books labels for orders due tomorrow only, and packing uses them while the carrier is down', async () => {
    const { db } = t.system.deps;
    const dueTomorrow = await readyOrder('SEC-220', 1);
    const dueLater = await readyOrder('POT-30T', 5);
    const mismatched = await readyOrder('GAN-M', 1);

    await t.system.deps.jobs.send(queues.prefetchLabel, {});
    const stored = await waitFor(
      async () => {
        const rows = await db.select().from(prefetchedLabels).where(eq(prefetchedLabels.status, 'ready'));
        return rows.length >= 2 ? rows : null;
      },
      30_000,
      'labels booked ahead',
    );
    expect(stored.map((r) => r.orderId).sort()).toEqual([dueTomorrow, mismatched].sort());
    expect(stored.some((r) => r.orderId === dueLater)).toBe(false);
    expect(fake.requestErrors).toEqual([]);

    // The carrier goes down on the day.
    fake.faults.down('announce', 'status_500');
    const announcesBefore = fake.received.filter((c) => c.operation === 'announce').length;

    const packer = await pickAndPack(dueTomorrow);
    const res = await packer.post(`/api/orders/${dueTomorrow}/shipments`, {});
    expect(res.status).toBe(201);
    const created = (await res.json()) as {
      shipmentId: string;
      trackingNumber: string;
      carrierCode: string;
      labelUrl: string;
    };
    const prefetched = stored.find((r) => r.orderId === dueTomorrow)!;
    expect(created.trackingNumber).toBe(prefetched.trackingNumber);
    expect(created.carrierCode).toBe('sendcloud');
    const pdf = new Uint8Array(await (await packer.get(created.labelUrl)).arrayBuffer());
    expect((await decodeBarcodesInPdf(pdf)).map((d) => d.text)).toContain(prefetched.trackingNumber);
    const [used] = await db.select().from(prefetchedLabels).where(eq(prefetchedLabels.id, prefetched.id));
    expect(used?.status).toBe('used');
    const [shipment] = await db.select().from(shipments).where(eq(shipments.id, created.shipmentId));
    expect(shipment?.carrierShipmentId).toBe(prefetched.carrierShipmentId);
    expect(fake.received.filter((c) => c.operation === 'announce').length).toBe(announcesBefore);

    // A parcel far heavier than booked needs a new label: refused while the carrier is down, nothing changes.
    const packer2 = await pickAndPack(mismatched);
    const booked = stored.find((r) => r.orderId === mismatched)!;
    const down = await packer2.post(`/api/orders/${mismatched}/shipments`, {
      weightGrams: booked.weightGrams + 5000,
    });
    expect(down.status).toBe(503);
    expect(((await down.json()) as { code: string }).code).toBe('carrier_unavailable');
    expect(await db.select().from(shipments).where(eq(shipments.orderId, mismatched))).toHaveLength(0);

    fake.faults.clear();
    const up = await packer2.post(`/api/orders/${mismatched}/shipments`, {
      weightGrams: booked.weightGrams + 5000,
    });
    expect(up.status).toBe(201);
    const fresh = (await up.json()) as { trackingNumber: string };
    expect(fresh.trackingNumber).not.toBe(booked.trackingNumber);
    const [retired] = await db
      .select()
      .from(prefetchedLabels)
      .where(and(eq(prefetchedLabels.id, booked.id)));
    expect(retired?.status).toBe('discarded');
    expect(fake.state.shipments.get(booked.carrierShipmentId)?.status).toBe('cancelled');
    expect(fake.requestErrors).toEqual([]);
    expect(fake.responseErrors).toEqual([]);
  });
});
