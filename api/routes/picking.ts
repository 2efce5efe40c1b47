import { z } from '@hono/zod-openapi';
import { pickModes } from '../../db/schema/index.js';
import { securedRoute } from '../middleware/define-route.js';
import { router } from '../middleware/router.js';
import { assignTote } from '../services/picking/assign-tote.js';
import { confirmPick } from '../services/picking/confirm-pick.js';
import { createWave } from '../services/picking/create-wave.js';
import { getWave } from '../services/picking/get-wave.js';
import { listWaves } from '../services/picking/list-waves.js';
import { planWaves } from '../services/picking/plan-waves.js';
import { reportShort } from '../services/picking/report-short.js';
import { skipStep } from '../services/picking/skip-step.js';
import { sortUnit } from '../services/picking/sort-unit.js';
import { startWave } from '../services/picking/start-wave.js';
import { actorOf } from './actor.js';
import {
  Allocation,
  body,
  clientScanId,
  desk,
  json,
  Progress,
  problem,
  staff,
  viewers,
  Wave,
  WaveStep,
  waveParam,
} from './picking-schemas.js';

const list = securedRoute(viewers, {
  method: 'get',
  path: '/api/waves',
  summary: 'Waves waiting for a picker or under way',
  responses: { 200: json('Waves', z.array(Wave)) },
});

const create = securedRoute(desk, {
  method: 'post',
  path: '/api/waves',
  summary: 'Build a wave from chosen orders (their order is their slot on the cart)',
  request: body(
    z.object({
      orderIds: z.array(z.string().min(1)).min(1).max(500),
      name: z.string().min(1).max(100).optional(),
    }),
  ),
  responses: {
    201: json('Created', z.object({ waveId: z.string() })),
    409: problem('Already in a wave'),
    422: problem('Not pickable'),
  },
});

const plan = securedRoute(desk, {
  method: 'post',
  path: '/api/waves/plan',
  summary: 'Build waves automatically by ship-by, channel, service level, zone and cart capacity',
  request: body(
    z.object({
      shipByBefore: z.iso.datetime({ offset: true }).optional(),
      channelId: z.string().optional(),
      serviceLevel: z.string().optional(),
      zone: z.string().optional(),
      groupBy: z.array(z.enum(['channel', 'serviceLevel', 'zone'])).optional(),
      maxOrders: z.number().int().min(1).max(500).default(12),
      maxUnits: z.number().int().min(1).max(100_000).default(200),
      maxWaves: z.number().int().min(1).max(50).default(1),
    }),
  ),
  responses: { 201: json('Created', z.object({ waveIds: z.array(z.string()) })), 409: problem('Raced') },
});

const get = securedRoute(viewers, {
  method: 'get',
  path: '/api/waves/{id}',
  summary: 'The wave with its orders and every open step in walking order (cached on the handheld)',
  request: { params: waveParam },
  responses: {
    200: json(
      'Wave',
      z.object({
        wave: Wave,
        orders: z.array(
          z.object({
            orderId: z.string(),
            externalId: z.string(),
            slot: z.number().int(),
            toteCode: z.string().nullable(),
          }),
        ),
        steps: z.array(WaveStep),
      }),
    ),
    404: problem('No such wave'),
  },
});

const start = securedRoute(staff, {
  method: 'post',
  path: '/api/waves/{id}/start',
  summary: 'Take the wave and choose the pick mode',
  request: { params: waveParam, ...body(z.object({ mode: z.enum(pickModes) })) },
  responses: { 200: json('Started', Wave), 404: problem('No such wave'), 409: problem('Not open') },
});

const tote = securedRoute(staff, {
  method: 'post',
  path: '/api/waves/{id}/totes',
  summary: 'Cluster: a scanned tote goes to the next order of the cart without one',
  request: { params: waveParam, ...body(z.object({ toteCode: z.string().min(1).max(100) })) },
  responses: {
    200: json(
      'Assigned',
      z.object({
        orderId: z.string(),
        slot: z.number().int(),
        toteCode: z.string(),
        ordersWithoutTote: z.number().int(),
      }),
    ),
    404: problem('No such wave'),
    409: problem('Tote in use / not cluster'),
    422: problem('Not a tote'),
  },
});

const pickScan = securedRoute(staff, {
  method: 'post',
  path: '/api/waves/{id}/pick-scans',
  summary: 'Confirm a pick: bin scan, item scan (and in cluster mode the tote scan)',
  request: {
    params: waveParam,
    ...body(
      z.object({
        clientScanId,
        binCode: z.string().min(1).max(100),
        itemCode: z.string().min(1).max(200),
        toteCode: z.string().min(1).max(100).optional(),
        quantity: z.number().int().min(1).max(10_000).default(1),
      }),
    ),
  },
  responses: {
    200: json(
      'Picked',
      z.object({
        isReplay: z.boolean(),
        waveStatus: z.string(),
        allocations: z.array(Allocation),
        progress: Progress,
      }),
    ),
    404: problem('No such wave'),
    409: problem('Not picking / already rejected'),
    422: problem('Wrong scan: the problem says what was expected'),
  },
});

const stepBody = z.object({ clientScanId, stepKey: z.string().min(3).max(200) });

const short = securedRoute(staff, {
  method: 'post',
  path: '/api/waves/{id}/shorts',
  summary: 'Report a step short (bin empty or short) or damaged: reallocate or backorder, raise a count',
  request: { params: waveParam, ...body(stepBody.extend({ reason: z.enum(['short', 'damaged']) })) },
  responses: {
    200: json(
      'Reported',
      z.object({
        isReplay: z.boolean(),
        units: z.number().int(),
        reallocated: z.number().int(),
        backordered: z.number().int(),
        countId: z.string(),
        waveStatus: z.string(),
      }),
    ),
    404: problem('No such wave'),
    409: problem('Step not open'),
    422: problem('Bad step key'),
  },
});

const skip = securedRoute(staff, {
  method: 'post',
  path: '/api/waves/{id}/skips',
  summary: 'Skip a step and come back to it at the end of the walk',
  request: { params: waveParam, ...body(stepBody) },
  responses: {
    200: json('Skipped', z.object({ isReplay: z.boolean() })),
    404: problem('No such wave'),
    409: problem('Step not open'),
  },
});

const sortScan = securedRoute(staff, {
  method: 'post',
  path: '/api/waves/{id}/sort-scans',
  summary: 'Sort station after a batch walk: which order this unit belongs to',
  request: { params: waveParam, ...body(z.object({ clientScanId, itemCode: z.string().min(1).max(200) })) },
  responses: {
    200: json(
      'Sorted',
      z.object({
        isReplay: z.boolean(),
        orderId: z.string(),
        slot: z.number().int(),
        toteCode: z.string().nullable().optional(),
      }),
    ),
    404: problem('No such wave'),
    422: problem('Not a picked unit of this wave'),
  },
});

export const pickingRoutes = router()
  .openapi(list, async (c) => c.json(await listWaves(c.get('deps').db), 200))
  .openapi(create, async (c) => {
    const deps = c.get('deps');
    return c.json(await createWave(deps.db, actorOf(c), c.req.valid('json'), deps.clock.now()), 201);
  })
  .openapi(plan, async (c) => {
    const deps = c.get('deps');
    const b = c.req.valid('json');
    const criteria = { ...b, shipByBefore: b.shipByBefore ? new Date(b.shipByBefore) : undefined };
    return c.json(await planWaves(deps.db, actorOf(c), criteria, deps.clock.now()), 201);
  })
  .openapi(get, async (c) => c.json(await getWave(c.get('deps').db, c.req.valid('param').id), 200))
  .openapi(start, async (c) => {
    const deps = c.get('deps');
    return c.json(
      await startWave(
        deps.db,
        actorOf(c),
        c.req.valid('param').id,
        c.req.valid('json').mode,
        deps.clock.now(),
      ),
      200,
    );
  })
  .openapi(tote, async (c) => {
    const deps = c.get('deps');
    return c.json(
      await assignTote(
        deps.db,
        actorOf(c),
        c.req.valid('param').id,
        c.req.valid('json').toteCode,
        deps.clock.now(),
      ),
      200,
    );
  })
  .openapi(pickScan, async (c) => {
    const deps = c.get('deps');
    return c.json(
      await confirmPick(
        deps.db,
        actorOf(c),
        { waveId: c.req.valid('param').id, ...c.req.valid('json') },
        deps.clock.now(),
      ),
      200,
    );
  })
  .openapi(short, async (c) => {
    const deps = c.get('deps');
    return c.json(
      await reportShort(
        deps.db,
        actorOf(c),
        { waveId: c.req.valid('param').id, ...c.req.valid('json') },
        deps.clock.now(),
      ),
      200,
    );
  })
  .openapi(skip, async (c) => {
    const deps = c.get('deps');
    return c.json(
      await skipStep(
        deps.db,
        actorOf(c),
        { waveId: c.req.valid('param').id, ...c.req.valid('json') },
        deps.clock.now(),
      ),
      200,
    );
  })
  .openapi(sortScan, async (c) => {
    const deps = c.get('deps');
    return c.json(
      await sortUnit(
        deps.db,
        actorOf(c),
        { waveId: c.req.valid('param').id, ...c.req.valid('json') },
        deps.clock.now(),
      ),
      200,
    );
  });
