import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { generateFeed } from '../services/feeds/generate-feed.js';
import { getFeedFile, listFeedRunErrors, listFeedRuns } from '../services/feeds/list-feed-runs.js';
import { recordFeedReport } from '../services/feeds/record-feed-report.js';

const roles = ['admin', 'desk'] as const;
const notFound = { description: 'No such run', content: { 'application/problem+json': { schema: Problem } } };
const RunId = z.object({ id: z.string().min(1).max(64) });

const FeedRun = z
  .object({
    id: z.string(),
    channelId: z.string(),
    channelName: z.string(),
    format: z.string(),
    trigger: z.string(),
    status: z.string(),
    fileName: z.string(),
    offers: z.number().int(),
    blocked: z.number().int(),
    errorCount: z.number().int(),
    deliveryError: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .openapi('FeedRun');

const list = securedRoute(roles, {
  method: 'get',
  path: '/api/feeds/runs',
  summary: 'Recent feed runs, newest first',
  request: {
    query: z.object({
      channelId: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: { 200: { description: 'Runs', content: { 'application/json': { schema: z.array(FeedRun) } } } },
});

const errors = securedRoute(roles, {
  method: 'get',
  path: '/api/feeds/runs/{id}/errors',
  summary: "The channel's import report for a run, one entry per error line",
  request: { params: RunId },
  responses: {
    200: {
      description: 'Errors',
      content: {
        'application/json': {
          schema: z.array(
            z.object({
              line: z.number().int().nullable(),
              sku: z.string().nullable(),
              productId: z.string().nullable(),
              message: z.string(),
            }),
          ),
        },
      },
    },
  },
});

const file = securedRoute(roles, {
  method: 'get',
  path: '/api/feeds/runs/{id}/file',
  summary: 'The file of a run, exactly as generated',
  request: { params: RunId },
  responses: {
    200: {
      description: 'File',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    404: notFound,
  },
});

const run = securedRoute(['admin'], {
  method: 'post',
  path: '/api/feeds/channels/{channelId}/run',
  summary: "Generate a channel's feed now",
  request: { params: z.object({ channelId: z.string().min(1).max(64) }) },
  responses: {
    201: {
      description: 'The runs written (Amazon splits big catalogues into several documents)',
      content: {
        'application/json': {
          schema: z.array(
            z.object({
              id: z.string(),
              fileName: z.string(),
              offers: z.number().int(),
              blocked: z.number().int(),
            }),
          ),
        },
      },
    },
    404: { description: 'No such channel', content: { 'application/problem+json': { schema: Problem } } },
  },
});

const report = securedRoute(['admin'], {
  method: 'post',
  path: '/api/feeds/runs/{id}/report',
  summary: "Attach the channel's import report (Mirakl OF03 CSV, Amazon processing report, eBay response)",
  request: {
    params: RunId,
    body: { content: { 'text/plain': { schema: z.string().min(1).max(20_000_000) } } },
  },
  responses: {
    200: {
      description: 'Errors recorded',
      content: {
        'application/json': { schema: z.object({ errors: z.number().int(), matched: z.number().int() }) },
      },
    },
    404: notFound,
    422: { description: 'Unreadable report', content: { 'application/problem+json': { schema: Problem } } },
  },
});

export const feedRoutes = router()
  .openapi(list, async (c) => {
    const rows = await listFeedRuns(c.get('deps').db, c.req.valid('query'));
    return c.json(
      rows.map((r) => ({
        ...r,
        createdAt: r.createdAt.toISOString(),
        completedAt: r.completedAt?.toISOString() ?? null,
      })),
      200,
    );
  })
  .openapi(errors, async (c) =>
    c.json(await listFeedRunErrors(c.get('deps').db, c.req.valid('param').id), 200),
  )
  .openapi(file, async (c) => {
    const found = await getFeedFile(c.get('deps').db, c.req.valid('param').id);
    return c.body(found.file as unknown as ArrayBuffer, 200, {
      'content-type': found.contentType,
      'content-disposition': `attachment; filename="${found.fileName}"`,
    }) as never;
  })
  .openapi(run, async (c) => {
    const deps = c.get('deps');
    return c.json(await generateFeed(deps, c.req.valid('param').channelId, 'manual', deps.clock.now()), 201);
  })
  .openapi(report, async (c) => {
    const deps = c.get('deps');
    return c.json(
      await recordFeedReport(deps, c.req.valid('param').id, await c.req.text(), deps.clock.now()),
      200,
    );
  });
