import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { router } from '../middleware/router.js';
import { channelTypes } from '../services/channels/channel-types.js';
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
    /** Names of the credential fields that hold a value; the values never leave the server. */
    credentialsSet: z.array(z.string()),
    /** The credential fields this channel's type takes. */
    credentialFields: z.array(z.string()),
    /** The settings this channel's type takes, with the input each needs. */
    settingFields: z.array(
      z.object({
        key: z.string(),
        kind: z.enum(['text', 'url', 'number', 'boolean']),
        isRequired: z.boolean(),
      }),
    ),
  })
  .openapi('Channel');

const name = z.string().min(1).max(200);
/** One body per channel type, each with its own credentials and settings (channel-types.ts). */
const createChannelBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mirakl'), name, ...channelTypes.mirakl }),
  z.object({ type: z.literal('shopify'), name, ...channelTypes.shopify }),
  z.object({ type: z.literal('amazon'), name, ...channelTypes.amazon }),
  z.object({ type: z.literal('ebay'), name, ...channelTypes.ebay }),
  z.object({ type: z.literal('woocommerce'), name, ...channelTypes.woocommerce }),
  z.object({ type: z.literal('cdiscount'), name, ...channelTypes.cdiscount }),
]);

const list = securedRoute(['admin', 'desk'], {
  method: 'get',
  path: '/api/channels',
  summary:
    'Sales channels and the state of their last pull; of the credentials, only which fields are set (never a value)',
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
          schema: createChannelBody,
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
  .openapi(list, async (c) => c.json(await listChannels(c.get('deps')), 200))
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
