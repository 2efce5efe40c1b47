/**
 * The port every carrier implements: book a shipment (tracking numbers + labels), cancel it, read its
 * tracking. Adapters are stateless apart from a token cache; what was booked lives in the database.
 */

export type LabelFormat = 'pdf' | 'zpl';

export interface CarrierAddress {
  name: string;
  company: string | null;
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, capitals. */
  countryCode: string;
  phone: string | null;
  email?: string | null;
}

export interface CarrierParcel {
  weightGrams: number;
  /** Outer dimensions in whole centimetres; some services refuse a parcel without them. */
  dimensionsCm?: { length: number; width: number; height: number } | null;
}

export interface CarrierShipmentRequest {
  shipFrom: CarrierAddress;
  shipTo: CarrierAddress;
  parcels: CarrierParcel[];
  /** The carrier's own product code (Sendcloud shipping option, UPS service code, DHL product). */
  serviceCode: string;
  /** Our order id: printed on the label, and where the carrier has one, the lookup key after a timeout. */
  reference: string;
  /**
   * Unique per booking attempt of an order (the order id for the first, `ord_…:2` after a cancel);
   * defaults to `reference`. Carriers with an idempotency key get this one.
   */
  idempotencyKey?: string;
  labelFormat: LabelFormat;
  /** Pick-up point / parcel shop / locker id, when the buyer chose one. */
  relayPointId?: string | null;
  /** What we print on labels we render ourselves (self-issued). */
  display?: { channelName: string; channelOrderId: string } | null;
}

export interface CarrierLabel {
  format: LabelFormat;
  bytes: Uint8Array;
}

export interface CreatedCarrierShipment {
  /** What `cancel` takes back; for carriers that book one shipment per parcel, their numbers joined by ",". */
  carrierShipmentId: string;
  parcels: { trackingNumber: string; label: CarrierLabel }[];
}

export type TrackingStatus = 'label_created' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';

export interface TrackingEvent {
  status: TrackingStatus;
  /** ISO-8601 instant. */
  at: string;
  description: string;
}

export type CancelTarget = { carrierShipmentId: string } | { trackingNumber: string };

export interface CarrierAdapter {
  /** Short code stored on shipments (`sendcloud`, `ups`, `dhl_parcel_de`, `SELF`). */
  readonly code: string;
  readonly name: string;
  /** Label formats the carrier's API can return; the caller asks for one of these. */
  readonly labelFormats: readonly LabelFormat[];
  /** False where the carrier's API (as specified) offers no tracking read. */
  readonly canTrack: boolean;
  createShipment(request: CarrierShipmentRequest): Promise<CreatedCarrierShipment>;
  cancel(target: CancelTarget): Promise<void>;
  /** Oldest event first. */
  track(trackingNumber: string): Promise<TrackingEvent[]>;
}

/**
 * Thrown by adapters. `retryable` separates a 5xx/429/timeout from a refusal that will never succeed;
 * `ambiguous` says the booking may have been made (read the carrier back before booking again).
 */
export class CarrierError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
    readonly ambiguous = false,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'CarrierError';
  }
}

export function idempotencyKeyOf(request: CarrierShipmentRequest): string {
  return request.idempotencyKey ?? request.reference;
}
