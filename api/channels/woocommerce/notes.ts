import type { ShipmentConfirmation } from '../connector.js';
import type { WooNote } from './wire.js';

/**
 * WooCommerce has no shipment object: a parcel is an order note the buyer sees (carrier, number, URL),
 * ending with a marker line that names the tracking number and the lines it carries, so the connector
 * can read its own parcels back and know when every unit has left.
 */
const MARKER = /^\[shipdesk-parcel\] (\S+)(?: ((?:\d+x\d+,?)+))?$/m;

export function parcelNote(confirmation: ShipmentConfirmation): string {
  const lines = confirmation.lines.map((l) => `${l.externalLineId}x${l.quantity}`).join(',');
  const human = [
    `Shipped with ${confirmation.carrierName}, tracking number ${confirmation.trackingNumber}`,
    confirmation.carrierUrl ? `Track it: ${confirmation.carrierUrl}` : null,
    `[shipdesk-parcel] ${confirmation.trackingNumber}${lines ? ` ${lines}` : ''}`,
  ];
  return human.filter(Boolean).join('\n');
}

export interface ParcelRecord {
  noteId: number;
  trackingNumber: string;
  /** Empty: the whole order. */
  lines: { externalLineId: string; quantity: number }[];
}

export function readParcels(notes: WooNote[]): ParcelRecord[] {
  return [...notes]
    .sort((a, b) => a.id - b.id)
    .flatMap((note) => {
      const match = MARKER.exec(note.note ?? '');
      if (!match?.[1]) return [];
      const lines = (match[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((part) => {
          const [id = '', qty = '0'] = part.split('x');
          return { externalLineId: id, quantity: Number(qty) };
        });
      return [{ noteId: note.id, trackingNumber: match[1], lines }];
    });
}

/** True when the parcels noted so far carry every unit still ordered (refunded units excluded). */
export function isEverythingShipped(
  parcels: ParcelRecord[],
  open: { externalLineId: string; quantity: number }[],
): boolean {
  if (parcels.some((p) => p.lines.length === 0)) return true;
  const shipped = new Map<string, number>();
  for (const p of parcels)
    for (const l of p.lines) shipped.set(l.externalLineId, (shipped.get(l.externalLineId) ?? 0) + l.quantity);
  return open.every((l) => (shipped.get(l.externalLineId) ?? 0) >= l.quantity);
}
