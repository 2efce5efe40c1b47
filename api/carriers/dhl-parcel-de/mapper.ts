import { validateTrackingNumber } from '../../../labels/index.js';
import {
  type CarrierAddress,
  CarrierError,
  type CarrierShipmentRequest,
  idempotencyKeyOf,
} from '../carrier.js';
import { alpha3 } from './countries.js';

type Json = Record<string, any>;
const cut = (text: string, max: number) => text.slice(0, max);

function contact(a: CarrierAddress): Json {
  return {
    name1: cut(a.company ?? a.name, 50),
    ...(a.company ? { name2: cut(a.name, 50) } : {}),
    addressStreet: cut(a.line1, 50),
    ...(a.line2 ? { additionalAddressInformation1: cut(a.line2, 60) } : {}),
    postalCode: a.postalCode,
    city: cut(a.city, 40),
    country: alpha3(a.countryCode),
    ...(a.email ? { email: a.email } : {}),
    ...(a.phone ? { phone: cut(a.phone, 20) } : {}),
  };
}

/**
 * One DHL shipment per parcel (a DHL Paket shipment is one piece). A relay point id is read as a DHL
 * retail outlet (Postfiliale / Paketshop) number, which needs the buyer's e-mail to notify them.
 */
export function toOrderRequest(
  request: CarrierShipmentRequest,
  config: { profile: string; billingNumbers: Record<string, string> },
): Json {
  const billingNumber = config.billingNumbers[request.serviceCode];
  if (!billingNumber)
    throw new CarrierError(
      `No DHL billing number is configured for product ${request.serviceCode}.`,
      'carrier_input_invalid',
      false,
    );
  const key = idempotencyKeyOf(request);
  return {
    profile: config.profile,
    shipments: request.parcels.map((p, index) => ({
      product: request.serviceCode,
      billingNumber,
      // refNo: 8 to 35 characters, printed on the label and shown in DHL's portal.
      refNo: cut(`${key}${request.parcels.length > 1 ? `-${index + 1}` : ''}`.padEnd(8, '-'), 35),
      shipper: contact(request.shipFrom),
      consignee: request.relayPointId ? postOffice(request) : contact(request.shipTo),
      details: {
        weight: { uom: 'g', value: p.weightGrams },
        ...(p.dimensionsCm ? { dim: { uom: 'cm', ...roundDims(p.dimensionsCm) } } : {}),
      },
    })),
  };
}

function postOffice(request: CarrierShipmentRequest): Json {
  const retailID = Number(request.relayPointId);
  if (!Number.isInteger(retailID) || !request.shipTo.email)
    throw new CarrierError(
      "A DHL retail outlet needs its number (401-999) and the buyer's e-mail.",
      'carrier_input_invalid',
      false,
    );
  return {
    name: cut(request.shipTo.name, 50),
    retailID,
    email: request.shipTo.email,
    city: request.shipTo.city,
    postalCode: request.shipTo.postalCode,
    country: alpha3(request.shipTo.countryCode),
  };
}

const roundDims = (d: { length: number; width: number; height: number }) => ({
  length: Math.ceil(d.length),
  width: Math.ceil(d.width),
  height: Math.ceil(d.height),
});

/** Items of a /orders answer that failed, as one message ("" when every item is fine). */
export function itemProblems(body: Json): string {
  return ((body?.items ?? []) as Json[])
    .filter((i) => (i?.sstatus?.status ?? i?.sstatus?.statusCode ?? 200) >= 400)
    .map((i) =>
      [
        i.sstatus?.detail ?? i.sstatus?.title,
        ...((i.validationMessages ?? []) as Json[]).map((m) => `${m.property}: ${m.validationMessage}`),
      ].join(' '),
    )
    .join('; ');
}

export function checkedShipmentNo(value: unknown): string {
  try {
    return validateTrackingNumber('dhl_paket', String(value)).value;
  } catch {
    throw new CarrierError(
      `DHL returned a shipment number that does not check out: ${String(value)}`,
      'carrier_bad_response',
      false,
    );
  }
}
