/** The parts of Sendcloud v3's JSON we send and read (names as in sendcloud-v3-openapi.json). */

export interface ScAddress {
  name: string;
  company_name?: string;
  address_line_1: string;
  address_line_2?: string;
  postal_code: string;
  city: string;
  country_code: string;
  phone_number?: string;
  email?: string;
}

export interface ScAnnounceRequest {
  from_address: ScAddress;
  to_address: ScAddress;
  ship_with: { type: 'shipping_option_code'; properties: { shipping_option_code: string } };
  order_number: string;
  external_reference_id: string;
  label_details: { mime_type: 'application/pdf' | 'application/zpl'; dpi: 72 | 203 };
  to_service_point?: { id: string };
  parcels: {
    weight: { value: string; unit: 'kg' };
    dimensions?: { length: string; width: string; height: string; unit: 'cm' };
  }[];
}

export interface ScParcel {
  id?: number;
  tracking_number?: string;
  label_file?: string;
  documents?: { type?: string; link?: string }[];
}

export interface ScShipment {
  id?: string;
  external_reference_id?: string;
  parcels?: ScParcel[];
}

export interface ScTracking {
  events?: { event_at?: string; status_code?: string; status_description?: string }[];
}
