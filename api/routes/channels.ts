import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { router } from '../middleware/router.js';
import { listParkedOrders } from '../services/channels/list-parked-orders.js';
import { createChannel, listChannels } from '../services/channels/manage-channels.js';
import { requestPullNow } from '../services/channels/request-pull.js';

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
          schema: z.discriminatedUnion('type', [
            z.object({
              type: z.literal('mirakl'),
              name: z.string().min(1).max(200),
              credentials: z.object({ apiKey: z.string().min(1) }),
              settings: z.object({
                baseUrl: z.url(),
                shopId: z.string().optional(),
                pullIntervalSeconds: z.number().int().min(5).max(3600).optional(),
              }),
            }),
            z.object({
              type: z.literal('shopify'),
              name: z.string().min(1).max(200),
              // accessToken: Admin API token; apiSecret: the app's client secret, which signs webhooks.
              credentials: z.object({ accessToken: z.string().min(1), apiSecret: z.string().min(1) }),
              settings: z.object({
                baseUrl: z.url({ protocol: /^https$/ }),
                locationId: z.string().startsWith('gid://shopify/Location/').optional(),
                pullIntervalSeconds: z.number().int().min(5).max(3600).optional(),
              }),
            }),
            z.object({
              type: z.literal('amazon'),
              name: z.string().min(1).max(200),
              // Login with Amazon app credentials and the seller's refresh token.
              credentials: z.object({
                clientId: z.string().min(1),
                clientSecret: z.string().min(1),
                refreshToken: z.string().startsWith('Atzr|'),
              }),
              settings: z.object({
                endpoint: z.url({ protocol: /^https$/ }),
                sellerId: z.string().min(1),
                marketplaceId: z.string().regex(/^[A-Z0-9]{10,14}$/),
                pullIntervalSeconds: z.number().int().min(60).max(3600).optional(),
              }),
            }),
            z.object({
              type: z.literal('ebay'),
              name: z.string().min(1).max(200),
              credentials: z.object({
                clientId: z.string().min(1),
                clientSecret: z.string().min(1),
                refreshToken: z.string().min(1),
              }),
              settings: z.object({
                apiBase: z.url({ protocol: /^https$/ }).optional(),
                pullIntervalSeconds: z.number().int().min(5).max(3600).optional(),
              }),
            }),
            z.object({
              type: z.literal('woocommerce'),
              name: z.string().min(1).max(200),
              credentials: z.object({ consumerKey: z.string().min(1), consumerSecret: z.string().min(1) }),
              settings: z.object({
                // Basic auth sends the secret with every request: HTTPS only.
                baseUrl: z.url({ protocol: /^https$/ }),
                pullIntervalSeconds: z.number().int().min(5).max(3600).optional(),
                requestsPerSecond: z.number().positive().max(100).optional(),
              }),
            }),
            z.object({
              type: z.literal('cdiscount'),
              name: z.string().min(1).max(200),
              // Octopia API credentials (client credentials flow) from the seller's API credentials page.
              credentials: z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) }),
              settings: z.object({
                sellerId: z.string().regex(/^\d+$/),
                salesChannelId: z.string().min(1).optional(),
                apiBase: z.url({ protocol: /^https$/ }).optional(),
                authBase: z.url({ protocol: /^https$/ }).optional(),
                pullIntervalSeconds: z.number().int().min(60).max(3600).optional(),
              }),
            }),
          ]),
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
    await requestPullNow(deps.jobs, created.id);
    return c.json(created, 201);
  })
  .openapi(pull, async (c) => {
    const id = c.req.valid('param').id;
    const jobId = await requestPullNow(c.get('deps').jobs, id);
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
