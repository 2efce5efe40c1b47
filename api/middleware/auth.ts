import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { UserRole } from '../../db/schema/index.js';
import type { AppEnv } from '../app-env.js';
import { principalFromApiToken, principalFromSession } from '../services/auth/resolve-principal.js';
import { problem } from './problem.js';

export const sessionCookie = 'sd_session';

/** Resolves who is calling; never rejects by itself (public routes need no principal). */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const deps = c.get('deps');
  const now = deps.clock.now();
  const header = c.req.header('authorization');
  c.set('principal', null);
  c.set('isCookieAuth', false);
  if (header?.startsWith('Bearer ')) {
    c.set('principal', await principalFromApiToken(deps.db, header.slice(7).trim(), now));
  } else {
    const token = getCookie(c, sessionCookie);
    if (token) {
      c.set('principal', await principalFromSession(deps.db, token, now));
      c.set('isCookieAuth', true);
    }
  }
  await next();
};

/**
 * Guards a route. Cookie-authenticated writes must also carry `X-Requested-With` (set by the typed
 * client): a cross-site form cannot, so this closes CSRF without a token round-trip.
 */
export function requireRole(roles: readonly UserRole[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal) return problem(c, 401, 'unauthenticated', 'Sign in first.');
    if (!roles.includes(principal.role)) {
      return problem(c, 403, 'forbidden', `This needs one of the roles: ${roles.join(', ')}.`);
    }
    if (
      c.get('isCookieAuth') &&
      !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) &&
      !c.req.header('x-requested-with')
    ) {
      return problem(
        c,
        403,
        'csrf_header_missing',
        'Cookie-authenticated writes must send the X-Requested-With header.',
      );
    }
    await next();
  };
}
