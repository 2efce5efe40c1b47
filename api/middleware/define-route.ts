import { createRoute } from '@hono/zod-openapi';
import type { UserRole } from '../../db/schema/index.js';
import { requireRole } from './auth.js';
import { problemResponses } from './problem.js';

export const allRoles = ['admin', 'picker', 'packer', 'desk'] as const satisfies readonly UserRole[];

type RouteConfig = Parameters<typeof createRoute>[0];

/**
 * Every protected route is declared through this: the role guard runs as route middleware and the
 * allowed roles are published in the OpenAPI document (`x-roles`), which the shared security test
 * reads to try every route with every role and with none.
 */
export function securedRoute<const R extends Omit<RouteConfig, 'middleware'>>(
  roles: readonly UserRole[],
  config: R,
) {
  return createRoute({
    ...config,
    middleware: [requireRole(roles)] as const,
    security: [{ cookie: [] }, { bearer: [] }],
    'x-roles': [...roles],
    responses: { ...problemResponses, ...config.responses },
  } as R & { middleware: [ReturnType<typeof requireRole>] });
}
