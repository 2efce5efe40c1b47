import { orNull } from '../render-label.js';
import type { FakeScParcel, FakeScShipment } from './state.js';

type Body = Record<string, any>;

/** A Sendcloud address as the label renderer wants it. */
export function toFakeAddress(a: Body) {
  return {
    name: a.name,
    company: orNull(a.company_name),
    line1: a.address_line_1,
    line2: orNull(a.address_line_2),
    postalCode: a.postal_code,
    city: a.city,
    countryCode: String(a.country_code).toUpperCase(),
    phone: orNull(a.phone_number),
  };
}

export function toShipmentJson(s: FakeScShipment) {
  const r = s.request;
  return {
    id: s.id,
    external_reference_id: s.externalReferenceId,
    order_number: s.orderNumber,
    ship_with: r.ship_with,
    from_address: r.from_address,
    to_address: r.to_address,
    parcels: s.parcels.map((p) => parcelJson(s, p) as Body),
  };
}

function parcelJson(s: FakeScShipment, p: FakeScParcel) {
  return {
    id: p.id,
    status:
      s.status === 'cancelled'
        ? { code: 'CANCELLED', message: 'Cancelled' }
        : { code: 'READY_TO_SEND', message: 'Ready to send' },
    documents: [
      {
        type: 'label',
        size: 'a6',
        link: `https://panel.sendcloud.sc/api/v3/parcels/${p.id}/documents/label`,
      },
    ],
    weight: { value: p.weightKg, unit: 'kg' },
    tracking_number: p.trackingNumber,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    announced_at: s.createdAt,
  };
}

function trackingAddress(a: Body) {
  const out: Body = {};
  for (const key of [
    'address_line_1',
    'address_line_2',
    'city',
    'company_name',
    'country_code',
    'email',
    'name',
    'phone_number',
    'postal_code',
  ])
    if (typeof a[key] === 'string') out[key] = a[key];
  return out;
}

export function toTrackingJson(s: FakeScShipment, p: FakeScParcel) {
  return {
    announced_at: s.createdAt,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    details: {
      is_return: false,
      is_to_service_point: Boolean(s.request.to_service_point),
      is_mail_box: false,
    },
    events: p.events.map((e) => ({
      ...e,
      event_type: 'carrier',
      status_type: 'success',
      sub_status_code: 'none',
    })),
    from_address: trackingAddress(s.request.from_address),
    to_address: trackingAddress(s.request.to_address),
    source_id: s.orderNumber,
    tracking_numbers: [{ carrier_code: 'postnl', tracking_number: p.trackingNumber }],
  };
}
