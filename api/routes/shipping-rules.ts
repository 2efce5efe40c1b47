import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import {
  applyShippingRules,
  applyShippingRulesToUndecided,
} from '../services/shipping-rules/apply-shipping-rules.js';
import { createShippingRule } from '../services/shipping-rules/create-shipping-rule.js';
import { deleteShippingRule } from '../services/shipping-rules/delete-shipping-rule.js';
import { listRuleOptions } from '../services/shipping-rules/list-rule-options.js';
import { listShippingRules, presentRule } from '../services/shipping-rules/list-shipping-rules.js';
import { overrideShippingChoice } from '../services/shipping-rules/override-shipping-choice.js';
import { testShippingRule } from '../services/shipping-rules/test-shipping-rule.js';
import { updateShippingRule } from '../services/shipping-rules/update-shipping-rule.js';
import { actorOf } from './actor.js';

const editors = ['admin', 'desk'] as const;
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});
const codes = z.array(z.string().trim().min(1).max(60)).max(200);

export const RuleConditions = z
  .object({
    channelIds: codes.optional(),
    serviceLevels: codes.optional(),
    countries: z.array(z.string().trim().length(2).toUpperCase()).max(250).optional(),
    postcodes: z
      .array(
        z
          .string()
          .trim()
          .regex(
            /^[0-9A-Za-z ]+\*?$|^[0-9A-Za-z]+-[0-9A-Za-z]+$/,
            'a code, a prefix like 20*, or a range like 97100-97699',
          ),
      )
      .max(500)
      .optional(),
    relayPoint: z.enum(['required', 'excluded']).optional(),
    minWeightGrams: z.number().int().min(0).max(10_000_000).optional(),
    maxWeightGrams: z.number().int().min(0).max(10_000_000).optional(),
    minValueMinor: z.number().int().min(0).optional(),
    maxValueMinor: z.number().int().min(0).optional(),
    skus: codes.optional(),
  })
  .openapi('ShippingRuleConditions');

const RuleInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    isEnabled: z.boolean().optional(),
    conditions: RuleConditions,
    carrierAccountId: z.string().min(1).nullable().openapi({ description: 'null: self-issued labels' }),
    serviceCode: z.string().trim().min(1).max(100),
    packaging: z.string().trim().min(1).max(60).nullable().optional(),
    position: z.number().int().min(1).optional(),
  })
  .openapi('ShippingRuleInput');

const Rule = z
  .object({
    id: z.string(),
    name: z.string(),
    position: z.number().int(),
    isEnabled: z.boolean(),
    conditions: RuleConditions,
    carrierAccountId: z.string().nullable(),
    serviceCode: z.string(),
    packaging: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('ShippingRule');

const Facts = z.object({
  channelId: z.string().nullable(),
  serviceLevel: z.string().nullable(),
  countryCode: z.string().length(2).toUpperCase(),
  postalCode: z.string().trim().min(1).max(20),
  hasRelayPoint: z.boolean(),
  weightGrams: z.number().int().min(0),
  valueMinor: z.number().int().min(0),
  skus: z.array(z.string()).max(200),
});

const Decision = z.object({
  source: z.enum(['rule', 'default', 'override']),
  ruleId: z.string().nullable(),
  ruleName: z.string().nullable(),
  carrierAccountId: z.string().nullable(),
  serviceCode: z.string(),
  packaging: z.string().nullable(),
  reason: z.string().nullable(),
});

const idParam = z.object({ id: z.string().min(1) });

const list = securedRoute(editors, {
  method: 'get',
  path: '/api/shipping-rules',
  summary: 'Shipping rules in the order they are tried, with what the editor lists offer',
  responses: {
    200: {
      description: 'Rules',
      content: {
        'application/json': {
          schema: z.object({
            rules: z.array(Rule),
            options: z.object({
              channels: z.array(z.object({ id: z.string(), name: z.string() })),
              carrierAccounts: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
              selfIssued: z.object({ name: z.string(), serviceCode: z.string() }),
              services: z.array(z.object({ carrier: z.string(), service: z.string(), name: z.string() })),
            }),
          }),
        },
      },
    },
  },
});

const create = securedRoute(editors, {
  method: 'post',
  path: '/api/shipping-rules',
  summary: 'Add a rule (last unless a position is given)',
  request: { body: { content: { 'application/json': { schema: RuleInput } } } },
  responses: {
    201: {
      description: 'Created',
      content: { 'application/json': { schema: z.object({ id: z.string() }) } },
    },
    404: problem('Unknown carrier account'),
  },
});

const update = securedRoute(editors, {
  method: 'put',
  path: '/api/shipping-rules/{id}',
  summary: 'Replace a rule; a new position moves it',
  request: { params: idParam, body: { content: { 'application/json': { schema: RuleInput } } } },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: z.object({ id: z.string() }) } } },
    404: problem('No such rule or carrier account'),
  },
});

const remove = securedRoute(editors, {
  method: 'delete',
  path: '/api/shipping-rules/{id}',
  summary: 'Delete a rule (orders it decided keep its name)',
  request: { params: idParam },
  responses: {
    200: {
      description: 'Deleted',
      content: { 'application/json': { schema: z.object({ id: z.string() }) } },
    },
    404: problem('No such rule'),
  },
});

const dryRun = securedRoute(editors, {
  method: 'post',
  path: '/api/shipping-rules/test',
  summary: 'Try a rule (saved or draft) on a sample order, saving nothing',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            rule: RuleInput.extend({ id: z.string().optional() }),
            sample: z.union([z.object({ orderId: z.string().min(1) }), z.object({ facts: Facts })]),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'What the rule and the whole list would do',
      content: {
        'application/json': {
          schema: z.object({
            facts: Facts,
            isMatch: z.boolean(),
            checks: z.array(z.object({ condition: z.string(), isMet: z.boolean(), actual: z.string() })),
            winner: z.object({
              ruleId: z.string().nullable(),
              ruleName: z.string().nullable(),
              isDraft: z.boolean(),
              carrierAccountId: z.string().nullable(),
              serviceCode: z.string(),
              packaging: z.string().nullable(),
            }),
          }),
        },
      },
    },
    404: problem('No such order'),
  },
});

const applyOpen = securedRoute(editors, {
  method: 'post',
  path: '/api/shipping-rules/apply',
  summary: 'Run the rules on open orders nobody decided yet (all, or the ones listed)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ orderIds: z.array(z.string().min(1)).max(1000).optional() }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Decided',
      content: { 'application/json': { schema: z.object({ decided: z.number().int() }) } },
    },
  },
});

const applyOne = securedRoute(editors, {
  method: 'post',
  path: '/api/orders/{id}/shipping-rules/apply',
  summary: 'Run the rules again on one order (replaces an override)',
  request: { params: idParam },
  responses: {
    200: { description: 'Decision', content: { 'application/json': { schema: Decision } } },
    404: problem('No such order'),
  },
});

const override = securedRoute(editors, {
  method: 'put',
  path: '/api/orders/{id}/shipping-choice',
  summary: 'Override the carrier, service and packaging the rules chose, with the reason',
  request: {
    params: idParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({
            carrierAccountId: z.string().min(1).nullable(),
            serviceCode: z.string().trim().min(1).max(100),
            packaging: z.string().trim().min(1).max(60).nullable().optional(),
            reason: z.string().trim().min(1).max(500),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'Decision', content: { 'application/json': { schema: Decision } } },
    404: problem('No such order or carrier account'),
    409: problem('Order shipped or cancelled'),
  },
});

export const shippingRuleRoutes = router()
  .openapi(list, async (c) => {
    const { db } = c.get('deps');
    const [rules, options] = [await listShippingRules(db), await listRuleOptions(db)];
    return c.json({ rules: rules.map(presentRule), options }, 200);
  })
  .openapi(create, async (c) => {
    const deps = c.get('deps');
    return c.json(await createShippingRule(deps.db, actorOf(c), c.req.valid('json'), deps.clock.now()), 201);
  })
  .openapi(update, async (c) => {
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    await updateShippingRule(deps.db, actorOf(c), id, c.req.valid('json'), deps.clock.now());
    return c.json({ id }, 200);
  })
  .openapi(remove, async (c) => {
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    await deleteShippingRule(deps.db, actorOf(c), id, deps.clock.now());
    return c.json({ id }, 200);
  })
  .openapi(dryRun, async (c) => c.json(await testShippingRule(c.get('deps').db, c.req.valid('json')), 200))
  .openapi(applyOpen, async (c) => {
    const deps = c.get('deps');
    const decided = await applyShippingRulesToUndecided(
      deps.db,
      deps.clock.now(),
      c.req.valid('json').orderIds,
    );
    return c.json({ decided }, 200);
  })
  .openapi(applyOne, async (c) => {
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    const decision = await deps.db.transaction((tx) =>
      applyShippingRules(tx, actorOf(c), id, deps.clock.now()),
    );
    return c.json(decision, 200);
  })
  .openapi(override, async (c) => {
    const deps = c.get('deps');
    return c.json(
      await overrideShippingChoice(
        deps.db,
        actorOf(c),
        { orderId: c.req.valid('param').id, ...c.req.valid('json') },
        deps.clock.now(),
      ),
      200,
    );
  });
