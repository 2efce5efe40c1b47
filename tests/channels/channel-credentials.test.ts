import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../db/schema/index.js';
import { signIn, simulatorKey, startTestSystem, type TestSystem } from '../support/system.js';

type Client = Awaited<ReturnType<typeof signIn>>;

interface ChannelConfig {
  id: string;
  type: string;
  name: string;
  settings: Record<string, unknown>;
  credentialsSet: string[];
  credentialFields: string[];
  settingFields: { key: string; kind: string; isRequired: boolean }[];
}

/**
 * Channel credentials are write-only: no answer of the API carries a secret, only which fields are set;
 * an edit that replaces one secret keeps the others; an edit is held to the same rules as a creation.
 */
describe('channel credentials through the API', () => {
  let t: TestSystem;
  let admin: Client;
  let desk: Client;
  let shopId: string;
  const secrets = { accessToken: 'shpat_first-token-1234', apiSecret: 'shpss_signing-secret-5678' };

  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    admin = await signIn(t.app, t.admin);
    desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
    const created = await admin.post('/api/channels', {
      type: 'shopify',
      name: 'Jardin Shopify',
      credentials: secrets,
      settings: { baseUrl: 'https://jardin.myshopify.com', pullIntervalSeconds: 600 },
    });
    expect(created.status).toBe(201);
    shopId = ((await created.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const sealedOf = async (id: string) =>
    (await t.system.deps.db.select().from(channels).where(eq(channels.id, id)))[0]!.credentialsSealed;
  const openedOf = async (id: string) =>
    t.system.deps.secrets.open<Record<string, string>>(await sealedOf(id));
  const list = async (client: Client) => {
    const res = await client.get('/api/channels');
    expect(res.status).toBe(200);
    const text = await res.text();
    return { text, channels: JSON.parse(text) as ChannelConfig[] };
  };
  const secretValues = () => [
    simulatorKey,
    secrets.accessToken,
    secrets.apiSecret,
    'shpat_second-token-9999',
  ];

  it('lists which credential fields are set, never their values, for every role that can read channels', async () => {
    for (const client of [admin, desk]) {
      const { text, channels: found } = await list(client);
      for (const value of secretValues()) expect(text).not.toContain(value);
      expect(text).not.toMatch(/credentialsSealed|"credentials"/);
      const shop = found.find((c) => c.id === shopId)!;
      expect(shop.credentialsSet).toEqual(['accessToken', 'apiSecret']);
      expect(shop.credentialFields).toEqual(['accessToken', 'apiSecret']);
      expect(shop.settingFields).toEqual([
        { key: 'baseUrl', kind: 'url', isRequired: true },
        { key: 'locationId', kind: 'text', isRequired: false },
        { key: 'pullIntervalSeconds', kind: 'number', isRequired: false },
      ]);
      const mirakl = found.find((c) => c.id === t.channelId)!;
      expect(mirakl.credentialsSet).toEqual(['apiKey']);
    }
    const health = await (await desk.get('/api/channels/health')).text();
    for (const value of secretValues()) expect(health).not.toContain(value);
    // At rest the secret is sealed, not stored as it was typed.
    expect(await sealedOf(shopId)).not.toContain(secrets.apiSecret);
  });

  it('a PATCH of one secret replaces it and keeps the other; its answer carries neither', async () => {
    const res = await admin.call('PATCH', `/api/channels/${shopId}`, {
      credentials: { accessToken: 'shpat_second-token-9999' },
    });
    expect(res.status).toBe(200);
    const body = await res.text();
    for (const value of secretValues()) expect(body).not.toContain(value);
    expect(await openedOf(shopId)).toEqual({
      accessToken: 'shpat_second-token-9999',
      apiSecret: secrets.apiSecret,
    });
    const { text, channels: found } = await list(admin);
    for (const value of secretValues()) expect(text).not.toContain(value);
    expect(found.find((c) => c.id === shopId)?.credentialsSet).toEqual(['accessToken', 'apiSecret']);

    // Settings merge the same way: the one sent changes, the rest stays.
    expect(
      (await admin.call('PATCH', `/api/channels/${shopId}`, { settings: { pullIntervalSeconds: 900 } }))
        .status,
    ).toBe(200);
    expect((await list(admin)).channels.find((c) => c.id === shopId)?.settings).toEqual({
      baseUrl: 'https://jardin.myshopify.com',
      pullIntervalSeconds: 900,
    });
    expect(await openedOf(shopId)).toMatchObject({ apiSecret: secrets.apiSecret });
  });

  it('refuses credentials the channel type does not take and settings a creation would refuse', async () => {
    const before = await sealedOf(shopId);
    const unknownKey = await admin.call('PATCH', `/api/channels/${shopId}`, {
      credentials: { apiKey: 'not-a-shopify-field' },
    });
    expect(unknownKey.status).toBe(400);
    const problem = (await unknownKey.json()) as { code: string; errors: { path: string }[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e) => e.path)).toEqual(['credentials.apiKey']);

    // The secret goes with every request: the store address stays HTTPS, as at creation.
    const insecure = await admin.call('PATCH', `/api/channels/${shopId}`, {
      settings: { baseUrl: 'http://jardin.myshopify.com' },
      credentials: { accessToken: 'shpat_never-saved' },
    });
    expect(insecure.status).toBe(400);
    expect(((await insecure.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'settings.baseUrl',
    ]);
    expect(await sealedOf(shopId)).toBe(before);
    const shop = (await list(admin)).channels.find((c) => c.id === shopId)!;
    expect(shop.settings.baseUrl).toBe('https://jardin.myshopify.com');

    // A required setting cannot be cleared; an optional one can.
    expect(
      (await admin.call('PATCH', `/api/channels/${shopId}`, { settings: { baseUrl: null } })).status,
    ).toBe(400);
    expect(
      (await admin.call('PATCH', `/api/channels/${shopId}`, { settings: { pullIntervalSeconds: null } }))
        .status,
    ).toBe(200);
  });

  it('only an admin edits a channel', async () => {
    const before = await sealedOf(shopId);
    const res = await desk.call('PATCH', `/api/channels/${shopId}`, {
      credentials: { accessToken: 'shpat_from-the-desk' },
    });
    expect(res.status).toBe(403);
    expect(await sealedOf(shopId)).toBe(before);
  });
});
