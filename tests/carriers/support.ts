import type { Hono } from 'hono';
import type { CarrierShipmentRequest } from '../../api/carriers/carrier.js';
import type { FetchLike } from '../../api/carriers/http.js';
import { decodeBarcodesInPdf } from '../support/decode-barcodes.js';
import { decodeSymbolsInZpl } from '../support/zpl-render.js';

/** Routes an adapter's HTTP calls to a fake's Hono app, as the Mirakl tests do: no sockets. */
export function fetchInto(app: Hono, baseUrl: string): FetchLike {
  return (input, init) => app.request(input.replace(baseUrl, ''), init);
}

export function aRequest(overrides: Partial<CarrierShipmentRequest> = {}): CarrierShipmentRequest {
  return {
    shipFrom: {
      name: 'Entrepôt Jardin & Maison',
      company: 'Jardin & Maison SAS',
      line1: '12 rue des Entrepôts',
      line2: null,
      postalCode: '69007',
      city: 'Lyon',
      countryCode: 'FR',
      phone: '+33 4 72 00 00 00',
      email: 'expedition@jardin-maison.test',
    },
    shipTo: {
      name: 'Jürgen Weiß',
      company: null,
      line1: 'Kurt-Schumacher-Str. 20',
      line2: null,
      postalCode: '53113',
      city: 'Bonn',
      countryCode: 'DE',
      phone: '+49 228 123456',
      email: 'juergen@example.test',
    },
    parcels: [{ weightGrams: 1320, dimensionsCm: { length: 30, width: 20, height: 10 } }],
    serviceCode: 'postnl:standard',
    reference: 'ord_01testcarrier0000000000',
    labelFormat: 'pdf',
    ...overrides,
  };
}

/** The Code 128 texts an independent decoder reads off a label. */
export async function barcodesOn(label: { format: 'pdf' | 'zpl'; bytes: Uint8Array }): Promise<string[]> {
  if (label.format === 'pdf') {
    const found = await decodeBarcodesInPdf(label.bytes);
    return found.filter((d) => d.format.startsWith('Code128')).map((d) => d.text);
  }
  const zpl = new TextDecoder().decode(label.bytes);
  const found = await decodeSymbolsInZpl(zpl, { widthMm: 101.6, heightMm: 152.4, dpi: 203 });
  return found.filter((d) => d.format.startsWith('Code128')).map((d) => d.text);
}
