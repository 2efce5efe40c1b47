import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { router } from '../middleware/router.js';
import { collectDatabaseMetrics } from '../services/metrics/collect-database-metrics.js';

const metrics = securedRoute(['admin'], {
  method: 'get',
  path: '/metrics',
  summary: 'Prometheus metrics (scrape with an admin API token as bearer)',
  responses: {
    200: { description: 'Prometheus text format', content: { 'text/plain': { schema: z.string() } } },
  },
});

export const metricsRoutes = router().openapi(metrics, async (c) => {
  const deps = c.get('deps');
  const body = deps.metrics.render() + (await collectDatabaseMetrics(deps.db));
  return c.text(body, 200, { 'content-type': 'text/plain; version=0.0.4' });
});
