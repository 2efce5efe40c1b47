import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCarrierAdapterFactory } from '../../api/carriers/registry.js';
import { queues } from '../../api/jobs/queues.js';
import { chooseCarrier } from '../../api/services/carriers/choose-carrier.js';
import { createCarrierAccount } from '../../api/services/carriers/create-carrier-account.js';
import { ingestCarrierTracking } from '../../api/services/tracking/ingest-carrier-tracking.js';
import { events, parcelTracking, trackingEvents } from '../../db/schema/index.js';
import { fetchInto } from '../carriers/support.js';
import { driveToLabel, pullUntilImported } from '../e2e/drive-order.js';
import { createSendcloudFake } from '../fakes/carriers/sendcloud/fake.js';
import { signIn, startTestSystem, type TestSystem, waitFor } from '../support/system.js';

const base = 'http://sendcloud.test/api/v3';
const keys = { publicKey: 'pub-key', secretKey: 'secret-key-tracking' };

/**
 * Carrier scans reach the order: the tracking job reads each shipped parcel from the Sendcloud fake
 * (spec-checked), stores new scans once, marks delivery and exceptions, and puts them on the timeline.
 */
describe('carrier tracking ingestion', () => {
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
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  async function shippedParcel(sku: string) {
    const admin = await signIn(t.app, t.admin);
    const sim = t.simulator.createOrder({ lines: [{ sku, quantity: 1 }] });
    const orderId = (await pullUntilImported(t, admin, [sim.order_id])).get(sim.order_id)!;
    await chooseCarrier(t.system.deps.db, {
      orderId,
      carrierAccountId: accountId,
      serviceCode: 'postnl:standard',
    });
    const label = await driveToLabel(t, admin, orderId);
    const shipped = await admin.post(`/api/shipments/${label.shipmentId}/ship`);
    expect(shipped.status).toBe(200);
    return { orderId, trackingNumber: label.trackingNumber, parcelId: label.parcelId };
  }

  it('marks a parcel delivered once, and an exception on another, through the scheduled job', async () => {
    const { db } = t.system.deps;
    const one = await shippedParcel('GRA-TOM');
    const two = await shippedParcel('NIC-BOIS');
    fake.scan(one.trackingNumber, 'in_transit', 'At the sorting centre', '2030-01-02T08:00:00Z');
    fake.scan(one.trackingNumber, 'delivered', 'Delivered to the buyer', '2030-01-03T11:30:00Z');
    fake.scan(two.trackingNumber, 'delivery_failed', 'Address not found', '2030-01-03T12:00:00Z');

    // The hourly fan-out: one job per carrier account that tracks.
    await t.system.deps.jobs.send(queues.pollTracking, {});
    const delivered = await waitFor(
      async () => {
        const [row] = await db.select().from(parcelTracking).where(eq(parcelTracking.parcelId, one.parcelId));
        return row?.status === 'delivered' ? row : null;
      },
      60_000,
      'parcel delivered',
    );
    expect(delivered.deliveredAt?.toISOString()).toBe('2030-01-03T11:30:00.000Z');
    const other = await waitFor(async () => {
      const [row] = await db.select().from(parcelTracking).where(eq(parcelTracking.parcelId, two.parcelId));
      return row?.status === 'exception' ? row : null;
    });
    expect(other.exceptionAt?.toISOString()).toBe('2030-01-03T12:00:00.000Z');

    const stored = await db.select().from(trackingEvents).where(eq(trackingEvents.orderId, one.orderId));
    // Sendcloud reports the announcement too; what matters is each carrier scan stored once.
    const firstCount = stored.length;
    expect(stored.map((s) => s.status)).toEqual(expect.arrayContaining(['in_transit', 'delivered']));

    // Read again: nothing new, nothing doubled, the delivered parcel is no longer asked about.
    const tracksBefore = fake.received.filter((c) => c.operation === 'track').length;
    const again = await ingestCarrierTracking(t.system.deps, accountId);
    expect(again.newEvents).toBe(0);
    expect(
      await db.select().from(trackingEvents).where(eq(trackingEvents.orderId, one.orderId)),
    ).toHaveLength(firstCount);
    const asked = fake.received.filter((c) => c.operation === 'track').slice(tracksBefore);
    expect(asked.some((c) => c.path.endsWith(one.trackingNumber))).toBe(false);
    expect(asked.some((c) => c.path.endsWith(two.trackingNumber))).toBe(true);

    const timeline = await db.select().from(events).where(eq(events.orderId, one.orderId));
    const types = timeline.map((e) => e.type);
    expect(types).toContain('parcel.delivered');
    expect(types.filter((x) => x === 'order.delivered')).toHaveLength(1);
    const otherTypes = (await db.select().from(events).where(eq(events.orderId, two.orderId))).map(
      (e) => e.type,
    );
    expect(otherTypes).toContain('parcel.exception');
    expect(otherTypes).not.toContain('order.delivered');

    const admin = await signIn(t.app, t.admin);
    const view = (await (await admin.get(`/api/orders/${one.orderId}/after-sales`)).json()) as {
      parcels: { trackingNumber: string; status: string; deliveredAt: string; trackingUrl: string | null }[];
    };
    expect(view.parcels[0]).toMatchObject({
      trackingNumber: one.trackingNumber,
      status: 'delivered',
      deliveredAt: '2030-01-03T11:30:00.000Z',
    });
    expect(fake.requestErrors).toEqual([]);
    expect(fake.responseErrors).toEqual([]);
  }, 240_000);
});
