import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { completeCycleCount } from '../services/counts/complete-cycle-count.js';
import { getCycleCount, listCycleCounts } from '../services/counts/list-cycle-counts.js';
import { openCycleCount } from '../services/counts/open-cycle-count.js';
import { recordCountScan } from '../services/counts/record-count-scan.js';
import { actorOf } from './actor.js';

const counters = ['admin', 'desk', 'picker'] as const;
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const countParam = z.object({ id: z.string().min(1) });

const CycleCount = z
  .object({
    id: z.string(),
    binId: z.string(),
    binCode: z.string(),
    productId: z.string().nullable(),
    sku: z.string().nullable(),
    reason: z.string(),
    status: z.string(),
    requestedAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .openapi('CycleCount');

const list = securedRoute(counters, {
  method: 'get',
  path: '/api/counts',
  summary: 'Cycle counts to do (or done)',
  request: { query: z.object({ status: z.enum(['open', 'completed', 'cancelled']).default('open') }) },
  responses: { 200: { description: 'Counts', ...json(z.array(CycleCount)) } },
});

const get = securedRoute(counters, {
  method: 'get',
  path: '/api/counts/{id}',
  summary: 'One count with what was counted',
  request: { params: countParam },
  responses: {
    200: {
      description: 'Count',
      ...json(
        CycleCount.extend({
          lines: z.array(
            z.object({
              productId: z.string(),
              sku: z.string(),
              counted: z.number().int(),
              expected: z.number().int().nullable(),
            }),
          ),
        }),
      ),
    },
    404: problem('No such count'),
  },
});

const create = securedRoute(counters, {
  method: 'post',
  path: '/api/counts',
  summary: 'Ask for a bin (or one product in it) to be counted',
  request: {
    body: json(
      z.object({
        binCode: z.string().min(1).max(100),
        itemCode: z.string().min(1).max(200).nullable().default(null),
        reason: z.string().min(1).max(200).default('manual'),
      }),
    ),
  },
  responses: {
    201: { description: 'Open count', ...json(z.object({ countId: z.string() })) },
    422: problem('Unknown bin or item'),
  },
});

const scan = securedRoute(counters, {
  method: 'post',
  path: '/api/counts/{id}/scans',
  summary: 'Count by scanning: the bin label, then each item (with an optional quantity)',
  request: {
    params: countParam,
    body: json(
      z.object({
        clientScanId: z.string().min(8).max(100),
        binCode: z.string().min(1).max(100),
        itemCode: z.string().min(1).max(200),
        quantity: z.number().int().min(1).max(100_000).default(1),
      }),
    ),
  },
  responses: {
    200: {
      description: 'Counted so far',
      ...json(z.object({ isReplay: z.boolean(), productId: z.string(), counted: z.number().int() })),
    },
    404: problem('No such count'),
    409: problem('Count closed'),
    422: problem('Wrong bin or item'),
  },
});

const complete = securedRoute(counters, {
  method: 'post',
  path: '/api/counts/{id}/complete',
  summary: 'Close the count: every difference becomes a count movement',
  request: { params: countParam },
  responses: {
    200: {
      description: 'Differences applied',
      ...json(
        z.object({
          differences: z.array(
            z.object({
              productId: z.string(),
              expected: z.number().int(),
              counted: z.number().int(),
              difference: z.number().int(),
            }),
          ),
        }),
      ),
    },
    404: problem('No such count'),
    409: problem('Count closed'),
  },
});

export const countRoutes = router()
  .openapi(list, async (c) =>
    c.json(await listCycleCounts(c.get('deps').db, c.req.valid('query').status), 200),
  )
  .openapi(get, async (c) => c.json(await getCycleCount(c.get('deps').db, c.req.valid('param').id), 200))
  .openapi(create, async (c) => {
    const deps = c.get('deps');
    return c.json(await openCycleCount(deps.db, c.req.valid('json'), deps.clock.now()), 201);
  })
  .openapi(scan, async (c) => {
    const deps = c.get('deps');
    return c.json(
      await recordCountScan(
        deps.db,
        actorOf(c),
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.clock.now(),
      ),
      200,
    );
  })
  .openapi(complete, async (c) => {
    const deps = c.get('deps');
    return c.json(await completeCycleCount(deps, actorOf(c), c.req.valid('param').id, deps.clock.now()), 200);
  });
