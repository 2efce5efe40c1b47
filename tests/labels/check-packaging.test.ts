import { describe, expect, it } from 'vitest';
import { checkPackaging, type PackagingInput } from '../../labels/index.js';

const base: PackagingInput = {
  marketplace: 'amazon',
  serviceLevel: 'standard',
  carrier: 'colissimo',
  service: 'home',
  carrierCode: 'Colissimo',
  parcel: { weightGrams: 2_000, lengthCm: 40, widthCm: 30, heightCm: 20 },
  trackingNumber: 'LA123456785FR',
  shipBy: '2025-03-05T18:00:00Z',
  now: '2025-03-04T10:00:00Z',
};

describe('checkPackaging', () => {
  it('passes a parcel that every rule allows', () => {
    expect(checkPackaging(base)).toEqual([]);
  });

  it.each([
    [
      'a 31 kg parcel for Colissimo',
      { parcel: { ...base.parcel, weightGrams: 31_000 } },
      ['weight_exceeded'],
      /DPD Classic|UPS Standard/,
    ],
    [
      'an oversized Mondial Relay parcel',
      {
        carrier: 'mondial_relay',
        service: '24R',
        serviceLevel: 'relay',
        carrierCode: 'Mondial Relay',
        parcel: { weightGrams: 8_000, lengthCm: 130, widthCm: 40, heightCm: 30 },
      },
      ['length_exceeded', 'size_sum_exceeded'],
      /Colissimo Domicile/,
    ],
    [
      'an Amazon order with a carrier code Amazon does not accept',
      { carrierCode: 'LaPosteMaison' },
      ['carrier_code_not_accepted'],
      /Colissimo, DPD/,
    ],
    ['an order with no tracking number', { trackingNumber: null }, ['tracking_missing'], /tracked service/],
    ['an order past its ship-by date', { now: '2025-03-06T09:00:00Z' }, ['ship_by_passed'], /express/],
  ] as const)('blocks %s, with its reason and a way out', (_name, change, codes, suggestion) => {
    const violations = checkPackaging({ ...base, ...change } as PackagingInput);
    expect(violations.map((v) => v.code)).toEqual(codes);
    for (const violation of violations) expect(violation.reason.length).toBeGreaterThan(10);
    expect(violations[0]?.suggestion).toMatch(suggestion);
  });

  it('returns every violation at once, not the first', () => {
    const violations = checkPackaging({
      ...base,
      carrierCode: 'SELF',
      trackingNumber: null,
      parcel: { weightGrams: 45_000, lengthCm: 210, widthCm: 50, heightCm: 50 },
    });
    expect(violations.map((v) => v.code)).toEqual([
      'weight_exceeded',
      'length_exceeded',
      'size_sum_exceeded',
      'tracking_missing',
      'carrier_code_not_accepted',
    ]);
    // 45 kg and 210 cm: UPS Standard (70 kg, 270 cm, girth 419) is the one service left.
    expect(violations[0]?.suggestion).toMatch(/^Ship it with UPS Standard, or split/);
  });

  it("checks a Mirakl order against the operator's own carrier list", () => {
    const mirakl = { ...base, marketplace: 'mirakl', carrierCode: 'COLISSIMO' };
    expect(checkPackaging({ ...mirakl, operatorCarrierCodes: ['COLISSIMO', 'UPS'] })).toEqual([]);
    expect(checkPackaging({ ...mirakl, operatorCarrierCodes: ['UPS'] }).map((v) => v.code)).toEqual([
      'carrier_code_not_accepted',
    ]);
  });

  it('names an unknown carrier service or marketplace instead of passing it', () => {
    const codes = checkPackaging({ ...base, carrier: 'pigeon', marketplace: 'nowhere' }).map((v) => v.code);
    expect(codes).toEqual(['carrier_service_unknown', 'marketplace_unknown']);
  });
});
