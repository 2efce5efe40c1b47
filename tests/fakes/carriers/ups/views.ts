import type { FakeUpsPackage, FakeUpsShipment } from './state.js';

const ok = { ResponseStatus: { Code: '1', Description: 'Success' } };
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export function shipResponse(s: FakeUpsShipment) {
  return {
    ShipmentResponse: {
      Response: ok,
      ShipmentResults: {
        // Fixed width, as the spec has it (8 characters).
        BillingWeight: {
          UnitOfMeasurement: { Code: 'KGS' },
          Weight: s.billingKg.toFixed(1).padStart(8, '0'),
        },
        ShipmentIdentificationNumber: s.id,
        PackageResults: s.packages.map((p) => ({
          TrackingNumber: p.trackingNumber,
          ShippingLabel: { ImageFormat: { Code: 'ZPL', Description: 'ZPL' }, GraphicImage: b64(p.zpl) },
        })),
      },
    },
  };
}

export function recoveryResponse(s: FakeUpsShipment, packages: FakeUpsPackage[]) {
  return {
    LabelRecoveryResponse: {
      Response: ok,
      ShipmentIdentificationNumber: s.id,
      LabelResults: packages.map((p) => ({
        TrackingNumber: p.trackingNumber,
        LabelImage: { LabelImageFormat: { Code: 'ZPL', Description: 'ZPL' }, GraphicImage: b64(p.zpl) },
      })),
    },
  };
}

export function voidResponse() {
  return {
    VoidShipmentResponse: { Response: ok, SummaryResult: { Status: { Code: '1', Description: 'Voided' } } },
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function trackResponse(inquiry: string, packages: FakeUpsPackage[]) {
  return {
    trackResponse: {
      shipment: [
        {
          inquiryNumber: inquiry,
          package: packages.map((p) => ({
            trackingNumber: p.trackingNumber,
            activity: [...p.activity].reverse().map((a) => ({
              date: `${a.at.getUTCFullYear()}${pad(a.at.getUTCMonth() + 1)}${pad(a.at.getUTCDate())}`,
              time: `${pad(a.at.getUTCHours())}${pad(a.at.getUTCMinutes())}${pad(a.at.getUTCSeconds())}`,
              gmtOffset: '+00:00',
              status: { type: a.type, code: a.code, description: a.description },
            })),
          })),
        },
      ],
    },
  };
}

export function upsErrors(code: string, message: string) {
  return { response: { errors: [{ code, message }] } };
}
