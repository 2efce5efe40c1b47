import { renderShippingLabelPdf, renderShippingLabelZpl, type ShippingLabel } from '../../../labels/index.js';

export interface FakeLabelInput {
  carrier: { code: string; name: string; service: string };
  trackingNumber: string;
  shipFrom: ShippingLabel['shipFrom'];
  shipTo: ShippingLabel['shipTo'];
  reference: string;
  weightGrams: number;
  parcel: { index: number; count: number };
}

/**
 * The label a carrier would send back, drawn by labels/ so that it is a real PDF or ZPL whose Code 128
 * carries the tracking number: the tests read it back with an independent decoder.
 */
export async function renderFakeLabel(input: FakeLabelInput, format: 'pdf' | 'zpl'): Promise<Uint8Array> {
  const label: ShippingLabel = {
    size: '4x6',
    carrier: input.carrier,
    trackingNumber: input.trackingNumber,
    barcode: { symbology: 'code128', value: input.trackingNumber },
    shipFrom: input.shipFrom,
    shipTo: input.shipTo,
    // The label model wants an order id; a carrier prints whatever reference it was given.
    reference: /^ord_[A-Za-z0-9_-]+$/.test(input.reference) ? input.reference : 'ord_external',
    channelName: input.carrier.name,
    channelOrderId: input.reference.slice(0, 40) || '-',
    weightGrams: Math.max(1, Math.round(input.weightGrams)),
    parcel: input.parcel,
    createdAt: new Date().toISOString(),
  };
  if (format === 'zpl') return new TextEncoder().encode(renderShippingLabelZpl(label, { dpi: 203 }));
  return renderShippingLabelPdf(label);
}

export function orNull(value: string | null | undefined): string | null {
  return value && value.trim() !== '' ? value : null;
}
