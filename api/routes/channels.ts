import { z } from '@hono/zod-openapi';
import { queues } from '../jobs/queues.js';
import { securedRoute } from '../middleware/define-route.js';
import { router } from '../middleware/router.js';
import { listParkedOrders } from '../services/channels/list-parked-orders.js';
import { createChannel, listChannels } from '../services/channels/manage-channels.js';

const Channel = z
  .object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    settings: z.record(z.string(), z.unknown()),
    isEnabled: z.boolean(),
    pullCursor: z.string().nullable(),
    lastPulledAt: z.string().nullable(),
    lastPullError: z.string().nullable(),
  })
  .openapi('Channel');

const list = securedRoute(['admin', 'desk'], {
  method: 'get',
  path: '/api/channels',
  summary: 'Sales channels and the state of their last pull (credentials are never returned)',
  responses: {
    200: { description: 'Channels', content: { 'application/json': { schema: z.array(Channel) } } },
  },
});

const create = securedRoute(['admin'], {
  method: 'post',
  path: '/api/channels',
  summary: 'Connect a sales channel',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            type: z.enum(['mirakl']),
            name: z.string().min(1).max(200),
            credentials: z.object({ apiKey: z.string().min(1) }),
            settings: z.object({
              baseUrl: z.url(),
              shopId: z.string().optional(),
              pullIntervalSeconds: z.number().int().min(5).max(3600).optional(),
            }),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Created',
      content: { 'application/json': { schema: z.object({ id: z.string() }) } },
    },
  },
});

const pull = securedRoute(['admin', 'desk'], {
  method: 'post',
  path: '/api/channels/{id}/pull',
  summary: 'Queue a pull of this channel now',
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: {
    202: {
      description: 'Queued',
      content: { 'application/json': { schema: z.object({ queued: z.boolean() }) } },
    },
  },
});

const ParkedOrder = z
  .object({
    id: z.string(),
    channelId: z.string(),
    channelName: z.string(),
    externalId: z.string().nullable(),
    reason: z.string(),
    raw: z.unknown(),
    timesSeen: z.number().int(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .openapi('ParkedOrder');

const parked = securedRoute(['admin', 'desk'], {
  method: 'get',
  path: '/api/parked-orders',
  summary: 'Orders a channel sent that could not be taken in, with the raw payload and the reason',
  request: { query: z.object({ includeResolved: z.enum(['true', 'false']).default('false') }) },
  responses: {
    200: { description: 'Parked orders', content: { 'application/json': { schema: z.array(ParkedOrder) } } },
  },
});

export const channelRoutes = router()
  .openapi(list, async (c) => c.json(await listChannels(c.get('deps').db), 200))
  .openapi(create, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    const created = await createChannel(deps, body);
    await deps.jobs.send(queues.pullChannel, { channelId: created.id }, { singletonKey: created.id });
    return c.json(created, 201);
  })
  .openapi(pull, async (c) => {
    const id = c.req.valid('param').id;
    const jobId = await c.get('deps').jobs.send(queues.pullChannel, { channelId: id }, { singletonKey: id });
    return c.json({ queued: jobId !== null }, 202);
  })
  .openapi(parked, async (c) =>
    c.json(
      await listParkedOrders(c.get('deps').db, {
        includeResolved: c.req.valid('query').includeResolved === 'true',
      }),
      200,
    ),
  );
