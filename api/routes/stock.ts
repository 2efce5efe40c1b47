import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { setAllocationRule } from '../services/allocation/set-allocation-rule.js';
import { getProductStock } from '../services/stock/get-product-stock.js';
import { importStockCsv } from '../services/stock/import-stock-csv.js';
import { listReorderAlerts } from '../services/stock/list-reorder-alerts.js';
import { searchStock } from '../services/stock/search-stock.js';
import { setProductStockSettings } from '../services/stock/set-product-stock-settings.js';
import { actorOf } from './actor.js';
import { stockLocationRoutes } from './stock-locations.js';

const stockReaders = ['admin', 'desk', 'picker', 'packer'] as const;
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

const StockSummary = z
  .object({
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    barcodes: z.array(z.string()),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
  })
  .openapi('StockSummary');

const Rule = z.object({
  bufferUnits: z.number().int().min(0).max(1_000_000),
  sharePercent: z.number().int().min(0).max(100),
  capUnits: z.number().int().min(0).max(1_000_000).nullable(),
  zeroBelow: z.number().int().min(0).max(1_000_000),
});

const ProductStock = StockSummary.extend({
  bins: z.array(
    z.object({
      binId: z.string(),
      binCode: z.string(),
      warehouseCode: z.string(),
      onHand: z.number().int(),
      reserved: z.number().int(),
      available: z.number().int(),
    }),
  ),
  channels: z.array(
    z.object({
      channelId: z.string(),
      channelName: z.string(),
      quantity: z.number().int().openapi({ description: 'What the channel should show now' }),
      pushedQuantity: z
        .number()
        .int()
        .nullable()
        .openapi({ description: 'What was last pushed: what it shows' }),
      pushedAt: z.string().nullable(),
      lastError: z.string().nullable(),
      rule: Rule,
    }),
  ),
  movements: z.array(
    z.object({
      id: z.string(),
      binCode: z.string(),
      delta: z.number().int(),
      reason: z.string(),
      reference: z.string().nullable(),
      lot: z.string().nullable(),
      expiresOn: z.string().nullable(),
      userId: z.string().nullable(),
      deviceId: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
}).openapi('ProductStock');

const search = securedRoute(stockReaders, {
  method: 'get',
  path: '/api/stock',
  summary: 'Search stock by SKU, EAN or name',
  request: { query: z.object({ q: z.string().max(200).default('') }) },
  responses: {
    200: { description: 'Matches', content: { 'application/json': { schema: z.array(StockSummary) } } },
  },
});

const detail = securedRoute(stockReaders, {
  method: 'get',
  path: '/api/stock/{productId}',
  summary: "One product's stock: bins, each channel's view and the movement history",
  request: { params: z.object({ productId: z.string().min(1) }) },
  responses: {
    200: { description: 'Stock', content: { 'application/json': { schema: ProductStock } } },
    404: problem('No such product'),
  },
});

const importCsv = securedRoute(['admin', 'desk'], {
  method: 'post',
  path: '/api/stock/imports',
  summary: 'Apply a shop-sales (sku,quantity[,bin]) or stock-levels (sku,bin,on_hand) CSV: all lines or none',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            kind: z.enum(['shop-sales', 'stock-levels']),
            csv: z.string().min(1).max(2_000_000),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Applied',
      content: {
        'application/json': { schema: z.object({ lines: z.number().int(), movements: z.number().int() }) },
      },
    },
    409: problem('Not enough unreserved stock'),
    422: problem('A line or column is wrong: the problem names each one'),
  },
});

const reorder = securedRoute(['admin', 'desk'], {
  method: 'get',
  path: '/api/stock/reorder-alerts',
  summary: 'Products that will run out before the next delivery, from the last 30 days of sales',
  responses: {
    200: {
      description: 'Alerts',
      content: {
        'application/json': {
          schema: z.array(
            z.object({
              productId: z.string(),
              sku: z.string(),
              name: z.string(),
              supplierId: z.string().nullable(),
              available: z.number().int(),
              incoming: z.number().int(),
              soldLast30Days: z.number().int(),
              dailyRate: z.number(),
              leadTimeDays: z.number().int(),
              minStock: z.number().int(),
              daysOfCover: z.number().nullable(),
              suggestedQuantity: z.number().int(),
            }),
          ),
        },
      },
    },
  },
});

const settings = securedRoute(['admin'], {
  method: 'put',
  path: '/api/stock/{productId}/settings',
  summary: 'Reorder point, supplier, lead time, lot and expiry tracking of a product',
  request: {
    params: z.object({ productId: z.string().min(1) }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            supplierId: z.string().nullable().default(null),
            minStock: z.number().int().min(0).max(1_000_000).default(0),
            leadTimeDays: z.number().int().min(0).max(365).nullable().default(null),
            isLotTracked: z.boolean().default(false),
            isExpiryTracked: z.boolean().default(false),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Saved',
      content: { 'application/json': { schema: z.object({ productId: z.string() }) } },
    },
    404: problem('No such product'),
    422: problem('No such supplier'),
  },
});

const allocation = securedRoute(['admin'], {
  method: 'put',
  path: '/api/channels/{channelId}/allocation',
  summary: "A channel's share of stock: its default (no productId) or one product's override",
  request: {
    params: z.object({ channelId: z.string().min(1) }),
    body: {
      content: {
        'application/json': { schema: Rule.extend({ productId: z.string().nullable().default(null) }) },
      },
    },
  },
  responses: {
    200: {
      description: 'Saved; pushes queued',
      content: { 'application/json': { schema: Rule.extend({ productId: z.string().nullable() }) } },
    },
    404: problem('No such channel'),
    422: problem('No such product'),
  },
});

export const stockRoutes = router()
  .openapi(search, async (c) => c.json(await searchStock(c.get('deps').db, c.req.valid('query').q), 200))
  .openapi(reorder, async (c) => {
    const deps = c.get('deps');
    return c.json(await listReorderAlerts(deps.db, deps.clock.now()), 200);
  })
  .openapi(detail, async (c) =>
    c.json(await getProductStock(c.get('deps').db, c.req.valid('param').productId), 200),
  )
  .openapi(importCsv, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    return c.json(await importStockCsv(deps, actorOf(c), body.kind, body.csv, deps.clock.now()), 200);
  })
  .openapi(settings, async (c) =>
    c.json(
      await setProductStockSettings(c.get('deps').db, c.req.valid('param').productId, c.req.valid('json')),
      200,
    ),
  )
  .openapi(allocation, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    const saved = await setAllocationRule(
      deps,
      { channelId: c.req.valid('param').channelId, ...body },
      deps.clock.now(),
    );
    return c.json(saved, 200);
  })
  .route('/', stockLocationRoutes);
