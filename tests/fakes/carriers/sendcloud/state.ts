export interface FakeScParcel {
  id: number;
  trackingNumber: string;
  weightKg: string;
  label: { pdf: Uint8Array; zpl: Uint8Array };
  events: { event_at: string; status_code: string; status_description: string }[];
}

export interface FakeScShipment {
  id: string;
  externalReferenceId: string;
  orderNumber: string;
  status: 'announced' | 'cancelled';
  request: Record<string, any>;
  parcels: FakeScParcel[];
  createdAt: string;
}

export class SendcloudState {
  readonly shipments = new Map<string, FakeScShipment>();
  private nextParcel = 380_000_001;
  private nextShipment = 1;
  private nextTracking = 5_051_720;

  shipmentId(): string {
    return `sc-shp-${this.nextShipment++}`;
  }
  parcelId(): number {
    return this.nextParcel++;
  }
  trackingNumber(): string {
    return `3SFAKE${this.nextTracking++}`;
  }
  byReference(ref: string): FakeScShipment | undefined {
    return [...this.shipments.values()].find((s) => s.externalReferenceId === ref);
  }
  byTracking(tn: string): { shipment: FakeScShipment; parcel: FakeScParcel } | undefined {
    for (const shipment of this.shipments.values()) {
      const parcel = shipment.parcels.find((p) => p.trackingNumber === tn);
      if (parcel) return { shipment, parcel };
    }
    return undefined;
  }
  byParcelId(id: number): FakeScParcel | undefined {
    for (const s of this.shipments.values()) for (const p of s.parcels) if (p.id === id) return p;
    return undefined;
  }
}
