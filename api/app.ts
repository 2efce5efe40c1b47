import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { swaggerUI } from '@hono/swagger-ui';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { identify } from './middleware/auth.js';
import { problem } from './middleware/problem.js';
import { router } from './middleware/router.js';
import { authRoutes } from './routes/auth.js';
import { channelAdminRoutes } from './routes/channel-admin.js';
import { channelRoutes } from './routes/channels.js';
import { countRoutes } from './routes/counts.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { deskRoutes } from './routes/desk.js';
import { feedRoutes } from './routes/feeds.js';
import { fulfilmentRoutes } from './routes/fulfilment.js';
import { healthRoutes } from './routes/health.js';
import { manualOrderRoutes } from './routes/manual-orders.js';
import { metricsRoutes } from './routes/metrics.js';
import { orderRoutes } from './routes/orders.js';
import { packingRoutes } from './routes/packing.js';
import { pickingRoutes } from './routes/picking.js';
import { pricingRoutes } from './routes/pricing.js';
import { productRoutes } from './routes/products.js';
import { receivingRoutes } from './routes/receiving.js';
import { returnRoutes } from './routes/returns.js';
import { shippingRuleRoutes } from './routes/shipping-rules.js';
import { stockRoutes } from './routes/stock.js';
import { webhookRoutes } from './routes/webhooks.js';

export interface AppOptions {
  /** Folder of the built web app; served at `/` when present. */
  webRoot?: string;
}

const httpProblemCodes: Record<number, string> = {
  413: 'body_too_large',
  415: 'unsupported_media_type',
};

/**
 * The one app factory. Handlers read their dependencies from the context, so tests hand in a PGlite
 * database, a fixed clock and fake channels without touching module state.
 */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = router();
  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || randomUUID();
    c.set('requestId', requestId);
    c.set('deps', deps);
    c.set('logger', deps.logger.child({ requestId }));
    c.header('x-request-id', requestId);
    const started = performance.now();
    await next();
    // Method, route and status only: paths carry ids, never buyer data, and bodies are never logged.
    deps.metrics.observeRequest(
      c.req.routePath,
      c.req.method,
      c.res.status,
      (performance.now() - started) / 1000,
    );
    c.get('logger').info('request', {
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false, contentSecurityPolicy: undefined }));
  app.use('/api/*', identify);
  app.use('/metrics', identify);

  app.onError((err, c) => {
    if (err instanceof AppError) return problem(c, err.status, err.code, err.message, err.details);
    // The framework's own refusals (a body of an undeclared media type: 415) are the client's mistake too.
    if (err instanceof HTTPException && err.status < 500)
      return problem(c, err.status, httpProblemCodes[err.status] ?? 'bad_request', err.message);
    c.get('logger')?.error('unhandled error', { err });
    return problem(
      c,
      500,
      'internal_error',
      'Something went wrong on our side; the request id identifies it in the logs.',
    );
  });

  const routes = app
    .route('/', healthRoutes)
    .route('/', metricsRoutes)
    .route('/', authRoutes)
    .route('/', orderRoutes)
    .route('/', channelAdminRoutes)
    .route('/', channelRoutes)
    .route('/', fulfilmentRoutes)
    .route('/', pickingRoutes)
    .route('/', packingRoutes)
    .route('/', webhookRoutes)
    .route('/', stockRoutes)
    .route('/', receivingRoutes)
    .route('/', countRoutes)
    .route('/', returnRoutes)
    .route('/', manualOrderRoutes)
    .route('/', deskRoutes)
    .route('/', shippingRuleRoutes)
    .route('/', dashboardRoutes)
    .route('/', productRoutes)
    .route('/', pricingRoutes)
    .route('/', feedRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'sd_session',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Shipdesk API',
      version: '0.1.0',
      description: 'Orders, picking, packing, shipping and channel sync.',
    },
  });
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json' }));
  app.all('/api/*', (c) => problem(c, 404, 'route_not_found', `No route ${c.req.method} ${c.req.path}.`));

  const webRoot = options.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
    app.use('/*', serveStatic({ root: webRoot }));
    // Client-side routes (/orders/ord_…) get the app shell.
    app.get('*', (c) => c.html(indexHtml));
  }
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
