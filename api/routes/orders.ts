import { z } from '@hono/zod-openapi';
import { orderStatuses } from '../../db/schema/index.js';
import { allRoles, securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { getOrder } from '../services/orders/get-order.js';
import { listOrders } from '../services/orders/list-orders.js';
import { OrderDetail } from './order-schemas.js';

const OrderSummary = z
  .object({
    id: z.string(),
    channelId: z.string(),
    channelName: z.string(),
    externalId: z.string(),
    status: z.enum(orderStatuses),
    channelStatus: z.string(),
    shipBy: z.string().nullable(),
    placedAt: z.string(),
    buyerName: z.string(),
    totalMinor: z.number().int(),
    currency: z.string(),
    serviceLevel: z.string().nullable(),
    units: z.number().int(),
    hasBackorder: z.boolean(),
  })
  .openapi('OrderSummary');

const list = securedRoute(allRoles, {
  method: 'get',
  path: '/api/orders',
  summary: 'The order queue, earliest ship-by first',
  request: {
    query: z.object({
      channelId: z.string().optional(),
      status: z
        .string()
        .optional()
        .openapi({ description: 'Comma-separated statuses', example: 'ready,picking' })
        .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
        .pipe(z.array(z.enum(orderStatuses)).optional()),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: {
    200: {
      description: 'Orders',
      content: {
        'application/json': { schema: z.object({ total: z.number().int(), items: z.array(OrderSummary) }) },
      },
    },
  },
});

const detail = securedRoute(allRoles, {
  method: 'get',
  path: '/api/orders/{id}',
  summary: 'One order with lines, shipments and its event timeline',
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: {
    200: {
      description: 'The order',
      content: {
        'application/json': { schema: OrderDetail },
      },
    },
    404: { description: 'No such order', content: { 'application/problem+json': { schema: Problem } } },
  },
});

export const orderRoutes = router()
  .openapi(list, async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await listOrders(c.get('deps').db, {
        channelId: q.channelId,
        statuses: q.status,
        limit: q.limit,
        offset: q.offset,
      }),
      200,
    );
  })
  .openapi(detail, async (c) => c.json(await getOrder(c.get('deps').db, c.req.valid('param').id), 200));
