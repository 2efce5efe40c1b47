import { beforeEach, describe, expect, it } from 'vitest';
import { CarrierError } from '../../api/carriers/carrier.js';
import { createSendcloudAdapter } from '../../api/carriers/sendcloud/adapter.js';
import { createSendcloudFake, type SendcloudFake } from '../fakes/carriers/sendcloud/fake.js';
import { aRequest, barcodesOn, fetchInto } from './support.js';

const base = 'http://sendcloud.test/api/v3';
const keys = { publicKey: 'pub-key', secretKey: 'secret-key' };

describe('Sendcloud v3 adapter against the spec-checked fake', () => {
  let fake: SendcloudFake;
  const adapter = (timeoutMs = 5000) =>
    createSendcloudAdapter({
      baseUrl: base,
      ...keys,
      fetch: fetchInto(fake.app, base),
      timeoutMs,
      retryDelayMs: 1,
    });
  beforeEach(() => {
    fake = createSendcloudFake(keys);
  });

  it('announces two parcels, gets their tracking numbers and PDF labels whose barcodes read back', async () => {
    const created = await adapter().createShipment(
      aRequest({
        parcels: [
          { weightGrams: 1320 },
          { weightGrams: 800, dimensionsCm: { length: 20, width: 15, height: 5 } },
        ],
      }),
    );
    expect(created.parcels).toHaveLength(2);
    for (const parcel of created.parcels) {
      expect(parcel.label.format).toBe('pdf');
      expect(await barcodesOn(parcel.label)).toEqual([parcel.trackingNumber]);
    }
    const sent = fake.received.find((c) => c.operation === 'announce')?.body as Record<string, any>;
    expect(sent.parcels[1].weight).toEqual({ value: '0.800', unit: 'kg' });
    expect(sent.external_reference_id).toBe('ord_01testcarrier0000000000');
    expect(fake.requestErrors).toEqual([]);
    expect(fake.responseErrors).toEqual([]);
  });

  it('asks for ZPL when told to and gets a ZPL label carrying the tracking number', async () => {
    const created = await adapter().createShipment(aRequest({ labelFormat: 'zpl', relayPointId: '10458' }));
    const [parcel] = created.parcels;
    expect(parcel?.label.format).toBe('zpl');
    expect(new TextDecoder().decode(parcel?.label.bytes).startsWith('^XA')).toBe(true);
    expect(await barcodesOn(parcel!.label)).toEqual([parcel!.trackingNumber]);
    expect(fake.requestErrors).toEqual([]);
  });

  it('cancels a shipment, refuses a second cancel as final, and tracks a parcel', async () => {
    const a = adapter();
    const one = await a.createShipment(aRequest());
    const two = await a.createShipment(aRequest({ reference: 'ord_second', idempotencyKey: 'ord_second' }));
    await a.cancel({ carrierShipmentId: one.carrierShipmentId });
    expect(fake.state.shipments.get(one.carrierShipmentId)?.status).toBe('cancelled');
    const again = await a.cancel({ carrierShipmentId: one.carrierShipmentId }).catch((e) => e);
    expect(again).toBeInstanceOf(CarrierError);
    expect(again.retryable).toBe(false);
    // Cancel by tracking number finds the shipment first.
    await a.cancel({ trackingNumber: two.parcels[0]!.trackingNumber });
    expect(fake.state.shipments.get(two.carrierShipmentId)?.status).toBe('cancelled');

    const three = await a.createShipment(aRequest({ reference: 'ord_third', idempotencyKey: 'ord_third' }));
    const tn = three.parcels[0]!.trackingNumber;
    fake.scan(tn, 'in_transit', 'At the sorting centre', '2030-01-02T08:00:00Z');
    fake.scan(tn, 'delivered', 'Delivered', '2030-01-03T11:30:00Z');
    const events = await a.track(tn);
    expect(events.map((e) => e.status)).toEqual(['label_created', 'in_transit', 'delivered']);
    expect(events.at(-1)).toMatchObject({ at: '2030-01-03T11:30:00.000Z', description: 'Delivered' });
    expect(fake.responseErrors).toEqual([]);
  });

  it('retries after a 500 and books once', async () => {
    fake.faults.fail('announce', 'status_500');
    const created = await adapter().createShipment(aRequest());
    expect(fake.received.filter((c) => c.operation === 'announce').map((c) => c.status)).toEqual([500, 201]);
    expect(fake.state.shipments.size).toBe(1);
    expect(await barcodesOn(created.parcels[0]!.label)).toEqual([created.parcels[0]!.trackingNumber]);
  });

  it('after a timeout that did book, reads the booking back by external_reference_id instead of booking twice', async () => {
    fake.faults.fail('announce', 'timeout_after_apply');
    // Long enough for the fake to finish booking (it renders the labels) before the client gives up.
    const created = await adapter(2500).createShipment(aRequest());
    expect(fake.state.shipments.size).toBe(1);
    const [booked] = [...fake.state.shipments.values()];
    expect(created.carrierShipmentId).toBe(booked?.id);
    expect(created.parcels[0]?.trackingNumber).toBe(booked?.parcels[0]?.trackingNumber);
    // The first announce was applied but never answered; the booking came from the read-back.
    expect(fake.received.find((c) => c.operation === 'announce')?.status).toBe(0);
    expect(fake.received.some((c) => c.operation === 'list')).toBe(true);
    expect(await barcodesOn(created.parcels[0]!.label)).toEqual([created.parcels[0]!.trackingNumber]);
  });

  it('turns down a body the spec does not allow (the check is not a rubber stamp)', async () => {
    const res = await fake.app.request('/shipments/announce', {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('pub-key:secret-key').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ to_address: { name: 'x' }, parcels: [{ weight: { value: 1, unit: 'stone' } }] }),
    });
    expect(res.status).toBe(400);
    expect(fake.requestErrors[0]?.errors.join('\n')).toMatch(/ship_with|from_address/);
  });
});
