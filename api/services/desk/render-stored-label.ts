import { renderShippingLabelPdf, renderShippingLabelZpl, type ShippingLabel } from '../../../labels/index.js';
import { unprocessable } from '../../errors.js';
import { selfIssuedCarrier, shipFrom } from '../shipping/self-issued-carrier.js';
import type { PrintParcel } from './load-print-parcels.js';

/**
 * A parcel's label in the format the printer takes. The stored label is used as it is when it already is
 * in that format; our own self-issued labels can be drawn again in the other one (same content), while a
 * carrier's label can only be printed as the carrier sent it.
 */
export async function labelBytesIn(p: PrintParcel, format: 'pdf' | 'zpl'): Promise<Uint8Array> {
  if (p.parcel.labelFormat === format) return new Uint8Array(p.parcel.label);
  if (p.shipment.carrierCode !== selfIssuedCarrier.code)
    throw unprocessable(
      'label_format_unavailable',
      `${p.shipment.carrierName} sent the label of ${p.parcel.trackingNumber} as ${p.parcel.labelFormat.toUpperCase()}; print it as ${p.parcel.labelFormat.toUpperCase()}.`,
      { trackingNumber: p.parcel.trackingNumber, format: p.parcel.labelFormat },
    );
  const address = p.order.shippingAddress;
  const label: ShippingLabel = {
    size: '4x6',
    carrier: { code: p.shipment.carrierCode, name: p.shipment.carrierName, service: p.shipment.service },
    trackingNumber: p.parcel.trackingNumber,
    barcode: { symbology: 'code128', value: p.parcel.trackingNumber },
    shipFrom: { ...shipFrom, countryCode: String(shipFrom.countryCode).toUpperCase() },
    shipTo: { ...address, countryCode: address.countryCode.toUpperCase() },
    reference: p.order.id,
    channelName: p.channelName,
    channelOrderId: p.order.externalId,
    weightGrams: p.parcel.weightGrams,
    parcel: { index: p.index + 1, count: p.count },
    createdAt: p.parcel.createdAt.toISOString(),
  };
  if (format === 'zpl') return new TextEncoder().encode(renderShippingLabelZpl(label, { dpi: 203 }));
  return renderShippingLabelPdf(label);
}
