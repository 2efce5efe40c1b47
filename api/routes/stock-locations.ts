import { z } from '@hono/zod-openapi';
import { renderBinLabelsPdf } from '../../labels/bin-labels/render-bin-labels.js';
import { AppError } from '../errors.js';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { createBin, createWarehouse, listBins, listWarehouses } from '../services/stock/manage-locations.js';

const stockReaders = ['admin', 'desk', 'picker', 'packer'] as const;
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});
const part = z
  .string()
  .trim()
  .max(20)
  .regex(/^[A-Za-z0-9]*$/, 'letters and digits only');

const Warehouse = z.object({ id: z.string(), code: z.string(), name: z.string() }).openapi('Warehouse');
const Bin = z
  .object({
    id: z.string(),
    code: z.string(),
    warehouseId: z.string(),
    warehouseCode: z.string(),
    zone: z.string(),
    aisle: z.string(),
    rack: z.string(),
    level: z.string(),
    position: z.string(),
    pickSequence: z.number().int(),
  })
  .openapi('Bin');

const warehousesList = securedRoute(stockReaders, {
  method: 'get',
  path: '/api/warehouses',
  summary: 'Warehouses',
  responses: {
    200: { description: 'Warehouses', content: { 'application/json': { schema: z.array(Warehouse) } } },
  },
});

const warehouseCreate = securedRoute(['admin'], {
  method: 'post',
  path: '/api/warehouses',
  summary: 'Add a warehouse',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            code: z.string().trim().min(1).max(20),
            name: z.string().trim().min(1).max(200),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Created',
      content: { 'application/json': { schema: z.object({ warehouseId: z.string() }) } },
    },
    409: problem('Code taken'),
  },
});

const binsList = securedRoute(stockReaders, {
  method: 'get',
  path: '/api/bins',
  summary: 'Bins in walking order',
  request: { query: z.object({ warehouseId: z.string().optional() }) },
  responses: { 200: { description: 'Bins', content: { 'application/json': { schema: z.array(Bin) } } } },
});

const binCreate = securedRoute(['admin'], {
  method: 'post',
  path: '/api/bins',
  summary: 'Add a bin; the walking order is re-derived from zone, aisle, rack, level, position',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            warehouseId: z.string().min(1),
            zone: part.min(1),
            aisle: part,
            rack: part,
            level: part,
            position: part.optional(),
            code: z.string().trim().min(1).max(40).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Created',
      content: {
        'application/json': {
          schema: z.object({ binId: z.string(), code: z.string(), pickSequence: z.number().int() }),
        },
      },
    },
    409: problem('Code taken in this warehouse'),
    422: problem('No such warehouse'),
  },
});

const labels = securedRoute(stockReaders, {
  method: 'get',
  path: '/api/bins/labels',
  summary: 'Bin labels (PDF): Code 128 of the bin id and the human code, one label per bin',
  request: {
    query: z.object({
      warehouseId: z.string().optional(),
      binIds: z.string().max(20_000).optional().openapi({ description: 'Comma-separated bin ids' }),
    }),
  },
  responses: {
    200: {
      description: 'PDF',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    422: problem('Nothing to print'),
  },
});

export const stockLocationRoutes = router()
  .openapi(warehousesList, async (c) => c.json(await listWarehouses(c.get('deps').db), 200))
  .openapi(warehouseCreate, async (c) =>
    c.json(await createWarehouse(c.get('deps').db, c.req.valid('json')), 201),
  )
  .openapi(binsList, async (c) => c.json(await listBins(c.get('deps').db, c.req.valid('query')), 200))
  .openapi(binCreate, async (c) => c.json(await createBin(c.get('deps').db, c.req.valid('json')), 201))
  .openapi(labels, async (c) => {
    const query = c.req.valid('query');
    const binIds = query.binIds
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const rows = await listBins(c.get('deps').db, { warehouseId: query.warehouseId, binIds });
    if (rows.length === 0)
      throw new AppError('no_bins', 422, 'No bin matches: give a warehouseId or binIds.');
    const pdf = await renderBinLabelsPdf(
      rows.map((b) => ({ binId: b.id, code: b.code, warehouseCode: b.warehouseCode })),
    );
    return c.body(pdf as unknown as ArrayBuffer, 200, {
      'content-type': 'application/pdf',
      'content-disposition': 'inline; filename="bin-labels.pdf"',
    }) as never;
  });
