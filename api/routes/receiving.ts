import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { createPurchaseOrder } from '../services/receiving/create-purchase-order.js';
import { createSupplier } from '../services/receiving/create-supplier.js';
import { draftPurchaseOrder } from '../services/receiving/draft-purchase-order.js';
import { getPurchaseOrder } from '../services/receiving/get-purchase-order.js';
import { placePurchaseOrder } from '../services/receiving/place-purchase-order.js';
import { putAway } from '../services/receiving/put-away.js';
import { receiveScan } from '../services/receiving/receive-scan.js';
import { actorOf } from './actor.js';

const receivers = ['admin', 'desk', 'picker'] as const;
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});
const clientScanId = z
  .string()
  .min(8)
  .max(100)
  .openapi({ description: 'Generated on the device; a re-sent scan counts once' });
const poParam = z.object({ id: z.string().min(1) });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const PurchaseOrder = z
  .object({
    id: z.string(),
    supplierId: z.string(),
    warehouseId: z.string(),
    status: z.string(),
    reference: z.string().nullable(),
    lines: z.array(
      z.object({
        id: z.string(),
        productId: z.string(),
        sku: z.string(),
        name: z.string(),
        quantityOrdered: z.number().int(),
        quantityReceived: z.number().int(),
      }),
    ),
    receipts: z.array(
      z.object({
        id: z.string(),
        productId: z.string(),
        quantity: z.number().int(),
        quantityPutAway: z.number().int(),
        lot: z.string().nullable(),
        expiresOn: z.string().nullable(),
      }),
    ),
  })
  .openapi('PurchaseOrder');

const supplierCreate = securedRoute(['admin', 'desk'], {
  method: 'post',
  path: '/api/suppliers',
  summary: 'Add a supplier',
  request: {
    body: json(
      z.object({
        code: z.string().trim().min(1).max(40),
        name: z.string().trim().min(1).max(200),
        leadTimeDays: z.number().int().min(0).max(365).default(7),
      }),
    ),
  },
  responses: {
    201: { description: 'Created', ...json(z.object({ supplierId: z.string() })) },
    409: problem('Code taken'),
  },
});

const poCreate = securedRoute(['admin', 'desk'], {
  method: 'post',
  path: '/api/purchase-orders',
  summary: 'A purchase order to a supplier (ordered, or a draft)',
  request: {
    body: json(
      z.object({
        supplierId: z.string().min(1),
        warehouseId: z.string().min(1),
        reference: z.string().max(100).nullable().default(null),
        status: z.enum(['draft', 'ordered']).default('ordered'),
        lines: z
          .array(
            z.object({ sku: z.string().min(1).max(100), quantity: z.number().int().min(1).max(1_000_000) }),
          )
          .min(1)
          .max(1000),
      }),
    ),
  },
  responses: {
    201: { description: 'Created', ...json(z.object({ purchaseOrderId: z.string() })) },
    422: problem('Unknown supplier, warehouse or SKU'),
  },
});

const poDraft = securedRoute(['admin', 'desk'], {
  method: 'post',
  path: '/api/purchase-orders/drafts',
  summary: "A draft purchase order from the reorder alerts of one supplier's products",
  request: { body: json(z.object({ supplierId: z.string().min(1), warehouseId: z.string().min(1) })) },
  responses: {
    201: {
      description: 'Drafted',
      ...json(
        z.object({
          purchaseOrderId: z.string(),
          lines: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
        }),
      ),
    },
    422: problem('Nothing to reorder'),
  },
});

const poGet = securedRoute(receivers, {
  method: 'get',
  path: '/api/purchase-orders/{id}',
  summary: 'A purchase order with what was received and what waits for putaway',
  request: { params: poParam },
  responses: {
    200: { description: 'Purchase order', ...json(PurchaseOrder) },
    404: problem('No such purchase order'),
  },
});

const poPlace = securedRoute(['admin', 'desk'], {
  method: 'post',
  path: '/api/purchase-orders/{id}/place',
  summary: 'Send a draft: its goods become incoming and receivable',
  request: { params: poParam },
  responses: {
    200: {
      description: 'Ordered',
      ...json(z.object({ purchaseOrderId: z.string(), status: z.literal('ordered') })),
    },
    404: problem('No such purchase order'),
    409: problem('Not a draft'),
  },
});

const receive = securedRoute(receivers, {
  method: 'post',
  path: '/api/purchase-orders/{id}/receipts',
  summary: 'Receive goods by scanning: a barcode, SKU or GS1 string (GTIN, lot 10, expiry 17, count 30/37)',
  request: {
    params: poParam,
    body: json(
      z.object({
        clientScanId,
        code: z.string().min(1).max(300),
        quantity: z.number().int().min(1).max(1_000_000).optional(),
        lot: z.string().min(1).max(20).nullable().optional(),
        expiresOn: z.iso.date().nullable().optional(),
      }),
    ),
  },
  responses: {
    201: {
      description: 'Received, waiting for putaway',
      ...json(
        z.object({
          isReplay: z.boolean(),
          receiptId: z.string(),
          productId: z.string(),
          quantity: z.number().int(),
        }),
      ),
    },
    404: problem('No such purchase order'),
    409: problem('Purchase order not receivable'),
    422: problem('Unknown item, not on the order, over-receipt, missing lot or expiry, bad GS1'),
  },
});

const putaway = securedRoute(receivers, {
  method: 'post',
  path: '/api/putaways',
  summary: 'Put received goods in a bin: scan the item, then the bin',
  request: {
    body: json(
      z.object({
        clientScanId,
        itemCode: z.string().min(1).max(200),
        binCode: z.string().min(1).max(100),
        quantity: z.number().int().min(1).max(1_000_000).default(1),
      }),
    ),
  },
  responses: {
    200: {
      description: 'On hand',
      ...json(
        z.object({
          isReplay: z.boolean(),
          binId: z.string(),
          productId: z.string(),
          quantity: z.number().int(),
        }),
      ),
    },
    422: problem('Unknown bin or item, or more than is waiting'),
  },
});

export const receivingRoutes = router()
  .openapi(supplierCreate, async (c) =>
    c.json(await createSupplier(c.get('deps').db, c.req.valid('json')), 201),
  )
  .openapi(poDraft, async (c) => {
    const deps = c.get('deps');
    return c.json(await draftPurchaseOrder(deps.db, c.req.valid('json'), deps.clock.now()), 201);
  })
  .openapi(poCreate, async (c) =>
    c.json(await createPurchaseOrder(c.get('deps').db, c.req.valid('json')), 201),
  )
  .openapi(poGet, async (c) => c.json(await getPurchaseOrder(c.get('deps').db, c.req.valid('param').id), 200))
  .openapi(poPlace, async (c) =>
    c.json(await placePurchaseOrder(c.get('deps').db, c.req.valid('param').id), 200),
  )
  .openapi(receive, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    return c.json(
      await receiveScan(deps.db, actorOf(c), c.req.valid('param').id, body, deps.clock.now()),
      201,
    );
  })
  .openapi(putaway, async (c) => {
    const deps = c.get('deps');
    return c.json(await putAway(deps, actorOf(c), c.req.valid('json'), deps.clock.now()), 200);
  });
