import { beforeEach, describe, expect, it } from 'vitest';
import { CarrierError } from '../../api/carriers/carrier.js';
import { createUpsAdapter } from '../../api/carriers/ups/adapter.js';
import { validateTrackingNumber } from '../../labels/index.js';
import { createUpsFake, type UpsFake } from '../fakes/carriers/ups/fake.js';
import { aRequest, barcodesOn, fetchInto } from './support.js';

const base = 'http://ups.test';
const creds = { clientId: 'ups-client', clientSecret: 'ups-secret', accountNumber: 'R89390' };

describe('UPS adapter against the spec-checked fake', () => {
  let fake: UpsFake;
  const adapter = (timeoutMs = 5000) =>
    createUpsAdapter({
      baseUrl: base,
      ...creds,
      fetch: fetchInto(fake.app, base),
      timeoutMs,
      retryDelayMs: 1,
    });
  const request = (over: Parameters<typeof aRequest>[0] = {}) =>
    aRequest({ serviceCode: '11', labelFormat: 'zpl', ...over });
  beforeEach(() => {
    fake = createUpsFake(creds);
  });

  it('ships two packages: 1Z numbers with valid check digits, ZPL labels whose barcodes read back', async () => {
    const created = await adapter().createShipment(
      request({ parcels: [{ weightGrams: 1320 }, { weightGrams: 250 }] }),
    );
    expect(created.parcels).toHaveLength(2);
    expect(created.carrierShipmentId).toBe(created.parcels[0]?.trackingNumber);
    for (const p of created.parcels) {
      expect(validateTrackingNumber('ups', p.trackingNumber).verifiedBy).toBe('check_digit');
      expect(await barcodesOn(p.label)).toEqual([p.trackingNumber]);
    }
    const sent = fake.received.find((c) => c.operation === 'ship')?.body as Record<string, any>;
    expect(sent.ShipmentRequest.Shipment.Package[1].PackageWeight.Weight).toBe('0.3');
    // One token for every call.
    expect(fake.received.filter((c) => c.operation === 'token')).toHaveLength(1);
    expect(fake.requestErrors).toEqual([]);
    expect(fake.responseErrors).toEqual([]);
  });

  it('says plainly that UPS gives no PDF labels', async () => {
    const err = await adapter()
      .createShipment(request({ labelFormat: 'pdf' }))
      .catch((e) => e);
    expect(err).toBeInstanceOf(CarrierError);
    expect(err.code).toBe('carrier_label_format_unsupported');
    expect(fake.received.filter((c) => c.operation === 'ship')).toHaveLength(0);
  });

  it('voids a shipment (a second void is refused as final) and tracks a package', async () => {
    const a = adapter();
    const one = await a.createShipment(request());
    await a.cancel({ carrierShipmentId: one.carrierShipmentId });
    expect(fake.state.shipments.get(one.carrierShipmentId)?.voided).toBe(true);
    const again = await a.cancel({ carrierShipmentId: one.carrierShipmentId }).catch((e) => e);
    expect(again).toBeInstanceOf(CarrierError);
    expect(again.retryable).toBe(false);

    const two = await a.createShipment(request({ reference: 'ord_two', idempotencyKey: 'ord_two' }));
    const tn = two.parcels[0]!.trackingNumber;
    fake.scan(tn, 'I', 'Departed from Facility', new Date('2030-01-02T08:00:00Z'));
    fake.scan(tn, 'O', 'Out For Delivery Today', new Date('2030-01-03T07:00:00Z'));
    fake.scan(tn, 'D', 'Delivered', new Date('2030-01-03T11:30:00Z'));
    const events = await a.track(tn);
    expect(events.map((e) => e.status)).toEqual([
      'label_created',
      'in_transit',
      'out_for_delivery',
      'delivered',
    ]);
    expect(events.at(-1)).toEqual({
      status: 'delivered',
      at: '2030-01-03T11:30:00.000Z',
      description: 'Delivered',
    });
    expect(fake.requestErrors).toEqual([]);
    expect(fake.responseErrors).toEqual([]);
  });

  it('retries after a 500 and ships once', async () => {
    fake.faults.fail('ship', 'status_500');
    const created = await adapter().createShipment(request());
    expect(fake.received.filter((c) => c.operation === 'ship').map((c) => c.status)).toEqual([500, 200]);
    expect(fake.state.shipments.size).toBe(1);
    expect(await barcodesOn(created.parcels[0]!.label)).toEqual([created.parcels[0]!.trackingNumber]);
  });

  it('after a timeout that did ship, finds the shipment by its reference and recovers the label (no second shipment)', async () => {
    fake.faults.fail('ship', 'timeout_after_apply');
    const created = await adapter(2500).createShipment(request());
    expect(fake.received.find((c) => c.operation === 'ship')?.status).toBe(0);
    expect(fake.state.shipments.size).toBe(1);
    expect(fake.received.filter((c) => c.operation === 'ship')).toHaveLength(1);
    expect(fake.received.map((c) => c.operation)).toEqual(
      expect.arrayContaining(['track-reference', 'recovery']),
    );
    const [booked] = [...fake.state.shipments.values()];
    expect(created.parcels[0]?.trackingNumber).toBe(booked?.packages[0]?.trackingNumber);
    expect(await barcodesOn(created.parcels[0]!.label)).toEqual([created.parcels[0]!.trackingNumber]);
    expect(fake.requestErrors).toEqual([]);
  });
});
