import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { getChannelHealth } from '../services/channels/channel-health.js';
import { testChannel } from '../services/channels/test-channel.js';
import { updateChannel } from '../services/channels/update-channel.js';
import { listFailedPushes } from '../services/shipping/list-failed-pushes.js';
import { retryPush } from '../services/shipping/retry-push.js';
import { actorOf } from './actor.js';

const idParam = z.object({ id: z.string().min(1) });
const missing = {
  description: 'Not found or not in a state for this',
  content: { 'application/problem+json': { schema: Problem } },
};

const health = securedRoute(['admin', 'desk'], {
  method: 'get',
  path: '/api/channels/health',
  summary: 'Per channel: last pull, last push, push backlog, refused pushes and open parked orders',
  responses: {
    200: {
      description: 'Health',
      content: {
        'application/json': {
          schema: z.array(
            z.object({
              id: z.string(),
              type: z.string(),
              name: z.string(),
              isEnabled: z.boolean(),
              lastPulledAt: z.string().nullable(),
              lastPullError: z.string().nullable(),
              lastPushAt: z.string().nullable(),
              pushBacklog: z.number().int(),
              pushFailed: z.number().int(),
              parkedOpen: z.number().int(),
            }),
          ),
        },
      },
    },
  },
});

const test = securedRoute(['admin', 'desk'], {
  method: 'post',
  path: '/api/channels/{id}/test',
  summary: 'Run the connection test against the channel',
  request: { params: idParam },
  responses: {
    200: {
      description: 'Result',
      content: { 'application/json': { schema: z.object({ ok: z.boolean(), message: z.string() }) } },
    },
    404: missing,
  },
});

const update = securedRoute(['admin'], {
  method: 'patch',
  path: '/api/channels/{id}',
  summary:
    'Rename, enable/disable, replace some credentials (sealed at once, the others kept) or merge settings; both checked against the channel type',
  request: {
    params: idParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().min(1).max(200).optional(),
            isEnabled: z.boolean().optional(),
            credentials: z.record(z.string(), z.string().min(1)).optional(),
            settings: z.record(z.string(), z.unknown()).optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Updated',
      content: { 'application/json': { schema: z.object({ id: z.string() }) } },
    },
    404: missing,
  },
});

const failedPushes = securedRoute(['admin', 'desk'], {
  method: 'get',
  path: '/api/shipments/failed-pushes',
  summary: 'Tracking pushes the channel refused, or still unconfirmed 30 minutes after shipping',
  responses: {
    200: {
      description: 'Pushes needing a person',
      content: {
        'application/json': {
          schema: z.array(
            z.object({
              shipmentId: z.string(),
              orderId: z.string(),
              externalId: z.string(),
              channelName: z.string(),
              status: z.string(),
              attempts: z.number().int(),
              error: z.string().nullable(),
              shippedAt: z.string().nullable(),
              trackingNumbers: z.array(z.string()),
            }),
          ),
        },
      },
    },
  },
});

const retry = securedRoute(['admin', 'desk'], {
  method: 'post',
  path: '/api/shipments/{id}/retry-push',
  summary: 'Queue the tracking push again (it reads the channel back first, so it never doubles)',
  request: { params: idParam },
  responses: {
    202: {
      description: 'Queued',
      content: { 'application/json': { schema: z.object({ shipmentId: z.string(), queued: z.boolean() }) } },
    },
    409: missing,
  },
});

export const channelAdminRoutes = router()
  .openapi(health, async (c) => c.json(await getChannelHealth(c.get('deps').db), 200))
  .openapi(test, async (c) => c.json(await testChannel(c.get('deps'), c.req.valid('param').id), 200))
  .openapi(update, async (c) =>
    c.json(await updateChannel(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(failedPushes, async (c) => {
    const deps = c.get('deps');
    return c.json(await listFailedPushes(deps.db, deps.clock.now()), 200);
  })
  .openapi(retry, async (c) => {
    const deps = c.get('deps');
    return c.json(await retryPush(deps, actorOf(c), c.req.valid('param').id, deps.clock.now()), 202);
  });
