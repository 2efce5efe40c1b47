import { validateTrackingNumber } from '../../../labels/index.js';
import {
  type CarrierAddress,
  CarrierError,
  type CarrierShipmentRequest,
  idempotencyKeyOf,
  type TrackingEvent,
  type TrackingStatus,
} from '../carrier.js';

type Json = Record<string, any>;

const cut = (text: string, max: number) => text.slice(0, max);
const digitsPhone = (phone: string | null) => (phone ? cut(phone.replace(/[^\d+]/g, ''), 15) : null);

function party(a: CarrierAddress): Json {
  const phone = digitsPhone(a.phone);
  return {
    Name: cut(a.company ?? a.name, 35),
    AttentionName: cut(a.name, 35),
    ...(phone ? { Phone: { Number: phone } } : {}),
    Address: {
      AddressLine: [a.line1, a.line2].filter((l): l is string => Boolean(l)).map((l) => cut(l, 35)),
      City: cut(a.city, 30),
      PostalCode: cut(a.postalCode.replace(/\s+/g, ''), 9),
      CountryCode: a.countryCode.toUpperCase(),
    },
  };
}

/**
 * Our request as a UPS ShipmentRequest. UPS returns labels as GIF, ZPL, EPL or SPL (no PDF), so the
 * adapter offers ZPL only. The booking key goes in as the shipment reference: UPS has no idempotency
 * key, but the reference can be tracked, which is how a booking is found again after a timeout.
 */
export function toShipRequest(request: CarrierShipmentRequest, accountNumber: string): Json {
  if (request.labelFormat !== 'zpl')
    throw new CarrierError(
      'UPS returns labels as ZPL here (its API has no PDF labels).',
      'carrier_label_format_unsupported',
      false,
    );
  if (request.relayPointId)
    throw new CarrierError(
      "UPS Access Point delivery needs the point's address as well as its id; it is not offered here.",
      'carrier_relay_unsupported',
      false,
    );
  return {
    ShipmentRequest: {
      Request: { RequestOption: 'nonvalidate', TransactionReference: { CustomerContext: request.reference } },
      Shipment: {
        Description: cut(`Order ${request.reference}`, 35),
        Shipper: { ...party(request.shipFrom), ShipperNumber: accountNumber },
        ShipFrom: party(request.shipFrom),
        ShipTo: party(request.shipTo),
        PaymentInformation: {
          ShipmentCharge: [{ Type: '01', BillShipper: { AccountNumber: accountNumber } }],
        },
        Service: { Code: request.serviceCode },
        ReferenceNumber: [{ Value: cut(idempotencyKeyOf(request), 35) }],
        Package: request.parcels.map((p) => ({
          Packaging: { Code: '02' },
          PackageWeight: { UnitOfMeasurement: { Code: 'KGS' }, Weight: kilograms(p.weightGrams) },
          ...(p.dimensionsCm
            ? {
                Dimensions: {
                  UnitOfMeasurement: { Code: 'CM' },
                  Length: String(Math.ceil(p.dimensionsCm.length)),
                  Width: String(Math.ceil(p.dimensionsCm.width)),
                  Height: String(Math.ceil(p.dimensionsCm.height)),
                },
              }
            : {}),
        })),
      },
      LabelSpecification: { LabelImageFormat: { Code: 'ZPL' }, LabelStockSize: { Height: '6', Width: '4' } },
    },
  };
}

/** Kilograms with at most one decimal, as UPS rates them; never less than 0.1. */
function kilograms(grams: number): string {
  if (!Number.isInteger(grams) || grams <= 0)
    throw new CarrierError(
      `Parcel weight must be whole grams above 0, got ${grams}.`,
      'carrier_input_invalid',
      false,
    );
  const tenths = Math.max(1, Math.ceil(grams / 100));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** UPS answers one object or an array depending on version and count: always an array here. */
export function many<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function checkedTrackingNumber(value: unknown): string {
  try {
    return validateTrackingNumber('ups', String(value)).value;
  } catch (_err) {
    throw new CarrierError(
      `UPS returned a tracking number that does not check out: ${String(value)}`,
      'carrier_bad_response',
      false,
      false,
      null,
    );
  }
}

// UPS activity status types: M manifest (label), P pickup, I in transit, O out for delivery, D delivered, X exception.
const TYPES: Record<string, TrackingStatus> = {
  M: 'label_created',
  MV: 'label_created',
  P: 'in_transit',
  I: 'in_transit',
  O: 'out_for_delivery',
  D: 'delivered',
  X: 'exception',
  RS: 'exception',
};

export function fromTrackResponse(body: Json): TrackingEvent[] {
  const events: TrackingEvent[] = [];
  for (const shipment of many(body?.trackResponse?.shipment))
    for (const pkg of many<Json>(shipment?.package))
      for (const a of many<Json>(pkg?.activity)) {
        if (!/^\d{8}$/.test(a?.date ?? '') || !/^\d{6}$/.test(a?.time ?? '')) continue;
        const d = a.date as string;
        const t = a.time as string;
        events.push({
          status: TYPES[a?.status?.type ?? ''] ?? 'in_transit',
          // UPS gives local date and time; with gmtOffset when present, otherwise read as UTC.
          at: new Date(
            `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}${a.gmtOffset ?? 'Z'}`,
          ).toISOString(),
          description: a?.status?.description ?? '',
        });
      }
  return events.sort((x, y) => x.at.localeCompare(y.at));
}

/** Tracking numbers of the packages a reference search found. */
export function trackingNumbersOf(body: Json): string[] {
  const out: string[] = [];
  for (const shipment of many(body?.trackResponse?.shipment))
    for (const pkg of many<Json>(shipment?.package))
      if (pkg?.trackingNumber) out.push(String(pkg.trackingNumber));
  return out;
}
