import { z } from '@hono/zod-openapi';
import { refundReasons, returnConditions, returnDecisions } from '../../db/schema/index.js';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { attachPhoto, getPhoto, maxPhotoBytes } from '../services/returns/attach-photo.js';
import { closeReturn } from '../services/returns/close-return.js';
import { createRefund } from '../services/returns/create-refund.js';
import { getAfterSales } from '../services/returns/get-after-sales.js';
import { getReturn } from '../services/returns/get-return.js';
import { openReturn } from '../services/returns/open-return.js';
import { openReturnByScan } from '../services/returns/open-return-by-scan.js';
import { retryRefund } from '../services/returns/retry-refund.js';
import { scanReturnItem } from '../services/returns/scan-return-item.js';
import { actorOf } from './actor.js';

/** The returns bench is worked by packers and the desk; refunds are money, so the desk and admins only. */
const bench = ['admin', 'desk', 'packer'] as const;
const money = ['admin', 'desk'] as const;
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const idParam = z.object({ id: z.string().min(1) });
const clientScanId = z
  .string()
  .min(8)
  .max(100)
  .openapi({ description: 'Generated on the device; a re-sent scan counts once' });
const Opened = z.object({ returnId: z.string(), orderId: z.string(), isNew: z.boolean() });

const ReturnDetail = z
  .object({
    id: z.string(),
    orderId: z.string(),
    externalId: z.string(),
    currency: z.string(),
    status: z.string(),
    source: z.string(),
    reason: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    createdAt: z.string(),
    lines: z.array(
      z.object({
        id: z.string(),
        sku: z.string(),
        title: z.string(),
        barcodes: z.array(z.string()),
        quantityShipped: z.number().int(),
        quantityReturned: z.number().int(),
        unitPriceMinor: z.number().int(),
        shippingPriceMinor: z.number().int(),
      }),
    ),
    items: z.array(
      z.object({
        id: z.string(),
        orderLineId: z.string(),
        quantity: z.number().int(),
        condition: z.string(),
        decision: z.string(),
        binCode: z.string().nullable(),
        note: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    photos: z.array(
      z.object({
        id: z.string(),
        returnLineId: z.string().nullable(),
        sizeBytes: z.number().int(),
        url: z.string(),
      }),
    ),
  })
  .openapi('ReturnDetail');

const AfterSales = z
  .object({
    orderId: z.string(),
    currency: z.string(),
    parcels: z.array(
      z.object({
        parcelId: z.string(),
        trackingNumber: z.string(),
        trackingUrl: z.string().nullable(),
        carrierName: z.string(),
        shippedAt: z.string().nullable(),
        status: z.string().nullable(),
        deliveredAt: z.string().nullable(),
        exceptionAt: z.string().nullable(),
      }),
    ),
    returns: z.array(
      z.object({
        id: z.string(),
        status: z.string(),
        source: z.string(),
        reason: z.string().nullable(),
        createdAt: z.string(),
        items: z.array(
          z.object({
            sku: z.string(),
            quantity: z.number().int(),
            condition: z.string(),
            decision: z.string(),
          }),
        ),
      }),
    ),
    refunds: z.array(
      z.object({
        id: z.string(),
        reason: z.string(),
        note: z.string().nullable(),
        itemsMinor: z.number().int(),
        shippingMinor: z.number().int(),
        totalMinor: z.number().int(),
        isShippingIncluded: z.boolean(),
        pushStatus: z.string(),
        pushError: z.string().nullable(),
        channelRefundId: z.string().nullable(),
        createdAt: z.string(),
        lines: z.array(
          z.object({
            sku: z.string(),
            quantity: z.number().int(),
            amountMinor: z.number().int(),
            shippingMinor: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .openapi('AfterSales');

const openFromDesk = securedRoute(money, {
  method: 'post',
  path: '/api/returns',
  summary: 'Open the return of a shipped order from the desk (or get the one already open)',
  request: {
    body: json(
      z.object({ orderId: z.string().min(1), reason: z.string().trim().max(500).nullable().default(null) }),
    ),
  },
  responses: {
    201: { description: 'Opened or found', ...json(Opened) },
    404: problem('No such order'),
    409: problem('Order not shipped'),
  },
});

const openByScan = securedRoute(bench, {
  method: 'post',
  path: '/api/returns/scans',
  summary: "Returns bench: scan the parcel's tracking number or the order barcode to open its return",
  request: { body: json(z.object({ code: z.string().trim().min(1).max(200) })) },
  responses: {
    201: { description: 'Opened or found', ...json(Opened) },
    409: problem('Order not shipped'),
    422: problem('The scan names no shipped order: the problem says what to scan'),
  },
});

const getOne = securedRoute(bench, {
  method: 'get',
  path: '/api/returns/{id}',
  summary: 'A return: the shipped lines, what came back, photos',
  request: { params: idParam },
  responses: { 200: { description: 'Return', ...json(ReturnDetail) }, 404: problem('No such return') },
});

const scanItem = securedRoute(bench, {
  method: 'post',
  path: '/api/returns/{id}/items',
  summary:
    'A returned item: its condition and what becomes of it (restock to a scanned bin, quarantine, dispose)',
  request: {
    params: idParam,
    body: json(
      z.object({
        clientScanId,
        itemCode: z.string().trim().min(1).max(200),
        quantity: z.number().int().min(1).max(10_000).default(1),
        condition: z.enum(returnConditions),
        decision: z.enum(returnDecisions),
        binCode: z.string().trim().min(1).max(100).nullable().optional(),
        note: z.string().max(500).nullable().optional(),
      }),
    ),
  },
  responses: {
    200: {
      description: 'Recorded',
      ...json(
        z.object({
          isReplay: z.boolean(),
          returnLineId: z.string(),
          sku: z.string(),
          quantity: z.number().int(),
          decision: z.string(),
          binCode: z.string().nullable(),
        }),
      ),
    },
    404: problem('No such return'),
    409: problem('Return closed'),
    422: problem('Wrong item, bin or decision: the problem says what was expected'),
  },
});

const addPhoto = securedRoute(bench, {
  method: 'post',
  path: '/api/returns/{id}/photos',
  summary: 'Attach a photo taken with the device camera (base64 JPEG, PNG or WebP)',
  request: {
    params: idParam,
    body: json(
      z.object({
        contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
        dataBase64: z
          .string()
          .min(8)
          .max(Math.ceil((maxPhotoBytes * 4) / 3) + 4),
        returnLineId: z.string().min(1).nullable().optional(),
      }),
    ),
  },
  responses: {
    201: { description: 'Stored', ...json(z.object({ photoId: z.string(), sizeBytes: z.number().int() })) },
    404: problem('No such return or line'),
    422: problem('Not an image'),
  },
});

const photo = securedRoute(bench, {
  method: 'get',
  path: '/api/returns/{id}/photos/{photoId}',
  summary: 'A photo of a return',
  request: { params: z.object({ id: z.string().min(1), photoId: z.string().min(1) }) },
  responses: {
    200: {
      description: 'Image',
      content: { 'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    404: problem('No such photo'),
  },
});

const close = securedRoute(bench, {
  method: 'post',
  path: '/api/returns/{id}/close',
  summary: 'The returned parcel is dealt with',
  request: { params: idParam },
  responses: {
    200: { description: 'Closed', ...json(z.object({ returnId: z.string(), status: z.literal('closed') })) },
    404: problem('No such return'),
    409: problem('Return cancelled'),
  },
});

const refund = securedRoute(money, {
  method: 'post',
  path: '/api/orders/{id}/refunds',
  summary:
    'Refund the buyer (whole order, some lines, part of a line; shipping or not), pushed to the channel',
  request: {
    params: idParam,
    body: json(
      z.object({
        reason: z.enum(refundReasons),
        note: z.string().trim().max(500).nullable().optional(),
        returnId: z.string().min(1).nullable().optional(),
        includeShipping: z.boolean().default(false),
        lines: z
          .array(
            z.object({
              orderLineId: z.string().min(1),
              quantity: z.number().int().min(1).max(100_000).optional(),
              amountMinor: z.number().int().min(0).max(100_000_000).optional(),
            }),
          )
          .min(1)
          .max(500)
          .optional()
          .openapi({ description: 'Absent: the whole order' }),
      }),
    ),
  },
  responses: {
    201: {
      description: 'Recorded; the push to the channel is queued',
      ...json(
        z.object({
          refundId: z.string(),
          currency: z.string(),
          itemsMinor: z.number().int(),
          shippingMinor: z.number().int(),
          totalMinor: z.number().int(),
        }),
      ),
    },
    404: problem('No such order or return'),
    422: problem('More than is left to refund'),
  },
});

const retry = securedRoute(money, {
  method: 'post',
  path: '/api/refunds/{id}/retry',
  summary: 'Queue a refused or unconfirmed refund push again (it reads the channel back first)',
  request: { params: idParam },
  responses: {
    200: { description: 'Queued', ...json(z.object({ refundId: z.string(), queued: z.boolean() })) },
    409: problem('Not retryable'),
  },
});

const afterSales = securedRoute(['admin', 'desk', 'packer', 'picker'], {
  method: 'get',
  path: '/api/orders/{id}/after-sales',
  summary: 'Customer service: parcels with tracking, returns and refunds of an order',
  request: { params: idParam },
  responses: { 200: { description: 'After-sales', ...json(AfterSales) }, 404: problem('No such order') },
});

export const returnRoutes = router()
  .openapi(openFromDesk, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    return c.json(
      await openReturn(
        deps.db,
        actorOf(c),
        { orderId: body.orderId, reason: body.reason, source: 'desk' },
        deps.clock.now(),
      ),
      201,
    );
  })
  .openapi(openByScan, async (c) => {
    const deps = c.get('deps');
    return c.json(await openReturnByScan(deps.db, actorOf(c), c.req.valid('json'), deps.clock.now()), 201);
  })
  .openapi(getOne, async (c) => c.json(await getReturn(c.get('deps').db, c.req.valid('param').id), 200))
  .openapi(scanItem, async (c) => {
    const deps = c.get('deps');
    return c.json(
      await scanReturnItem(deps, actorOf(c), c.req.valid('param').id, c.req.valid('json'), deps.clock.now()),
      200,
    );
  })
  .openapi(addPhoto, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    const bytes = new Uint8Array(Buffer.from(body.dataBase64, 'base64'));
    return c.json(
      await attachPhoto(
        deps.db,
        actorOf(c),
        c.req.valid('param').id,
        { contentType: body.contentType, bytes, returnLineId: body.returnLineId },
        deps.clock.now(),
      ),
      201,
    );
  })
  .openapi(photo, async (c) => {
    const { id, photoId } = c.req.valid('param');
    const found = await getPhoto(c.get('deps').db, id, photoId);
    return c.body(found.bytes as unknown as ArrayBuffer, 200, {
      'content-type': found.contentType,
      'cache-control': 'private, max-age=86400',
    }) as never;
  })
  .openapi(close, async (c) => {
    const deps = c.get('deps');
    return c.json(await closeReturn(deps.db, actorOf(c), c.req.valid('param').id, deps.clock.now()), 200);
  })
  .openapi(refund, async (c) => {
    const deps = c.get('deps');
    return c.json(
      await createRefund(
        deps,
        actorOf(c),
        { orderId: c.req.valid('param').id, ...c.req.valid('json') },
        deps.clock.now(),
      ),
      201,
    );
  })
  .openapi(retry, async (c) => {
    const deps = c.get('deps');
    return c.json(await retryRefund(deps, actorOf(c), c.req.valid('param').id, deps.clock.now()), 200);
  })
  .openapi(afterSales, async (c) =>
    c.json(await getAfterSales(c.get('deps').db, c.req.valid('param').id), 200),
  );
