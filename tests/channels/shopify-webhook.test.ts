import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyShopifyWebhook } from '../../api/channels/shopify/webhook.js';
import { queues } from '../../api/jobs/queues.js';
import { createChannel } from '../../api/services/channels/manage-channels.js';
import { createShopifyFake } from '../fakes/shopify/fake.js';
import { signIn, startTestSystem, type TestSystem } from '../support/system.js';

const SECRET = 'shpss_app_secret_for_tests';

describe('verifyShopifyWebhook', () => {
  const fake = createShopifyFake({ accessToken: 't', apiSecret: SECRET });
  const delivery = fake.webhook(fake.createOrder().id);
  const hmac = delivery.headers['x-shopify-hmac-sha256'];

  it('accepts the signature Shopify computes over the raw body', () => {
    expect(verifyShopifyWebhook(delivery.body, hmac, SECRET)).toBe(true);
    expect(verifyShopifyWebhook(new TextEncoder().encode(delivery.body), hmac, SECRET)).toBe(true);
  });

  it('refuses a tampered body, another secret, a missing or malformed header', () => {
    expect(verifyShopifyWebhook(delivery.body.replace('"quantity":1', '"quantity":9'), hmac, SECRET)).toBe(
      false,
    );
    expect(verifyShopifyWebhook(`${delivery.body} `, hmac, SECRET)).toBe(false);
    expect(verifyShopifyWebhook(delivery.body, hmac, 'another secret')).toBe(false);
    expect(verifyShopifyWebhook(delivery.body, undefined, SECRET)).toBe(false);
    expect(verifyShopifyWebhook(delivery.body, '', SECRET)).toBe(false);
    expect(verifyShopifyWebhook(delivery.body, 'bm90IGEgc2lnbmF0dXJl', SECRET)).toBe(false);
    expect(verifyShopifyWebhook(delivery.body, hmac, '')).toBe(false);
  });
});

describe('POST /api/webhooks/shopify/{channelId}', () => {
  let t: TestSystem;
  let channelId: string;
  const fake = createShopifyFake({ accessToken: 'shpat_x', apiSecret: SECRET });

  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    ({ id: channelId } = await createChannel(t.system.deps, {
      type: 'shopify',
      name: 'Jardin (Shopify)',
      credentials: { accessToken: 'shpat_x', apiSecret: SECRET },
      settings: { baseUrl: 'https://jardin.test' },
    }));
  });
  afterAll(async () => {
    await t?.stop();
  });

  const post = (id: string, body: string, headers: Record<string, string>) =>
    t.app.request(`/api/webhooks/shopify/${id}`, { method: 'POST', body, headers });

  it('queues one pull of the channel for a signed orders/create, and no second one while it waits', async () => {
    const delivery = fake.webhook(fake.createOrder().id);
    const res = await post(channelId, delivery.body, delivery.headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ queued: true });
    const again = await post(channelId, delivery.body, delivery.headers);
    expect(await again.json()).toEqual({ queued: false });
    const jobs = await t.system.deps.jobs.boss.fetch<{ channelId: string }>(queues.pullChannel, {
      batchSize: 10,
    });
    expect((jobs ?? []).map((j) => j.data)).toEqual([{ channelId }]);
  });

  it('answers 401 problem+json for a tampered body, a missing signature, or an unknown channel', async () => {
    const delivery = fake.webhook(fake.createOrder().id);
    const tampered = await post(
      channelId,
      delivery.body.replace('"currency":"EUR"', '"currency":"USD"'),
      delivery.headers,
    );
    const { 'x-shopify-hmac-sha256': _, ...unsigned } = delivery.headers;
    const missing = await post(channelId, delivery.body, unsigned);
    const unknown = await post('chn_unknown', delivery.body, delivery.headers);
    for (const res of [tampered, missing, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { code: string }).code).toBe('webhook_signature_invalid');
    }
    const jobs = await t.system.deps.jobs.boss.fetch(queues.pullChannel, { batchSize: 10 });
    expect(jobs ?? []).toEqual([]);
  });

  it('acknowledges a signed delivery of another topic without queueing anything', async () => {
    const delivery = fake.webhook(fake.createOrder().id, 'products/update');
    const res = await post(channelId, delivery.body, delivery.headers);
    expect(await res.json()).toEqual({ queued: false });
  });

  it('connects Shopify and WooCommerce channels through POST /api/channels, HTTPS only for WooCommerce', async () => {
    const admin = await signIn(t.app, t.admin);
    const shop = await admin.post('/api/channels', {
      type: 'shopify',
      name: 'Jardin Shopify',
      credentials: { accessToken: 'shpat_y', apiSecret: 'shpss_y' },
      settings: { baseUrl: 'https://jardin.myshopify.com' },
    });
    expect(shop.status).toBe(201);
    const woo = await admin.post('/api/channels', {
      type: 'woocommerce',
      name: 'Boutique',
      credentials: { consumerKey: 'ck_1', consumerSecret: 'cs_1' },
      settings: { baseUrl: 'https://boutique.example' },
    });
    expect(woo.status).toBe(201);
    const insecure = await admin.post('/api/channels', {
      type: 'woocommerce',
      name: 'Boutique',
      credentials: { consumerKey: 'ck_1', consumerSecret: 'cs_1' },
      settings: { baseUrl: 'http://boutique.example' },
    });
    expect(insecure.status).toBe(400);
    expect(((await insecure.json()) as { code: string }).code).toBe('validation_failed');
  });
});
