import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { amazonErrors } from './routes.js';

/**
 * Login with Amazon and the Tokens API, plus the check every SP-API call goes through: the
 * `x-amz-access-token` must be a live LWA token or a Restricted Data Token issued for this very method
 * and path. Only an RDT unlocks PII (addresses, buyer names), and only the data elements it names.
 */
type RestrictedResource = { method: string; path: string; dataElements?: string[] };

export interface TokenBook {
  access: Map<string, number>;
  restricted: Map<string, { expiresAt: number; resources: RestrictedResource[] }>;
}

interface Context {
  opts: { clientId: string; clientSecret: string; refreshToken: string };
  tokens: TokenBook;
  now: () => Date;
  onViolation: (operationId: string, errors: string[]) => void;
  ttlSeconds: number;
}

const denied = (message: string) => Response.json(amazonErrors('Unauthorized', message), { status: 403 });

export function issueTokenRoutes(app: Hono<{ Variables: { pii: Set<string> } }>, ctx: Context): void {
  app.use('*', async (c, next) => {
    if (c.req.path === '/auth/o2/token' || c.req.path.startsWith('/_uploads/')) return next();
    const token = c.req.header('x-amz-access-token');
    if (!token) return denied('Access to requested resource is denied.');
    const at = ctx.now().getTime();
    const lwaExpiry = ctx.tokens.access.get(token);
    const rdt = ctx.tokens.restricted.get(token);
    if (lwaExpiry === undefined && !rdt) return denied('Access to requested resource is denied.');
    if ((lwaExpiry ?? rdt?.expiresAt ?? 0) <= at) return denied('The access token you provided has expired.');
    const pii = new Set<string>();
    if (rdt) {
      const resource = rdt.resources.find((r) => r.method === c.req.method && r.path === c.req.path);
      if (!resource) return denied('The Restricted Data Token does not cover this resource.');
      for (const element of resource.dataElements ?? []) pii.add(element);
    }
    c.set('pii', pii);
    return next();
  });

  app.post('/auth/o2/token', async (c) => {
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    const { opts } = ctx;
    if (form.client_id !== opts.clientId || form.client_secret !== opts.clientSecret) {
      return c.json({ error: 'invalid_client', error_description: 'Client authentication failed' }, 401);
    }
    if (form.grant_type !== 'refresh_token' || form.refresh_token !== opts.refreshToken) {
      return c.json(
        { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter' },
        400,
      );
    }
    const token = `Atza|${randomBytes(16).toString('hex')}`;
    ctx.tokens.access.set(token, ctx.now().getTime() + ctx.ttlSeconds * 1000);
    return c.json({
      access_token: token,
      token_type: 'bearer',
      expires_in: ctx.ttlSeconds,
      refresh_token: opts.refreshToken,
    });
  });

  app.post('/tokens/2021-03-01/restrictedDataToken', async (c) => {
    if (c.get('pii').size > 0 || ctx.tokens.restricted.has(c.req.header('x-amz-access-token') ?? '')) {
      return denied('A Restricted Data Token cannot request another one.');
    }
    const body = (await c.req.json()) as { restrictedResources: RestrictedResource[] };
    const token = `Atz.sprdt|${randomBytes(16).toString('hex')}`;
    ctx.tokens.restricted.set(token, {
      expiresAt: ctx.now().getTime() + 3600_000,
      resources: body.restrictedResources,
    });
    return c.json({ restrictedDataToken: token, expiresIn: 3600 });
  });
}
