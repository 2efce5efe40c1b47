import { beforeEach, describe, expect, it } from 'vitest';
import { CarrierError } from '../../api/carriers/carrier.js';
import { createDhlParcelDeAdapter } from '../../api/carriers/dhl-parcel-de/adapter.js';
import { validateTrackingNumber } from '../../labels/index.js';
import { createDhlParcelDeFake, type DhlParcelDeFake } from '../fakes/carriers/dhl-parcel-de/fake.js';
import { aRequest, barcodesOn, fetchInto } from './support.js';

const base = 'http://dhl.test/parcel/de/shipping/v2';
const creds = { apiKey: 'dhl-key', user: 'sandy', password: 'pass' };

describe('DHL Parcel DE adapter against the spec-checked fake', () => {
  let fake: DhlParcelDeFake;
  const adapter = (timeoutMs = 5000) =>
    createDhlParcelDeAdapter({
      baseUrl: base,
      ...creds,
      billingNumbers: { V01PAK: '33333333330102' },
      fetch: fetchInto(fake.app, base),
      timeoutMs,
      retryDelayMs: 1,
    });
  const request = (over: Parameters<typeof aRequest>[0] = {}) => aRequest({ serviceCode: 'V01PAK', ...over });
  beforeEach(() => {
    fake = createDhlParcelDeFake(creds);
  });

  it('validates without booking, then books two parcels with PDF labels fetched from GET /labels', async () => {
    const a = adapter();
    await a.validate(request());
    expect(fake.shipments.size).toBe(0);
    const created = await a.createShipment(
      request({
        parcels: [
          { weightGrams: 1320 },
          { weightGrams: 4000, dimensionsCm: { length: 40, width: 30, height: 20 } },
        ],
      }),
    );
    expect(created.parcels).toHaveLength(2);
    for (const p of created.parcels) {
      expect(validateTrackingNumber('dhl_paket', p.trackingNumber).verifiedBy).toBe('check_digit');
      expect(p.label.format).toBe('pdf');
      expect(await barcodesOn(p.label)).toEqual([p.trackingNumber]);
    }
    expect(fake.received.filter((c) => c.operation === 'label')).toHaveLength(2);
    const sent = fake.received.find((c) => c.operation === 'orders')?.body as Record<string, any>;
    expect(sent.shipments[0].shipper.country).toBe('FRA');
    expect(sent.shipments[0].consignee.country).toBe('DEU');
    expect(fake.requestErrors).toEqual([]);
    expect(fake.responseErrors).toEqual([]);
  });

  it('books with a ZPL label and cancels one shipment; a second cancel is refused as final; tracking is not offered', async () => {
    const a = adapter();
    const created = await a.createShipment(request({ labelFormat: 'zpl' }));
    const [p] = created.parcels;
    expect(await barcodesOn(p!.label)).toEqual([p!.trackingNumber]);
    await a.cancel({ trackingNumber: p!.trackingNumber });
    expect(fake.shipments.get(p!.trackingNumber)?.deleted).toBe(true);
    const again = await a.cancel({ carrierShipmentId: created.carrierShipmentId }).catch((e) => e);
    expect(again).toBeInstanceOf(CarrierError);
    expect(again.retryable).toBe(false);
    expect(a.canTrack).toBe(false);
    expect((await a.track(p!.trackingNumber).catch((e) => e)).code).toBe('carrier_capability_missing');
    expect(fake.responseErrors).toEqual([]);
  });

  it('retries after a 500 and books once', async () => {
    fake.faults.fail('orders', 'status_500');
    const created = await adapter().createShipment(request());
    expect(fake.received.filter((c) => c.operation === 'orders').map((c) => c.status)).toEqual([500, 200]);
    expect(fake.shipments.size).toBe(1);
    expect(await barcodesOn(created.parcels[0]!.label)).toEqual([created.parcels[0]!.trackingNumber]);
  });

  it('has no way to find a booking after a timeout: the retry books a second shipment at DHL (documented limit)', async () => {
    fake.faults.fail('orders', 'timeout_after_apply');
    const created = await adapter(2500).createShipment(request());
    // Both carry the same refNo; only the second one's number reached us.
    const booked = [...fake.shipments.values()];
    expect(booked).toHaveLength(2);
    expect(new Set(booked.map((s) => s.refNo)).size).toBe(1);
    expect(created.parcels[0]?.trackingNumber).toBe(booked[1]?.shipmentNo);
  });
});
