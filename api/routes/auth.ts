import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { userRoles } from '../../db/schema/index.js';
import type { AppEnv } from '../app-env.js';
import { sessionCookie } from '../middleware/auth.js';
import { allRoles, securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { createApiToken } from '../services/auth/create-api-token.js';
import type { NewSession } from '../services/auth/create-session.js';
import { createUser } from '../services/auth/create-user.js';
import { loginWithBadge } from '../services/auth/login-with-badge.js';
import { loginWithPassword } from '../services/auth/login-with-password.js';
import { deleteSession } from '../services/auth/resolve-principal.js';

const SessionUser = z
  .object({ id: z.string(), name: z.string(), role: z.enum(userRoles), email: z.string().nullable() })
  .openapi('SessionUser');
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const failed = {
  description: 'Wrong credentials or locked',
  content: { 'application/problem+json': { schema: Problem } },
};

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  summary: 'Sign in with email and password (sets the session cookie)',
  request: {
    body: {
      content: {
        'application/json': { schema: z.object({ email: z.string().min(1), password: z.string().min(1) }) },
      },
    },
  },
  responses: { 200: json(z.object({ user: SessionUser }), 'Signed in'), 401: failed, 429: failed },
});

const badge = createRoute({
  method: 'post',
  path: '/api/auth/badge',
  summary: 'Sign in on a handheld by scanning a badge and typing the PIN',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            badge: z.string().min(1),
            pin: z.string().regex(/^\d{4,8}$/),
            deviceId: z.string().max(100).optional(),
          }),
        },
      },
    },
  },
  responses: { 200: json(z.object({ user: SessionUser }), 'Signed in'), 401: failed, 429: failed },
});

const logout = securedRoute(allRoles, {
  method: 'post',
  path: '/api/auth/logout',
  summary: 'Sign out',
  responses: { 204: { description: 'Signed out' } },
});

const me = securedRoute(allRoles, {
  method: 'get',
  path: '/api/auth/me',
  summary: 'Who is signed in',
  responses: {
    200: json(
      z.object({ name: z.string(), role: z.enum(userRoles), kind: z.enum(['user', 'token']) }),
      'The caller',
    ),
  },
});

const createUserRoute = securedRoute(['admin'], {
  method: 'post',
  path: '/api/users',
  summary: 'Create a user (pickers get a badge and PIN)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().min(1).max(200),
            role: z.enum(userRoles),
            email: z.email().optional(),
            password: z.string().min(10).max(200).optional(),
            badgeCode: z.string().min(3).max(64).optional(),
            pin: z
              .string()
              .regex(/^\d{4,8}$/)
              .optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: json(
      z.object({
        id: z.string(),
        name: z.string(),
        role: z.enum(userRoles),
        email: z.string().nullable(),
        badgeCode: z.string().nullable(),
      }),
      'Created',
    ),
    409: { description: 'Exists', content: { 'application/problem+json': { schema: Problem } } },
  },
});

const createToken = securedRoute(['admin'], {
  method: 'post',
  path: '/api/tokens',
  summary: 'Create an API token for an integration (shown once)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ name: z.string().min(1).max(200), role: z.enum(userRoles) }),
        },
      },
    },
  },
  responses: {
    201: json(
      z.object({ id: z.string(), name: z.string(), role: z.enum(userRoles), token: z.string() }),
      'Created',
    ),
  },
});

function startSession(c: Context<AppEnv>, session: NewSession) {
  setCookie(c, sessionCookie, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').isSecureCookies,
    path: '/',
    expires: session.expiresAt,
  });
  return { user: session.user as z.infer<typeof SessionUser> };
}

export const authRoutes = router()
  .openapi(login, async (c) => {
    const deps = c.get('deps');
    const session = await loginWithPassword(deps.db, c.req.valid('json'), deps.clock.now());
    return c.json(startSession(c, session), 200);
  })
  .openapi(badge, async (c) => {
    const deps = c.get('deps');
    const session = await loginWithBadge(deps.db, c.req.valid('json'), deps.clock.now());
    return c.json(startSession(c, session), 200);
  })
  .openapi(logout, async (c) => {
    const token = getCookie(c, sessionCookie);
    if (token) await deleteSession(c.get('deps').db, token);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.body(null, 204);
  })
  .openapi(me, (c) => {
    const p = c.get('principal')!;
    return c.json({ name: p.name, role: p.role, kind: p.kind }, 200);
  })
  .openapi(createUserRoute, async (c) => c.json(await createUser(c.get('deps').db, c.req.valid('json')), 201))
  .openapi(createToken, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await createApiToken(c.get('deps').db, { ...body, createdBy: c.get('principal')!.userId }),
      201,
    );
  });
