import { createRoute, z } from '@hono/zod-openapi';
import { isShopifyConnector } from '../channels/shopify/connector.js';
import { isOrderTopic } from '../channels/shopify/webhook.js';
import { AppError } from '../errors.js';
import { queues } from '../jobs/queues.js';
import { problemResponses } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { loadChannel } from '../services/channels/load-channel.js';

/**
 * Webhooks are public routes: the caller is the marketplace, which authenticates with a signature over
 * the raw body instead of a session. A valid delivery only queues a pull of the channel; the order
 * itself is always read through the API, so a forged or replayed body can never put data in.
 */
const shopify = createRoute({
  method: 'post',
  path: '/api/webhooks/shopify/{channelId}',
  summary: 'Shopify webhook (orders/*): checks X-Shopify-Hmac-Sha256, then queues a pull of the channel',
  request: {
    params: z.object({ channelId: z.string().min(1).max(64) }),
    headers: z.object({
      'x-shopify-hmac-sha256': z.string().optional(),
      'x-shopify-topic': z.string().optional(),
    }),
  },
  responses: {
    ...problemResponses,
    200: {
      description: 'Accepted; `queued` is false when a pull was already waiting or the topic needs none',
      content: { 'application/json': { schema: z.object({ queued: z.boolean() }) } },
    },
  },
});

const unsigned = () =>
  new AppError(
    'webhook_signature_invalid',
    401,
    'Expected an X-Shopify-Hmac-Sha256 header holding the base64 HMAC-SHA256 of the body, signed with the app secret of this channel.',
  );

export const webhookRoutes = router().openapi(shopify, async (c) => {
  const deps = c.get('deps');
  const { channelId } = c.req.valid('param');
  const headers = c.req.valid('header');
  // The exact bytes Shopify signed; parsing and re-serialising would change them.
  const rawBody = new Uint8Array(await c.req.arrayBuffer());
  // An unknown channel answers like a bad signature, so the route tells nothing to a caller without the secret.
  const channel = await loadChannel(deps, channelId).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) throw unsigned();
    throw err;
  });
  const connector = channel.connector;
  if (!isShopifyConnector(connector) || !connector.verifyWebhook(rawBody, headers['x-shopify-hmac-sha256'])) {
    throw unsigned();
  }
  if (!channel.isEnabled || !isOrderTopic(headers['x-shopify-topic'])) return c.json({ queued: false }, 200);
  const jobId = await deps.jobs.send(queues.pullChannel, { channelId }, { singletonKey: channelId });
  return c.json({ queued: jobId !== null }, 200);
});
