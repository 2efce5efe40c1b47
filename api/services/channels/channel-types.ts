import { z } from 'zod';
import { AppError } from '../../errors.js';

const pullInterval = (min: number) => z.number().int().min(min).max(3600);

/**
 * What each channel type takes: its credentials (sealed, never returned) and its settings. Creating a
 * channel checks the whole of both; an edit checks the fields it sends against the same rules, so an edit
 * cannot do what a creation may not (an http:// store address for a secret sent with every request).
 */
export const channelTypes = {
  mirakl: {
    credentials: z.object({ apiKey: z.string().min(1) }),
    settings: z.object({
      baseUrl: z.url(),
      shopId: z.string().optional(),
      pullIntervalSeconds: pullInterval(5).optional(),
    }),
  },
  shopify: {
    // accessToken: Admin API token; apiSecret: the app's client secret, which signs webhooks.
    credentials: z.object({ accessToken: z.string().min(1), apiSecret: z.string().min(1) }),
    settings: z.object({
      baseUrl: z.url({ protocol: /^https$/ }),
      locationId: z.string().startsWith('gid://shopify/Location/').optional(),
      pullIntervalSeconds: pullInterval(5).optional(),
    }),
  },
  amazon: {
    // Login with Amazon app credentials and the seller's refresh token.
    credentials: z.object({
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
      refreshToken: z.string().startsWith('Atzr|'),
    }),
    settings: z.object({
      endpoint: z.url({ protocol: /^https$/ }),
      sellerId: z.string().min(1),
      marketplaceId: z.string().regex(/^[A-Z0-9]{10,14}$/),
      pullIntervalSeconds: pullInterval(60).optional(),
    }),
  },
  ebay: {
    credentials: z.object({
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
      refreshToken: z.string().min(1),
    }),
    settings: z.object({
      apiBase: z.url({ protocol: /^https$/ }).optional(),
      pullIntervalSeconds: pullInterval(5).optional(),
    }),
  },
  woocommerce: {
    credentials: z.object({ consumerKey: z.string().min(1), consumerSecret: z.string().min(1) }),
    settings: z.object({
      // Basic auth sends the secret with every request: HTTPS only.
      baseUrl: z.url({ protocol: /^https$/ }),
      pullIntervalSeconds: pullInterval(5).optional(),
      requestsPerSecond: z.number().positive().max(100).optional(),
    }),
  },
  cdiscount: {
    // Octopia API credentials (client credentials flow) from the seller's API credentials page.
    credentials: z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) }),
    settings: z.object({
      sellerId: z.string().regex(/^\d+$/),
      salesChannelId: z.string().min(1).optional(),
      apiBase: z.url({ protocol: /^https$/ }).optional(),
      authBase: z.url({ protocol: /^https$/ }).optional(),
      pullIntervalSeconds: pullInterval(60).optional(),
    }),
  },
} as const;

export type ChannelTypeName = keyof typeof channelTypes;

function typeOf(type: string) {
  return Object.hasOwn(channelTypes, type) ? channelTypes[type as ChannelTypeName] : null;
}

export type SettingKind = 'text' | 'url' | 'number' | 'boolean';

/** The credential fields a channel of this type takes (none for the desk's own manual channel). */
export function credentialFieldsOf(type: string): string[] {
  return Object.keys(typeOf(type)?.credentials.shape ?? {});
}

/** The settings a channel of this type takes, with the kind of input each needs. */
export function settingFieldsOf(type: string): { key: string; kind: SettingKind; isRequired: boolean }[] {
  const shape: Record<string, z.ZodType> = typeOf(type)?.settings.shape ?? {};
  return Object.entries(shape).map(([key, schema]) => {
    const isRequired = !(schema instanceof z.ZodOptional);
    const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
    const kind: SettingKind =
      inner instanceof z.ZodNumber
        ? 'number'
        : inner instanceof z.ZodBoolean
          ? 'boolean'
          : inner instanceof z.ZodURL
            ? 'url'
            : 'text';
    return { key, kind, isRequired };
  });
}

/**
 * Checks an edit's credentials and settings against the channel's type. Credentials must be fields the
 * type takes; a known setting must pass its rule, and an optional one may be cleared with null. Settings
 * the type does not list (stock push, KPI thresholds…) are kept as sent.
 */
export function checkChannelEdit(
  type: string,
  input: {
    credentials?: Record<string, unknown> | undefined;
    settings?: Record<string, unknown> | undefined;
  },
) {
  const known = typeOf(type);
  const errors: { path: string; message: string }[] = [];
  if (input.credentials) {
    const schema = known?.credentials.partial().strict() ?? z.object({}).strict();
    const checked = schema.safeParse(input.credentials);
    if (!checked.success)
      for (const issue of checked.error.issues)
        errors.push({
          path: ['credentials', ...issue.path, ...('keys' in issue ? [issue.keys.join(', ')] : [])].join('.'),
          message: issue.message,
        });
  }
  if (input.settings && known) {
    const shape: Record<string, z.ZodType> = known.settings.shape;
    for (const [key, value] of Object.entries(input.settings)) {
      const rule = shape[key];
      if (!rule) continue;
      if (value === null && rule instanceof z.ZodOptional) continue;
      const checked = rule.safeParse(value);
      if (!checked.success)
        errors.push({ path: `settings.${key}`, message: checked.error.issues[0]?.message ?? 'Invalid' });
    }
  }
  if (errors.length > 0)
    throw new AppError(
      'validation_failed',
      400,
      `Invalid request: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      { errors },
    );
}
