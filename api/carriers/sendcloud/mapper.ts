import {
  type CarrierAddress,
  CarrierError,
  type CarrierShipmentRequest,
  idempotencyKeyOf,
  type TrackingEvent,
  type TrackingStatus,
} from '../carrier.js';
import type { ScAddress, ScAnnounceRequest, ScTracking } from './wire.js';

function address(a: CarrierAddress): ScAddress {
  return {
    name: a.name,
    ...(a.company ? { company_name: a.company } : {}),
    address_line_1: a.line1,
    ...(a.line2 ? { address_line_2: a.line2 } : {}),
    postal_code: a.postalCode,
    city: a.city,
    country_code: a.countryCode.toUpperCase(),
    ...(a.phone ? { phone_number: a.phone } : {}),
    ...(a.email ? { email: a.email } : {}),
  };
}

/** Our request as Sendcloud's synchronous announce body; weights go as exact decimal kilograms. */
export function toAnnounceRequest(request: CarrierShipmentRequest): ScAnnounceRequest {
  return {
    from_address: address(request.shipFrom),
    to_address: address(request.shipTo),
    ship_with: { type: 'shipping_option_code', properties: { shipping_option_code: request.serviceCode } },
    order_number: request.reference,
    external_reference_id: idempotencyKeyOf(request),
    label_details:
      request.labelFormat === 'zpl'
        ? { mime_type: 'application/zpl', dpi: 203 }
        : { mime_type: 'application/pdf', dpi: 72 },
    ...(request.relayPointId ? { to_service_point: { id: request.relayPointId } } : {}),
    parcels: request.parcels.map((p) => ({
      weight: { value: gramsToKg(p.weightGrams), unit: 'kg' as const },
      ...(p.dimensionsCm
        ? {
            dimensions: {
              length: p.dimensionsCm.length.toFixed(2),
              width: p.dimensionsCm.width.toFixed(2),
              height: p.dimensionsCm.height.toFixed(2),
              unit: 'cm' as const,
            },
          }
        : {}),
    })),
  };
}

function gramsToKg(grams: number): string {
  if (!Number.isInteger(grams) || grams <= 0)
    throw new CarrierError(
      `Parcel weight must be whole grams above 0, got ${grams}.`,
      'carrier_input_invalid',
      false,
    );
  return `${Math.floor(grams / 1000)}.${String(grams % 1000).padStart(3, '0')}`;
}

// Sendcloud's normalised status codes (parcel tracking "status_code").
const STATUS: Record<string, TrackingStatus> = {
  announced: 'label_created',
  ready_to_send: 'label_created',
  accepted: 'in_transit',
  in_transit: 'in_transit',
  sorted: 'in_transit',
  at_sorting_centre: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  at_service_point: 'out_for_delivery',
  delivery_failed: 'exception',
  exception: 'exception',
  returned_to_sender: 'exception',
  cancelled: 'exception',
};

export function fromTracking(body: ScTracking): TrackingEvent[] {
  return (body.events ?? [])
    .filter((e) => e.event_at)
    .map((e) => ({
      status: STATUS[e.status_code ?? ''] ?? 'in_transit',
      at: new Date(e.event_at as string).toISOString(),
      description: e.status_description ?? e.status_code ?? '',
    }))
    .sort((a, b) => a.at.localeCompare(b.at));
}
