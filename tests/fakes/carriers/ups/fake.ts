import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { basicCredentials, FakeRecorder } from '../fake-base.js';
import { createSpecValidator } from '../openapi-validator.js';
import { orNull, renderFakeLabel } from '../render-label.js';
import { type FakeUpsShipment, UpsState } from './state.js';
import { recoveryResponse, shipResponse, trackResponse, upsErrors, voidResponse } from './views.js';

type Body = Record<string, any>;

/**
 * UPS's OAuth token, Ship, Void, Label Recovery and Track (single and by reference), from the four UPS
 * files in shared/specs. Requests and JSON answers are checked against them.
 */
export function createUpsFake(options: { clientId: string; clientSecret: string; accountNumber: string }) {
  const rec = new FakeRecorder({
    default: createSpecValidator('ups/Shipping.yaml', shippingErrata),
    track: createSpecValidator('ups/Tracking.yaml'),
    oauth: createSpecValidator('ups/OAuthClientCredentials.yaml'),
  });
  const state = new UpsState();
  const app = new Hono();

  app.post('/security/v1/oauth/token', async (c) => {
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    const call = { operation: 'token', method: 'POST', path: c.req.path, body: form };
    const spec = 'oauth|/security/v1/oauth/token';
    const creds = basicCredentials(c.req.header('authorization'));
    if (!creds || creds[0] !== options.clientId || creds[1] !== options.clientSecret)
      return rec.json(c, call, spec, 401, upsErrors('10401', 'ClientId is Invalid'));
    const invalid = rec.checkRequest('token', 'POST', spec, form, 'application/x-www-form-urlencoded');
    if (invalid.length || form.grant_type !== 'client_credentials')
      return rec.json(c, call, spec, 400, upsErrors('10400', invalid.join('; ') || 'grant_type'));
    const token = randomBytes(16).toString('hex');
    state.tokens.add(token);
    return rec.json(c, call, spec, 200, {
      token_type: 'Bearer',
      issued_at: String(Date.now()),
      client_id: options.clientId,
      access_token: token,
      expires_in: '14399',
      status: 'approved',
    });
  });

  const authorised = (c: Context) =>
    state.tokens.has((c.req.header('authorization') ?? '').replace(/^Bearer /, ''));
  const refuse = (c: Context, operation: string, spec: string) =>
    rec.json(
      c,
      { operation, method: c.req.method, path: c.req.path, body: null },
      spec,
      401,
      upsErrors('250002', 'Invalid Authentication Information.'),
    );

  app.post('/api/shipments/:version/ship', async (c) => {
    const spec = '/shipments/{version}/ship';
    if (!authorised(c)) return refuse(c, 'ship', spec);
    const body = (await c.req.json()) as Body;
    const call = { operation: 'ship', method: 'POST', path: c.req.path, body };
    const invalid = rec.checkRequest('ship', 'POST', spec, body);
    if (invalid.length) return rec.json(c, call, spec, 400, upsErrors('120100', invalid.join('; ')));
    const apply = () => ship(body.ShipmentRequest);
    const faulted = await rec.fault(
      'ship',
      call,
      (s) => c.json(upsErrors(String(s), 'Service unavailable'), s),
      apply,
    );
    if (faulted) return faulted;
    return rec.json(c, call, spec, 200, shipResponse(await apply()));
  });

  async function ship(req: Body): Promise<FakeUpsShipment> {
    const s = req.Shipment;
    const packages = s.Package as Body[];
    const shipment: FakeUpsShipment = {
      id: '',
      references: (s.ReferenceNumber ?? []).map((r: Body) => r.Value),
      voided: false,
      billingKg: packages.reduce((kg, p) => kg + Number(p.PackageWeight.Weight), 0),
      packages: [],
    };
    for (const [index, p] of packages.entries()) {
      const trackingNumber = state.trackingNumber(options.accountNumber, s.Service.Code);
      const label = {
        carrier: { code: 'ups', name: 'UPS', service: s.Service.Code },
        trackingNumber,
        shipFrom: address(s.ShipFrom ?? s.Shipper),
        shipTo: address(s.ShipTo),
        reference: s.ReferenceNumber?.[0]?.Value ?? '',
        weightGrams: Number(p.PackageWeight.Weight) * 1000,
        parcel: { index: index + 1, count: packages.length },
      };
      shipment.packages.push({
        trackingNumber,
        zpl: await renderFakeLabel(label, 'zpl'),
        activity: [{ type: 'M', code: 'MP', description: 'Shipper created a label', at: new Date() }],
      });
    }
    shipment.id = shipment.packages[0]?.trackingNumber ?? '';
    state.shipments.set(shipment.id, shipment);
    return shipment;
  }

  app.delete('/api/shipments/:version/void/cancel/:id', (c) => {
    const spec = '/shipments/{version}/void/cancel/{shipmentidentificationnumber}';
    if (!authorised(c)) return refuse(c, 'void', spec);
    const call = { operation: 'void', method: 'DELETE', path: c.req.path, body: null };
    const id = c.req.param('id');
    const shipment = state.shipments.get(id) ?? state.byTracking(id)?.shipment;
    if (!shipment || shipment.voided)
      return rec.json(
        c,
        call,
        spec,
        400,
        upsErrors('190117', 'The shipment cannot be voided or is already voided.'),
      );
    shipment.voided = true;
    return rec.json(c, call, spec, 200, voidResponse());
  });

  app.post('/api/labels/:version/recovery', async (c) => {
    const spec = '/labels/{version}/recovery';
    if (!authorised(c)) return refuse(c, 'recovery', spec);
    const body = (await c.req.json()) as Body;
    const call = { operation: 'recovery', method: 'POST', path: c.req.path, body };
    const invalid = rec.checkRequest('recovery', 'POST', spec, body);
    if (invalid.length) return rec.json(c, call, spec, 400, upsErrors('120100', invalid.join('; ')));
    const wanted = body.LabelRecoveryRequest.TrackingNumbers as string[];
    const found = wanted.map((tn) => state.byTracking(tn)).filter((f) => f !== undefined);
    if (!found[0]) return rec.json(c, call, spec, 400, upsErrors('120700', 'No label found.'));
    return rec.json(
      c,
      call,
      spec,
      200,
      recoveryResponse(
        found[0].shipment,
        found.map((f) => f.pkg),
      ),
    );
  });

  app.get('/api/track/v1/details/:tn', (c) => {
    const spec = 'track|/track/v1/details/{inquiryNumber}';
    if (!authorised(c)) return refuse(c, 'track', spec);
    const call = { operation: 'track', method: 'GET', path: c.req.path, body: null };
    if (!c.req.header('transId') || !c.req.header('transactionSrc'))
      return rec.json(c, call, spec, 400, upsErrors('TV0001', 'transId and transactionSrc are required'));
    const found = state.byTracking(c.req.param('tn'));
    if (!found) return rec.json(c, call, spec, 404, upsErrors('TW0001', 'Tracking Information Not Found'));
    return rec.json(c, call, spec, 200, trackResponse(c.req.param('tn'), [found.pkg]));
  });

  app.get('/api/track/v1/reference/details/:ref', (c) => {
    const spec = 'track|/track/v1/reference/details/{referenceNumber}';
    if (!authorised(c)) return refuse(c, 'track-reference', spec);
    const call = { operation: 'track-reference', method: 'GET', path: c.req.path, body: null };
    const shipment = state.byReference(c.req.param('ref'));
    if (!shipment) return rec.json(c, call, spec, 404, upsErrors('TW0001', 'Tracking Information Not Found'));
    return rec.json(c, call, spec, 200, trackResponse(c.req.param('ref'), shipment.packages));
  });

  return {
    app,
    state,
    faults: rec.faults,
    received: rec.received,
    requestErrors: rec.requestErrors,
    responseErrors: rec.responseErrors,
    scan(trackingNumber: string, type: string, description: string, at: Date) {
      state.byTracking(trackingNumber)?.pkg.activity.push({ type, code: type, description, at });
    },
  };
}

/**
 * Label Recovery's LabelImageFormat.Code lists GIF, PDF, ZPL, EPL and SPL in its description, yet its
 * schema says exactly 4 characters, which none of them has; the Ship call's own Code allows 1 to 4.
 * The recovery schemas get the Ship call's bounds.
 */
function shippingErrata(spec: Body) {
  const schemas = spec.components.schemas;
  for (const name of ['LabelRecovery_LabelSpecification_LabelImageFormat', 'LabelImage_LabelImageFormat']) {
    schemas[name].properties.Code.minLength = 1;
  }
}

function address(party: Body) {
  const a = party.Address;
  return {
    name: party.AttentionName ?? party.Name,
    company: orNull(party.Name !== party.AttentionName ? party.Name : null),
    line1: a.AddressLine[0],
    line2: orNull(a.AddressLine[1]),
    postalCode: a.PostalCode ?? '',
    city: a.City,
    countryCode: a.CountryCode,
    phone: orNull(party.Phone?.Number),
  };
}

export type UpsFake = ReturnType<typeof createUpsFake>;
