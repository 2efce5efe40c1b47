import { Hono } from 'hono';
import { basicCredentials, FakeRecorder } from '../fake-base.js';
import { createSpecValidator } from '../openapi-validator.js';
import { renderFakeLabel } from '../render-label.js';
import { type FakeScShipment, SendcloudState } from './state.js';
import { toFakeAddress, toShipmentJson, toTrackingJson } from './views.js';

export const SENDCLOUD_SPEC = 'sendcloud/sendcloud-v3-openapi.json';

type Body = Record<string, any>;

/**
 * Sendcloud v3 as far as we use it: synchronous announce, shipment search, label documents, cancel and
 * parcel tracking. Every request body is checked against the official spec (400 with the errors when it
 * does not match) and every JSON answer is checked too.
 */
export function createSendcloudFake(options: { publicKey: string; secretKey: string }) {
  const rec = new FakeRecorder(createSpecValidator(SENDCLOUD_SPEC));
  const state = new SendcloudState();
  const app = new Hono();
  const errors = (status: number, code: string, detail: string) => ({
    errors: [{ status: String(status), code, detail }],
  });

  app.use('*', async (c, next) => {
    const creds = basicCredentials(c.req.header('authorization'));
    if (!creds || creds[0] !== options.publicKey || creds[1] !== options.secretKey) {
      rec.received.push({
        operation: 'auth',
        method: c.req.method,
        path: c.req.path,
        body: null,
        status: 401,
      });
      return c.json(errors(401, 'authentication_failed', 'Invalid credentials'), 401);
    }
    await next();
  });

  app.post('/shipments/announce', async (c) => {
    const body = (await c.req.json()) as Body;
    const call = { operation: 'announce', method: 'POST', path: c.req.path, body };
    const specPath = '/shipments/announce';
    const invalid = rec.checkRequest('announce', 'POST', specPath, body);
    if (invalid.length) return rec.json(c, call, specPath, 400, errors(400, 'invalid', invalid.join('; ')));
    const existing = state.byReference(body.external_reference_id);
    if (existing) {
      // The spec says a reused external_reference_id gives 409 "and the associated object being returned".
      rec.received.push({ ...call, status: 409 });
      return c.json(
        { ...errors(409, 'duplicate', 'external_reference_id already used'), data: toShipmentJson(existing) },
        409,
      );
    }
    const apply = () => announce(body);
    const faulted = await rec.fault(
      'announce',
      call,
      (s) => c.json(errors(s, 'unavailable', 'try again'), s),
      apply,
    );
    if (faulted) return faulted;
    const shipment = await apply();
    const json = toShipmentJson(shipment);
    if (shipment.parcels.length === 1 && json.parcels[0]) {
      const format = body.label_details?.mime_type === 'application/zpl' ? 'zpl' : 'pdf';
      (json.parcels[0] as Body).label_file = Buffer.from(shipment.parcels[0]!.label[format]).toString(
        'base64',
      );
    }
    return rec.json(c, call, specPath, 201, { data: { ...json, label_details: body.label_details } });
  });

  async function announce(body: Body): Promise<FakeScShipment> {
    const shipment: FakeScShipment = {
      id: state.shipmentId(),
      externalReferenceId: body.external_reference_id,
      orderNumber: body.order_number ?? '',
      status: 'announced',
      request: body,
      parcels: [],
      createdAt: new Date().toISOString(),
    };
    const parcels = body.parcels as Body[];
    for (const [index, p] of parcels.entries()) {
      const trackingNumber = state.trackingNumber();
      const input = {
        carrier: {
          code: 'sendcloud',
          name: 'Sendcloud',
          service: body.ship_with.properties.shipping_option_code,
        },
        trackingNumber,
        shipFrom: toFakeAddress(body.from_address),
        shipTo: toFakeAddress(body.to_address),
        reference: body.order_number ?? '',
        weightGrams: Math.round(Number(p.weight.value) * (p.weight.unit === 'g' ? 1 : 1000)),
        parcel: { index: index + 1, count: parcels.length },
      };
      shipment.parcels.push({
        id: state.parcelId(),
        trackingNumber,
        weightKg: p.weight.value,
        label: { pdf: await renderFakeLabel(input, 'pdf'), zpl: await renderFakeLabel(input, 'zpl') },
        events: [
          { event_at: shipment.createdAt, status_code: 'announced', status_description: 'Label created' },
        ],
      });
    }
    state.shipments.set(shipment.id, shipment);
    return shipment;
  }

  app.get('/shipments', (c) => {
    const ref = c.req.query('external_reference_id');
    const tn = c.req.query('tracking_number');
    const found = [...state.shipments.values()].filter(
      (s) =>
        (!ref || s.externalReferenceId === ref) && (!tn || s.parcels.some((p) => p.trackingNumber === tn)),
    );
    const call = { operation: 'list', method: 'GET', path: c.req.path, body: null };
    // The spec's list schema says minItems 1, yet a search can match nothing: an empty page is not checked.
    if (found.length === 0) {
      rec.received.push({ ...call, status: 200 });
      return c.json({ data: [] }, 200);
    }
    return rec.json(c, call, '/shipments', 200, { data: found.map(toShipmentJson) });
  });

  app.get('/parcels/:id/documents/:type', (c) => {
    const call = { operation: 'document', method: 'GET', path: c.req.path, body: null };
    const parcel = state.byParcelId(Number(c.req.param('id')));
    if (!parcel || c.req.param('type') !== 'label')
      return rec.json(c, call, '/parcels/{id}/documents/{type}', 404, errors(404, 'not_found', 'Not found'));
    const zpl = c.req.header('accept') === 'application/zpl';
    return rec.raw(
      call,
      200,
      (zpl ? parcel.label.zpl : parcel.label.pdf) as unknown as BodyInit,
      zpl ? 'application/zpl' : 'application/pdf',
    );
  });

  app.post('/shipments/:id/cancel', (c) => {
    const call = { operation: 'cancel', method: 'POST', path: c.req.path, body: null };
    const specPath = '/shipments/{id}/cancel';
    const shipment = state.shipments.get(c.req.param('id'));
    if (!shipment) return rec.json(c, call, specPath, 404, errors(404, 'not_found', 'Not found'));
    if (shipment.status === 'cancelled')
      return rec.json(
        c,
        call,
        specPath,
        409,
        errors(409, 'invalid', 'This shipment is already being cancelled.'),
      );
    shipment.status = 'cancelled';
    for (const p of shipment.parcels)
      p.events.push({
        event_at: new Date().toISOString(),
        status_code: 'cancelled',
        status_description: 'Cancelled',
      });
    return rec.json(c, call, specPath, 200, {
      data: { status: 'cancelled', message: 'Shipment has been cancelled' },
    });
  });

  app.get('/parcels/tracking/:tn', (c) => {
    const call = { operation: 'track', method: 'GET', path: c.req.path, body: null };
    const specPath = '/parcels/tracking/{tracking_number}';
    const found = state.byTracking(c.req.param('tn'));
    if (!found) return rec.json(c, call, specPath, 404, { detail: 'Parcel does not exist' });
    return rec.json(c, call, specPath, 200, toTrackingJson(found.shipment, found.parcel));
  });

  return {
    app,
    state,
    faults: rec.faults,
    received: rec.received,
    requestErrors: rec.requestErrors,
    responseErrors: rec.responseErrors,
    /** Adds a carrier scan to a parcel's history (what the carrier would report later). */
    scan(trackingNumber: string, statusCode: string, description: string, at: string) {
      state
        .byTracking(trackingNumber)
        ?.parcel.events.push({ event_at: at, status_code: statusCode, status_description: description });
    },
  };
}

export type SendcloudFake = ReturnType<typeof createSendcloudFake>;
