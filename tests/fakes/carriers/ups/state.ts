import { ups1zCheckDigit } from '../../../../labels/index.js';

export interface FakeUpsPackage {
  trackingNumber: string;
  zpl: Uint8Array;
  activity: { type: string; code: string; description: string; at: Date }[];
}

export interface FakeUpsShipment {
  id: string;
  references: string[];
  voided: boolean;
  billingKg: number;
  packages: FakeUpsPackage[];
}

export class UpsState {
  readonly shipments = new Map<string, FakeUpsShipment>();
  readonly tokens = new Set<string>();
  private serial = 3_456_700;

  /** A real-shaped 1Z: account, service, serial, and the check digit UPS computes. */
  trackingNumber(account: string, service: string): string {
    const body =
      `${account}${service.padStart(2, '0')}${String(this.serial++).padStart(7, '0')}`.toUpperCase();
    return `1Z${body}${ups1zCheckDigit(body)}`;
  }
  byTracking(tn: string) {
    for (const shipment of this.shipments.values()) {
      const pkg = shipment.packages.find((p) => p.trackingNumber === tn);
      if (pkg) return { shipment, pkg };
    }
    return undefined;
  }
  byReference(ref: string): FakeUpsShipment | undefined {
    return [...this.shipments.values()].find((s) => s.references.includes(ref) && !s.voided);
  }
}
