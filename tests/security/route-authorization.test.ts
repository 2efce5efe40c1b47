import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../api/services/auth/create-api-token.js';
import { createUser } from '../../api/services/auth/create-user.js';
import { userRoles } from '../../db/schema/index.js';
import { signIn, startTestSystem, type TestSystem } from '../support/system.js';

/** Routes anyone may call. A new route missing from here and without `x-roles` fails this suite. */
const publicRoutes = new Set([
  'GET /health',
  'GET /ready',
  'POST /api/auth/login',
  'POST /api/auth/badge',
  // Authenticated by the HMAC signature of the body (tests/channels/shopify-webhook.test.ts).
  'POST /api/webhooks/shopify/xyz_000',
]);

interface Operation {
  method: string;
  path: string;
  roles: string[] | null;
}

/** One shared security suite over every route of the OpenAPI document: anonymous, every role, CSRF. */
describe('authorization on every route', () => {
  let t: TestSystem;
  let operations: Operation[];
  const clients = new Map<string, Awaited<ReturnType<typeof signIn>>>();

  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-roles'?: string[] }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path: path.replace(/\{[^}]+\}/g, 'xyz_000'),
        roles: op['x-roles'] ?? null,
      })),
    );
    for (const role of userRoles) {
      const email = `${role}-sec@test.local`;
      await createUser(t.system.deps.db, { name: role, role, email, password: `${role} password 123` });
      clients.set(role, await signIn(t.app, { email, password: `${role} password 123` }));
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  const call = (op: Operation, headers: Record<string, string>) =>
    t.app.request(op.path, {
      method: op.method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(op.method === 'GET' ? {} : { body: '{}' }),
    });

  it('lists every route, and only the known public ones lack roles', () => {
    expect(operations.length).toBeGreaterThan(10);
    const unguarded = operations.filter((o) => !o.roles).map((o) => `${o.method} ${o.path}`);
    expect(unguarded.sort()).toEqual([...publicRoutes].sort());
  });

  it('refuses anonymous callers with 401 problem+json', async () => {
    for (const op of operations.filter((o) => o.roles)) {
      const res = await call(op, {});
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { code: string }).code).toBe('unauthenticated');
    }
  });

  it('refuses every role a route does not name with 403, and lets the named ones through', async () => {
    // Sign-out ends the session the other calls use: try it last.
    const guarded = operations
      .filter((o) => o.roles)
      .sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
    for (const op of guarded) {
      for (const role of userRoles) {
        const client = clients.get(role)!;
        const res = await call(op, { cookie: client.cookie, 'x-requested-with': 'fetch' });
        const where = `${op.method} ${op.path} as ${role}`;
        if (op.roles!.includes(role)) expect([401, 403], where).not.toContain(res.status);
        else {
          expect(res.status, where).toBe(403);
          expect(((await res.json()) as { code: string }).code).toBe('forbidden');
        }
      }
    }
    for (const role of userRoles)
      clients.set(
        role,
        await signIn(t.app, { email: `${role}-sec@test.local`, password: `${role} password 123` }),
      );
  });

  it('applies the same roles to API tokens, and refuses revoked or unknown tokens', async () => {
    const { token } = await createApiToken(t.system.deps.db, {
      name: 'erp',
      role: 'picker',
      createdBy: null,
    });
    const channels = await t.app.request('/api/channels', { headers: { authorization: `Bearer ${token}` } });
    expect(channels.status).toBe(403);
    const orders = await t.app.request('/api/orders', { headers: { authorization: `Bearer ${token}` } });
    expect(orders.status).toBe(200);
    const bogus = await t.app.request('/api/orders', {
      headers: { authorization: 'Bearer sdk_not-a-token' },
    });
    expect(bogus.status).toBe(401);
  });

  it('refuses cookie-authenticated writes without the X-Requested-With header (CSRF)', async () => {
    const admin = clients.get('admin')!;
    const res = await t.app.request('/api/channels/xyz_000/pull', {
      method: 'POST',
      headers: { cookie: admin.cookie },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('csrf_header_missing');
  });

  it('sets the session cookie HttpOnly and SameSite, and locks an account after repeated failures', async () => {
    const ok = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'desk-sec@test.local', password: 'desk password 123' }),
    });
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const attempt = () =>
      t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'packer-sec@test.local', password: 'wrong' }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const locked = await attempt();
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { code: string }).code).toBe('login_locked');
  });
});
