import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { alpha2 } from '../../../../api/carriers/dhl-parcel-de/countries.js';
import { gs1CheckDigit } from '../../../../labels/index.js';
import { basicCredentials, FakeRecorder } from '../fake-base.js';
import { createSpecValidator } from '../openapi-validator.js';
import { orNull, renderFakeLabel } from '../render-label.js';

type Body = Record<string, any>;

interface FakeDhlShipment {
  shipmentNo: string;
  refNo: string;
  deleted: boolean;
  pdf: Uint8Array;
  zpl: string;
}

/**
 * DHL Parcel DE Shipping v2 (shared/specs/dhl/parcel-de-shipping-2.1.13.yaml): POST /orders (with the
 * validate-only mode), GET /labels?token=…, DELETE /orders. Bodies and answers are checked against it.
 */
export function createDhlParcelDeFake(options: { apiKey: string; user: string; password: string }) {
  const rec = new FakeRecorder(createSpecValidator('dhl/parcel-de-shipping-2.1.13.yaml'));
  const shipments = new Map<string, FakeDhlShipment>();
  const tokens = new Map<string, string>();
  let serial = 43_431_042_809;
  const app = new Hono();
  const status = (code: number, title: string, detail?: string) => ({
    title,
    statusCode: code,
    status: code,
    ...(detail ? { detail: detail.slice(0, 80) } : {}),
  });

  app.use('/orders', async (c, next) => {
    const creds = basicCredentials(c.req.header('authorization'));
    if (
      c.req.header('dhl-api-key') !== options.apiKey ||
      !creds ||
      creds[0] !== options.user ||
      creds[1] !== options.password
    ) {
      rec.received.push({
        operation: 'auth',
        method: c.req.method,
        path: c.req.path,
        body: null,
        status: 401,
      });
      return c.json(status(401, 'Unauthorized'), 401);
    }
    await next();
  });

  /** A 20-digit DHL Paket number: 00, a 17-digit body and its GS1 check digit. */
  function shipmentNo(): string {
    const body = `3404${String(serial++).padStart(13, '0')}`;
    return `00${body}${gs1CheckDigit(body)}`;
  }

  app.post('/orders', async (c) => {
    const body = (await c.req.json()) as Body;
    const call = { operation: 'orders', method: 'POST', path: c.req.path, body };
    const invalid = rec.checkRequest('orders', 'POST', '/orders', body);
    if (invalid.length)
      return rec.json(c, call, '/orders', 400, {
        status: status(400, 'Bad Request', invalid.join('; ')),
        items: [],
      });
    const isValidateOnly = c.req.query('validate') === 'true';
    if (isValidateOnly) {
      const items = (body.shipments as Body[]).map(() => ({ sstatus: status(200, 'OK') }));
      return rec.json(c, { ...call, operation: 'validate' }, '/orders', 200, {
        status: status(200, 'OK'),
        items,
      });
    }
    const zpl = c.req.query('docFormat') === 'ZPL2';
    const byUrl = c.req.query('includeDocs') === 'URL';
    const apply = () => book(body.shipments as Body[]);
    const faulted = await rec.fault(
      'orders',
      call,
      (s) => c.json(status(s, 'Service unavailable'), s),
      apply,
    );
    if (faulted) return faulted;
    const booked = await apply();
    const base = new URL(c.req.url).origin;
    const items = booked.map((s) => ({
      shipmentNo: s.shipmentNo,
      shipmentRefNo: s.refNo,
      sstatus: status(200, 'OK'),
      label: zpl
        ? { zpl2: s.zpl, fileFormat: 'ZPL2' }
        : byUrl
          ? { url: `${base}/labels?token=${token(s.shipmentNo)}`, fileFormat: 'PDF' }
          : { b64: Buffer.from(s.pdf).toString('base64'), fileFormat: 'PDF' },
    }));
    return rec.json(c, call, '/orders', booked.length > 1 ? 207 : 200, { status: status(200, 'OK'), items });
  });

  function token(no: string): string {
    const t = randomBytes(12).toString('base64url');
    tokens.set(t, no);
    return t;
  }

  async function book(list: Body[]): Promise<FakeDhlShipment[]> {
    const out: FakeDhlShipment[] = [];
    for (const [index, s] of list.entries()) {
      const no = shipmentNo();
      const input = {
        carrier: { code: 'dhl', name: 'DHL Paket', service: s.product },
        trackingNumber: no,
        shipFrom: address(s.shipper),
        shipTo: s.consignee.retailID
          ? { ...address(s.consignee), name: s.consignee.name, line1: `Filiale ${s.consignee.retailID}` }
          : address(s.consignee),
        reference: s.refNo ?? '',
        weightGrams: s.details.weight.uom === 'kg' ? s.details.weight.value * 1000 : s.details.weight.value,
        parcel: { index: index + 1, count: list.length },
      };
      const shipment: FakeDhlShipment = {
        shipmentNo: no,
        refNo: s.refNo ?? '',
        deleted: false,
        pdf: await renderFakeLabel(input, 'pdf'),
        zpl: new TextDecoder().decode(await renderFakeLabel(input, 'zpl')),
      };
      shipments.set(no, shipment);
      out.push(shipment);
    }
    return out;
  }

  app.get('/labels', (c) => {
    const call = { operation: 'label', method: 'GET', path: c.req.path, body: null };
    const no = tokens.get(c.req.query('token') ?? '');
    const shipment = no ? shipments.get(no) : undefined;
    if (!shipment) return rec.json(c, call, '/labels', 404, status(404, 'Not Found'));
    return rec.raw(call, 200, shipment.pdf as unknown as BodyInit, 'application/pdf');
  });

  app.delete('/orders', (c) => {
    const numbers = c.req.queries('shipment') ?? [];
    const call = { operation: 'cancel', method: 'DELETE', path: c.req.path, body: { numbers } };
    if (!c.req.query('profile'))
      return rec.json(c, call, '/orders', 400, { status: status(400, 'profile is required'), items: [] });
    const items = numbers.map((n) => {
      const s = shipments.get(n);
      if (!s || s.deleted) return { shipmentNo: n, sstatus: status(400, 'Unknown shipment number.') };
      s.deleted = true;
      return { shipmentNo: n, sstatus: status(200, 'OK') };
    });
    const failed = items.some((i) => i.sstatus.status !== 200);
    const code = numbers.length > 1 ? 207 : failed ? 400 : 200;
    return rec.json(c, call, '/orders', code, { status: status(code, failed ? 'Bad Request' : 'OK'), items });
  });

  return {
    app,
    shipments,
    faults: rec.faults,
    received: rec.received,
    requestErrors: rec.requestErrors,
    responseErrors: rec.responseErrors,
  };
}

function address(a: Body) {
  return {
    name: a.name2 ?? a.name1 ?? a.name,
    company: orNull(a.name2 ? a.name1 : null),
    line1: a.addressStreet ?? '',
    line2: orNull(a.additionalAddressInformation1),
    postalCode: a.postalCode,
    city: a.city,
    countryCode: alpha2(a.country),
    phone: orNull(a.phone),
  };
}

export type DhlParcelDeFake = ReturnType<typeof createDhlParcelDeFake>;
