import { z } from '@hono/zod-openapi';
import { printerKinds } from '../../db/schema/index.js';
import { securedRoute } from '../middleware/define-route.js';
import { router } from '../middleware/router.js';
import { closeParcel, labelAndPrint } from '../services/packing/close-parcel.js';
import { getPackingView } from '../services/packing/get-packing-view.js';
import { openPacking } from '../services/packing/open-packing.js';
import { PACKAGING_TYPES } from '../services/packing/packaging-types.js';
import { reopenBox } from '../services/packing/reopen-box.js';
import { scanPack } from '../services/packing/scan-pack.js';
import { checkPrinter } from '../services/printing/check-printer.js';
import { createPrinter } from '../services/printing/create-printer.js';
import { listPrinters } from '../services/printing/list-printers.js';
import { sendLabels } from '../services/printing/send-labels.js';
import { actorOf } from './actor.js';
import {
  idParam,
  PackagingTypeSchema,
  PackingView,
  PackResult,
  Printer,
  PrinterStatus,
  PrintOutcome,
  packers,
  packViewers,
  printerAdmins,
} from './packing-schemas.js';
import { body, clientScanId, json, problem } from './picking-schemas.js';

const packagingTypes = securedRoute(packViewers, {
  method: 'get',
  path: '/api/pack/packaging-types',
  summary: 'The boxes and envelopes a station chooses from',
  responses: { 200: json('Packaging types', z.array(PackagingTypeSchema)) },
});

const open = securedRoute(packers, {
  method: 'post',
  path: '/api/pack/open',
  summary: 'Open an order at the station from a scan: its tote (tot_…), its id or its channel number',
  request: body(z.object({ code: z.string().min(1).max(200) })),
  responses: {
    200: json('The order at the station', PackingView),
    404: problem('Nothing by that code'),
    409: problem('Not ready to pack'),
  },
});

const view = securedRoute(packViewers, {
  method: 'get',
  path: '/api/pack/orders/{id}',
  summary: 'An order as the packing station shows it',
  request: { params: idParam },
  responses: { 200: json('The order at the station', PackingView), 404: problem('No such order') },
});

const scan = securedRoute(packers, {
  method: 'post',
  path: '/api/pack/orders/{id}/scans',
  summary: 'Scan-to-verify one unit into the open parcel',
  request: {
    params: idParam,
    ...body(z.object({ clientScanId, code: z.string().min(1).max(200), boxId: z.string().min(1).max(100) })),
  },
  responses: {
    200: json('Packed', PackingView),
    404: problem('No such order'),
    409: problem('Parcel closed / order not packable'),
    422: problem('Wrong or extra item: the problem says what was expected'),
  },
});

const Dimensions = z.object({
  length: z.number().int().min(1).max(500),
  width: z.number().int().min(1).max(500),
  height: z.number().int().min(1).max(500),
});

const close = securedRoute(packers, {
  method: 'post',
  path: '/api/pack/boxes/{id}/close',
  summary: 'Close a parcel (packaging rules first); the last one books and prints the labels',
  request: {
    params: idParam,
    ...body(
      z.object({
        packagingCode: z.string().min(1).max(50),
        weightGrams: z.number().int().min(1).max(1_000_000).optional(),
        dimensionsCm: Dimensions.optional(),
        printerId: z.string().min(1).max(100).optional(),
      }),
    ),
  },
  responses: {
    200: json('Closed', PackResult),
    404: problem('No such parcel'),
    409: problem('Not open'),
    422: problem('Blocked by a packaging rule: every reason with its way out'),
  },
});

const reopen = securedRoute(packers, {
  method: 'post',
  path: '/api/pack/boxes/{id}/reopen',
  summary: 'Reopen a closed parcel, with the reason (its labels are voided)',
  request: { params: idParam, ...body(z.object({ reason: z.string().trim().min(3).max(500) })) },
  responses: {
    200: json('Reopened', PackingView),
    404: problem('No such parcel'),
    409: problem('Not closed / already shipped'),
  },
});

const labels = securedRoute(packers, {
  method: 'post',
  path: '/api/pack/orders/{id}/labels',
  summary: 'Book the labels of a fully packed order (again after a carrier failure) and print them',
  request: { params: idParam, ...body(z.object({ printerId: z.string().min(1).max(100).optional() })) },
  responses: { 200: json('Labelled', PackResult), 404: problem('No such order'), 409: problem('Not packed') },
});

const print = securedRoute(packViewers, {
  method: 'post',
  path: '/api/pack/parcels/{id}/print',
  summary: "Print a parcel's label again on a printer",
  request: { params: idParam, ...body(z.object({ printerId: z.string().min(1).max(100) })) },
  responses: {
    200: json('Printed', PrintOutcome),
    404: problem('No such parcel or printer'),
    409: problem('Wrong format for this printer'),
    503: problem('Printer not ready'),
  },
});

const printerList = securedRoute(packViewers, {
  method: 'get',
  path: '/api/printers',
  summary: 'The label printers a workstation can pick',
  responses: { 200: json('Printers', z.array(Printer)) },
});

const printerCreate = securedRoute(printerAdmins, {
  method: 'post',
  path: '/api/printers',
  summary: 'Add a label printer: ZPL over the network (raw TCP 9100) or PDF through the browser',
  request: body(
    z.object({
      name: z.string().trim().min(1).max(100),
      kind: z.enum(printerKinds),
      host: z.string().trim().min(1).max(255).optional(),
      port: z.number().int().min(1).max(65_535).optional(),
      dpi: z.union([z.literal(203), z.literal(300)]).optional(),
    }),
  ),
  responses: { 201: json('Created', Printer), 422: problem('Incomplete') },
});

const printerStatus = securedRoute(packViewers, {
  method: 'get',
  path: '/api/printers/{id}/status',
  summary: 'Ask a network printer how it is (~HS), within a timeout',
  request: { params: idParam },
  responses: { 200: json('Status', PrinterStatus), 404: problem('No such printer') },
});

export const packingRoutes = router()
  .openapi(packagingTypes, (c) => c.json([...PACKAGING_TYPES], 200))
  .openapi(open, async (c) => {
    const deps = c.get('deps');
    return c.json(await openPacking(deps.db, c.req.valid('json').code, deps.clock.now()), 200);
  })
  .openapi(view, async (c) => c.json(await getPackingView(c.get('deps').db, c.req.valid('param').id), 200))
  .openapi(scan, async (c) => {
    const deps = c.get('deps');
    const orderId = c.req.valid('param').id;
    await scanPack(deps.db, actorOf(c), { orderId, ...c.req.valid('json') }, deps.clock.now());
    return c.json(await getPackingView(deps.db, orderId), 200);
  })
  .openapi(close, async (c) => {
    const deps = c.get('deps');
    const done = await closeParcel(
      deps,
      actorOf(c),
      { boxId: c.req.valid('param').id, ...c.req.valid('json') },
      deps.clock.now(),
    );
    return c.json({ ...done, view: await getPackingView(deps.db, done.orderId) }, 200);
  })
  .openapi(reopen, async (c) => {
    const deps = c.get('deps');
    const { orderId } = await reopenBox(
      deps,
      actorOf(c),
      { boxId: c.req.valid('param').id, reason: c.req.valid('json').reason },
      deps.clock.now(),
    );
    return c.json(await getPackingView(deps.db, orderId), 200);
  })
  .openapi(labels, async (c) => {
    const deps = c.get('deps');
    const orderId = c.req.valid('param').id;
    const done = await labelAndPrint(
      deps,
      actorOf(c),
      { orderId, printerId: c.req.valid('json').printerId },
      deps.clock.now(),
    );
    return c.json({ ...done, view: await getPackingView(deps.db, orderId) }, 200);
  })
  .openapi(print, async (c) => {
    const deps = c.get('deps');
    const outcome = await sendLabels(
      deps.db,
      actorOf(c),
      { printerId: c.req.valid('json').printerId, parcelIds: [c.req.valid('param').id], reason: 'reprint' },
      deps.clock.now(),
    );
    return c.json(outcome, 200);
  })
  .openapi(printerList, async (c) => c.json(await listPrinters(c.get('deps').db), 200))
  .openapi(printerCreate, async (c) => {
    const deps = c.get('deps');
    return c.json(await createPrinter(deps.db, actorOf(c), c.req.valid('json'), deps.clock.now()), 201);
  })
  .openapi(printerStatus, async (c) =>
    c.json(await checkPrinter(c.get('deps').db, c.req.valid('param').id), 200),
  );
