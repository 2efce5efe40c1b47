import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { closeManifest } from '../services/desk/close-manifest.js';
import { expediteOrder } from '../services/desk/expedite-order.js';
import { holdOrder } from '../services/desk/hold-order.js';
import { listManifests } from '../services/desk/list-manifests.js';
import { listPrintQueue } from '../services/desk/list-print-queue.js';
import { printLabels } from '../services/desk/print-labels.js';
import { releaseOrder } from '../services/desk/release-order.js';
import { renderManifest } from '../services/desk/render-manifest.js';
import { scanOut } from '../services/desk/scan-out.js';
import { sendToPrinter } from '../services/desk/send-to-printer.js';
import { splitOrder } from '../services/desk/split-order.js';
import { voidShipment } from '../services/desk/void-shipment.js';
import { actorOf } from './actor.js';

const desk = ['admin', 'desk'] as const;
const dock = ['admin', 'desk', 'packer'] as const;
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});
const idParam = z.object({ id: z.string().min(1) });
const reason = z.string().trim().min(1).max(500).openapi({ description: 'Recorded on the event' });
const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } },
});
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });

const hold = securedRoute(desk, {
  method: 'post',
  path: '/api/orders/{id}/hold',
  summary: 'Put an order on hold (stock stays reserved)',
  request: { params: idParam, ...body(z.object({ reason })) },
  responses: {
    200: json(z.object({ status: z.literal('on_hold'), heldFromStatus: z.string() }), 'Held'),
    404: problem('No such order'),
    409: problem('Not holdable (shipped, cancelled, on a wave, held already)'),
  },
});

const release = securedRoute(desk, {
  method: 'post',
  path: '/api/orders/{id}/release',
  summary: 'Release a held order back to where it was',
  request: { params: idParam, ...body(z.object({ reason })) },
  responses: {
    200: json(z.object({ status: z.string() }), 'Released'),
    404: problem('No such order'),
    409: problem('Not on hold'),
  },
});

const expedite = securedRoute(desk, {
  method: 'post',
  path: '/api/orders/{id}/expedite',
  summary: 'Set an order’s priority: higher is shown first and picked first (0 undoes it)',
  request: {
    params: idParam,
    ...body(z.object({ reason, priority: z.number().int().min(0).max(100).default(1) })),
  },
  responses: {
    200: json(z.object({ priority: z.number().int() }), 'Expedited'),
    404: problem('No such order'),
    409: problem('Shipped or cancelled'),
  },
});

const split = securedRoute(desk, {
  method: 'post',
  path: '/api/orders/{id}/split',
  summary: 'Move lines (or part of their quantities) to a new order; their reservations follow',
  request: {
    params: idParam,
    ...body(
      z.object({
        reason,
        lines: z
          .array(z.object({ orderLineId: z.string().min(1), quantity: z.number().int().min(1) }))
          .min(1)
          .max(500),
      }),
    ),
  },
  responses: {
    201: json(z.object({ orderId: z.string(), externalId: z.string() }), 'The new order'),
    404: problem('No such order'),
    409: problem('Already picked, or on a wave'),
    422: problem('Lines that cannot move'),
  },
});

const QueueParcel = z.object({
  parcelId: z.string(),
  shipmentId: z.string(),
  orderId: z.string(),
  orderRef: z.string(),
  orderStatus: z.string(),
  priority: z.number().int(),
  holdReason: z.string().nullable(),
  shipBy: z.string().nullable(),
  trackingNumber: z.string(),
  weightGrams: z.number().int(),
  labelFormat: z.enum(['pdf', 'zpl']),
  printCount: z.number().int(),
  lastPrintedAt: z.string().nullable(),
  manifestId: z.string().nullable(),
  scannedOutAt: z.string().nullable(),
  rule: z
    .object({ source: z.string(), name: z.string().nullable(), reason: z.string().nullable() })
    .nullable(),
});

const printQueue = securedRoute(desk, {
  method: 'get',
  path: '/api/desk/print-queue',
  summary: 'Labels not handed over yet, grouped by carrier and service',
  request: { query: z.object({ unprintedOnly: z.enum(['true', 'false']).optional() }) },
  responses: {
    200: json(
      z.array(
        z.object({
          carrierCode: z.string(),
          carrierName: z.string(),
          service: z.string(),
          parcels: z.array(QueueParcel),
        }),
      ),
      'Groups',
    ),
  },
});

const print = securedRoute(desk, {
  method: 'post',
  path: '/api/desk/print',
  summary: 'Batch print: N labels as one merged PDF or one ZPL stream (or straight to a network printer)',
  request: {
    ...body(
      z.object({
        parcelIds: z.array(z.string().min(1)).min(1).max(1000),
        format: z.enum(['pdf', 'zpl']),
        fourUpA4: z.boolean().optional(),
        printerId: z.string().min(1).optional().openapi({ description: 'A network ZPL printer to send to' }),
      }),
    ),
  },
  responses: {
    200: binary(
      'application/pdf',
      'The print job (PDF, or ZPL as application/zpl), or JSON when sent to a printer',
    ),
    404: problem('No such parcel or printer'),
    409: problem('A voided label or an order on hold'),
    422: problem('A carrier label that exists only in the other format'),
  },
});

const reprint = securedRoute(desk, {
  method: 'post',
  path: '/api/parcels/{id}/reprint',
  summary: 'Print one label again (recorded as a reprint)',
  request: { params: idParam, ...body(z.object({ format: z.enum(['pdf', 'zpl']).optional() })) },
  responses: {
    200: binary('application/pdf', 'The label'),
    404: problem('No such parcel'),
    409: problem('Voided, or the order is on hold'),
  },
});

const voidLabel = securedRoute(desk, {
  method: 'post',
  path: '/api/shipments/{id}/void',
  summary: 'Void a label: cancelled at the carrier, and the order goes back to packing',
  request: { params: idParam, ...body(z.object({ reason })) },
  responses: {
    200: json(
      z.object({
        shipmentId: z.string(),
        isReplay: z.boolean(),
        carrierCancelled: z.boolean(),
        trackingNumbers: z.array(z.string()),
      }),
      'Voided',
    ),
    404: problem('No such shipment'),
    409: problem('Shipped or scanned out already'),
    502: problem('The carrier refused the cancel'),
    503: problem('The carrier is unavailable'),
  },
});

const manifestList = securedRoute(dock, {
  method: 'get',
  path: '/api/desk/manifests',
  summary: 'Recent manifests with their scan-out progress, and parcels waiting per carrier',
  responses: {
    200: json(
      z.object({
        manifests: z.array(
          z.object({
            id: z.string(),
            carrierCode: z.string(),
            carrierName: z.string(),
            parcelCount: z.number().int(),
            scannedOut: z.number().int(),
            weightGrams: z.number().int(),
            closedAt: z.string(),
          }),
        ),
        waiting: z.array(
          z.object({ carrierCode: z.string(), carrierName: z.string(), parcels: z.number().int() }),
        ),
      }),
      'Manifests',
    ),
  },
});

const manifestClose = securedRoute(desk, {
  method: 'post',
  path: '/api/desk/manifests',
  summary: "Close a carrier's day: its parcels not on a manifest go on a new one",
  request: {
    ...body(
      z.object({
        carrierCode: z.string().min(1).max(60),
        carrierAccountId: z.string().min(1).nullable().optional(),
      }),
    ),
  },
  responses: {
    201: json(
      z.object({ manifestId: z.string(), parcelCount: z.number().int(), weightGrams: z.number().int() }),
      'Closed',
    ),
    422: problem('Nothing waiting for this carrier'),
  },
});

const manifestPdf = securedRoute(dock, {
  method: 'get',
  path: '/api/desk/manifests/{id}/pdf',
  summary: 'The manifest to print and have signed',
  request: { params: idParam },
  responses: { 200: binary('application/pdf', 'Manifest'), 404: problem('No such manifest') },
});

const dockScan = securedRoute(dock, {
  method: 'post',
  path: '/api/desk/dock-scans',
  summary: 'Scan a parcel out at the dock (tracking number); the shipment ships once all its parcels are out',
  request: {
    ...body(z.object({ code: z.string().trim().min(1).max(100), manifestId: z.string().min(1).optional() })),
  },
  responses: {
    200: json(
      z.object({
        parcelId: z.string(),
        trackingNumber: z.string(),
        manifestId: z.string(),
        orderRef: z.string(),
        isShipmentShipped: z.boolean(),
        remaining: z.number().int(),
      }),
      'Handed over',
    ),
    422: problem('Not on the manifest, unknown, voided, on hold, or scanned already'),
  },
});

const download = (
  bytes: Uint8Array,
  format: 'pdf' | 'zpl',
  name: string,
  headers: Record<string, string> = {},
) =>
  new Response(bytes as unknown as BodyInit, {
    status: 200,
    headers: {
      'content-type': format === 'pdf' ? 'application/pdf' : 'application/zpl',
      'content-disposition': `inline; filename="${name}.${format}"`,
      ...headers,
    },
  });

export const deskRoutes = router()
  .openapi(hold, async (c) => {
    const deps = c.get('deps');
    const input = { orderId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await holdOrder(deps.db, actorOf(c), input, deps.clock.now()), 200);
  })
  .openapi(release, async (c) => {
    const deps = c.get('deps');
    const input = { orderId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await releaseOrder(deps.db, actorOf(c), input, deps.clock.now()), 200);
  })
  .openapi(expedite, async (c) => {
    const deps = c.get('deps');
    const input = { orderId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await expediteOrder(deps.db, actorOf(c), input, deps.clock.now()), 200);
  })
  .openapi(split, async (c) => {
    const deps = c.get('deps');
    const input = { orderId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await splitOrder(deps.db, actorOf(c), input, deps.clock.now()), 201);
  })
  .openapi(printQueue, async (c) =>
    c.json(
      await listPrintQueue(c.get('deps').db, {
        unprintedOnly: c.req.valid('query').unprintedOnly === 'true',
      }),
      200,
    ),
  )
  .openapi(print, async (c) => {
    const deps = c.get('deps');
    const input = c.req.valid('json');
    const job = await printLabels(deps.db, actorOf(c), { ...input, kind: 'batch' }, deps.clock.now());
    const headers = { 'x-batch-id': job.batchId, 'x-label-count': String(job.count) };
    if (input.printerId && job.format === 'zpl') {
      const sent = await sendToPrinter(deps.db, input.printerId, job.bytes);
      return c.json(
        { batchId: job.batchId, count: job.count, printer: sent.printerName },
        200,
        headers,
      ) as never;
    }
    return download(job.bytes, job.format, `labels-${job.batchId}`, headers) as never;
  })
  .openapi(reprint, async (c) => {
    const deps = c.get('deps');
    const id = c.req.valid('param').id;
    const format = c.req.valid('json').format;
    const job = await printLabels(
      deps.db,
      actorOf(c),
      { parcelIds: [id], format, kind: 'reprint' },
      deps.clock.now(),
    );
    return download(job.bytes, job.format, `label-${id}`, { 'x-batch-id': job.batchId }) as never;
  })
  .openapi(voidLabel, async (c) => {
    const deps = c.get('deps');
    const input = { shipmentId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await voidShipment(deps.db, deps, actorOf(c), input, deps.clock.now()), 200);
  })
  .openapi(manifestList, async (c) => c.json(await listManifests(c.get('deps').db), 200))
  .openapi(manifestClose, async (c) => {
    const deps = c.get('deps');
    return c.json(await closeManifest(deps.db, actorOf(c), c.req.valid('json'), deps.clock.now()), 201);
  })
  .openapi(manifestPdf, async (c) => {
    const id = c.req.valid('param').id;
    return download(await renderManifest(c.get('deps').db, id), 'pdf', `manifest-${id}`) as never;
  })
  .openapi(dockScan, async (c) => {
    const deps = c.get('deps');
    return c.json(await scanOut(deps, actorOf(c), c.req.valid('json'), deps.clock.now()), 200);
  });
