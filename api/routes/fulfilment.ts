import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { scanPack } from '../services/packing/scan-pack.js';
import { getPickList } from '../services/picking/get-pick-list.js';
import { scanPick } from '../services/picking/scan-pick.js';
import { createShipment } from '../services/shipping/create-shipment.js';
import { getParcelLabel } from '../services/shipping/get-label.js';
import { shipShipment } from '../services/shipping/ship-shipment.js';
import { actorOf } from './actor.js';

const scanRejected = {
  description: 'Wrong scan: the problem says what was expected',
  content: { 'application/problem+json': { schema: Problem } },
};
const stateConflict = {
  description: 'Not in a state for this',
  content: { 'application/problem+json': { schema: Problem } },
};
const orderParam = z.object({ id: z.string().min(1) });
const clientScanId = z
  .string()
  .min(8)
  .max(100)
  .openapi({ description: 'Generated on the device; a re-sent scan counts once' });

const PickStep = z
  .object({
    reservationId: z.string(),
    orderLineId: z.string(),
    binId: z.string(),
    binCode: z.string(),
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    barcodes: z.array(z.string()),
    quantity: z.number().int(),
    quantityPicked: z.number().int(),
  })
  .openapi('PickStep');

const pickList = securedRoute(['admin', 'picker'], {
  method: 'get',
  path: '/api/orders/{id}/pick-list',
  summary: 'What to pick for this order, in walking order',
  request: { params: orderParam },
  responses: {
    200: { description: 'Steps', content: { 'application/json': { schema: z.array(PickStep) } } },
  },
});

const pickScan = securedRoute(['admin', 'picker'], {
  method: 'post',
  path: '/api/orders/{id}/pick-scans',
  summary: 'Confirm a pick: the bin scanned, then the item',
  request: {
    params: orderParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({
            clientScanId,
            binCode: z.string().min(1).max(100),
            itemCode: z.string().min(1).max(200),
            quantity: z.number().int().min(1).max(10_000).default(1),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Picked',
      content: {
        'application/json': {
          schema: z.object({
            isReplay: z.boolean(),
            orderStatus: z.string(),
            step: PickStep.nullable(),
            remaining: z.number().int(),
          }),
        },
      },
    },
    404: stateConflict,
    409: stateConflict,
    422: scanRejected,
  },
});

const packScan = securedRoute(['admin', 'packer'], {
  method: 'post',
  path: '/api/orders/{id}/pack-scans',
  summary: 'Scan-to-verify one unit going into the parcel',
  request: {
    params: orderParam,
    body: {
      content: {
        'application/json': { schema: z.object({ clientScanId, code: z.string().min(1).max(200) }) },
      },
    },
  },
  responses: {
    200: {
      description: 'Packed',
      content: {
        'application/json': {
          schema: z.object({
            isReplay: z.boolean(),
            orderStatus: z.string(),
            lines: z.array(
              z.object({
                id: z.string(),
                sku: z.string(),
                title: z.string(),
                quantity: z.number().int(),
                quantityPacked: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    404: stateConflict,
    409: stateConflict,
    422: scanRejected,
  },
});

const createShipmentRoute = securedRoute(['admin', 'packer', 'desk'], {
  method: 'post',
  path: '/api/orders/{id}/shipments',
  summary: 'Create the shipment of a packed order: tracking number and label',
  request: {
    params: orderParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({ weightGrams: z.number().int().min(1).max(1_000_000).optional() }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Created',
      content: {
        'application/json': {
          schema: z.object({
            shipmentId: z.string(),
            parcelId: z.string(),
            trackingNumber: z.string(),
            carrierCode: z.string(),
            labelUrl: z.string(),
          }),
        },
      },
    },
    404: stateConflict,
    409: stateConflict,
  },
});

const ship = securedRoute(['admin', 'packer', 'desk'], {
  method: 'post',
  path: '/api/shipments/{id}/ship',
  summary: 'Hand the parcel over: stock leaves, the tracking number is pushed to the channel',
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: {
    200: {
      description: 'Shipped',
      content: {
        'application/json': { schema: z.object({ shipmentId: z.string(), isReplay: z.boolean() }) },
      },
    },
    404: stateConflict,
    409: stateConflict,
  },
});

const label = securedRoute(['admin', 'packer', 'desk'], {
  method: 'get',
  path: '/api/parcels/{id}/label',
  summary: 'The parcel label (PDF or ZPL)',
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: {
    200: {
      description: 'Label',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    404: stateConflict,
  },
});

export const fulfilmentRoutes = router()
  .openapi(pickList, async (c) => c.json(await getPickList(c.get('deps').db, c.req.valid('param').id), 200))
  .openapi(pickScan, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    return c.json(
      await scanPick(deps.db, actorOf(c), { orderId: c.req.valid('param').id, ...body }, deps.clock.now()),
      200,
    );
  })
  .openapi(packScan, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    return c.json(
      await scanPack(deps.db, actorOf(c), { orderId: c.req.valid('param').id, ...body }, deps.clock.now()),
      200,
    );
  })
  .openapi(createShipmentRoute, async (c) => {
    const deps = c.get('deps');
    const created = await createShipment(
      deps.db,
      actorOf(c),
      { orderId: c.req.valid('param').id, weightGrams: c.req.valid('json').weightGrams },
      deps.clock.now(),
      deps,
    );
    return c.json({ ...created, labelUrl: `/api/parcels/${created.parcelId}/label` }, 201);
  })
  .openapi(ship, async (c) => {
    const deps = c.get('deps');
    return c.json(await shipShipment(deps, actorOf(c), c.req.valid('param').id, deps.clock.now()), 200);
  })
  .openapi(label, async (c) => {
    const found = await getParcelLabel(c.get('deps').db, c.req.valid('param').id);
    const isPdf = found.format === 'pdf';
    return c.body(found.bytes as unknown as ArrayBuffer, 200, {
      'content-type': isPdf ? 'application/pdf' : 'application/zpl',
      'content-disposition': `inline; filename="${found.trackingNumber}.${isPdf ? 'pdf' : 'zpl'}"`,
    }) as never;
  });
