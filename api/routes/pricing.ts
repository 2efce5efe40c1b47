import { z } from '@hono/zod-openapi';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { previewOffer } from '../services/catalog/preview-offer.js';
import { feedFormats, loadChannelSettings, offerFields } from '../services/pricing/channel-settings.js';
import { saveChannelSettings } from '../services/pricing/save-channel-settings.js';
import { actorOf } from './actor.js';
import { PriceBreakdownSchema } from './products.js';

const Minor = z.number().int().min(0).max(100_000_000);
const Bps = z.number().int().min(0).max(10_000);

const PriceRuleSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  adjustBps: z.number().int().min(-9_000).max(100_000),
  commissionBps: Bps,
  isCommissionOnShipping: z.boolean(),
  minCommissionPerItem: Minor,
  fixedFeePerItem: Minor,
  fixedFeePerOrder: Minor,
  categoryOverrides: z
    .array(
      z.object({
        category: z.string().trim().toLowerCase().min(1).max(300),
        commissionBps: Bps.optional(),
        fixedFeePerItem: Minor.optional(),
        minCommissionPerItem: Minor.optional(),
      }),
    )
    .max(500),
  shippingMode: z.enum(['none', 'fixed', 'percent']),
  shippingAmount: Minor,
  shippingBps: Bps,
  shippingCost: Minor,
  rounding: z.enum(['none', 'x.90', 'x.99']),
  vatBps: z.number().int().min(0).max(10_000),
  minMarginBps: z.number().int().min(0).max(100_000).nullable(),
  publicPriceMaxBelowBps: Bps.nullable(),
  isPublicPriceCeiling: z.boolean(),
});

const QualitySchema = z.object({
  minImages: z.number().int().min(0).max(50),
  maxTitleLength: z.number().int().min(10).max(2000),
  isEanRequired: z.boolean(),
  requiredAttributes: z
    .array(
      z.object({
        category: z.string().trim().toLowerCase().min(1).max(300),
        attributes: z.array(z.string().trim().min(1).max(60)).max(50),
      }),
    )
    .max(200),
});

const FeedSchema = z.object({
  format: z.enum(feedFormats),
  intervalMinutes: z.number().int().min(0).max(10_080),
  template: z.object({
    fileType: z.enum(['csv', 'xlsx']),
    columns: z
      .array(z.object({ header: z.string().trim().min(1).max(100), field: z.enum(offerFields) }))
      .min(1)
      .max(50),
  }),
  amazonSellerId: z.string().max(50),
  amazonProductType: z.string().max(100),
  amazonMarketplaceId: z.string().max(50),
  miraklLogisticClass: z.string().max(50),
});

const Settings = z.object({ rule: PriceRuleSchema, quality: QualitySchema, feed: FeedSchema });
const ChannelSettingsSchema = Settings.extend({
  channelId: z.string(),
  channelName: z.string(),
  channelType: z.string(),
  isEnabled: z.boolean(),
  isSaved: z.boolean(),
}).openapi('ChannelPricing');

const list = securedRoute(['admin', 'desk'], {
  method: 'get',
  path: '/api/pricing/channels',
  summary: 'Every channel with its price rule, catalogue quality rules and feed settings',
  responses: {
    200: {
      description: 'Channels',
      content: { 'application/json': { schema: z.array(ChannelSettingsSchema) } },
    },
  },
});

const save = securedRoute(['admin'], {
  method: 'put',
  path: '/api/pricing/channels/{channelId}',
  summary: "Save a channel's price rule, quality rules and feed settings; queues a feed run",
  request: {
    params: z.object({ channelId: z.string().min(1).max(64) }),
    body: { content: { 'application/json': { schema: Settings } } },
  },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: ChannelSettingsSchema } } },
    404: {
      description: 'No such channel',
      content: { 'application/problem+json': { schema: Problem } },
    },
  },
});

const preview = securedRoute(['admin', 'desk'], {
  method: 'post',
  path: '/api/pricing/channels/{channelId}/preview',
  summary: 'Price and check one catalogue product (sku, else the first) with rules not saved yet',
  request: {
    params: z.object({ channelId: z.string().min(1).max(64) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            rule: PriceRuleSchema,
            quality: QualitySchema,
            sku: z.string().trim().min(1).max(100).optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'What saving these rules would give on that product',
      content: {
        'application/json': {
          schema: z.object({
            sku: z.string(),
            name: z.string(),
            price: PriceBreakdownSchema,
            isPublishable: z.boolean(),
            reasons: z.array(z.object({ code: z.string(), message: z.string() })),
          }),
        },
      },
    },
    404: {
      description: 'No such channel or product',
      content: { 'application/problem+json': { schema: Problem } },
    },
  },
});

export const pricingRoutes = router()
  .openapi(list, async (c) => c.json(await loadChannelSettings(c.get('deps').db), 200))
  .openapi(save, async (c) => {
    const deps = c.get('deps');
    return c.json(
      await saveChannelSettings(
        deps,
        c.req.valid('param').channelId,
        c.req.valid('json'),
        actorOf(c),
        deps.clock.now(),
      ),
      200,
    );
  })
  .openapi(preview, async (c) => {
    const { rule, quality, sku } = c.req.valid('json');
    const offer = await previewOffer(
      c.get('deps').db,
      c.req.valid('param').channelId,
      { rule, quality },
      sku,
    );
    return c.json(
      {
        sku: offer.product.sku,
        name: offer.product.name,
        price: offer.price,
        isPublishable: offer.isPublishable,
        reasons: offer.reasons,
      },
      200,
    );
  });
