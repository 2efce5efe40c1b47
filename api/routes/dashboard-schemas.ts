import { z } from '@hono/zod-openapi';
import { deadlineBuckets } from '../services/dashboard/get-todays-work.js';
import { kpiNames } from '../services/dashboard/kpi-policies.js';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** The warehouse's IANA time zone: "today" and "tomorrow" are its calendar days. */
export const TimeZone = z
  .string()
  .max(64)
  .default('UTC')
  .refine(isTimeZone, { message: 'an IANA time zone such as Europe/Paris' });
export const WindowDays = z.coerce.number().int().min(1).max(366).default(7);

const Level = z.enum(['ok', 'warning', 'breach', 'no_threshold', 'no_data']);

export const ChannelKpis = z
  .object({
    channelId: z.string(),
    channelName: z.string(),
    channelType: z.string(),
    basis: z.enum(['marketplace', 'internal']),
    kpis: z.array(
      z.object({
        kpi: z.enum(kpiNames),
        windowDays: z.number().int(),
        numerator: z.number().int(),
        denominator: z.number().int(),
        rate: z.number().nullable(),
        threshold: z.number().nullable(),
        statedAs: z.enum(['max', 'min']),
        level: Level,
        source: z.string(),
      }),
    ),
  })
  .openapi('ChannelKpis');

export const KpiOrders = z
  .object({
    total: z.number().int(),
    orders: z.array(
      z.object({
        orderId: z.string(),
        externalId: z.string(),
        status: z.string(),
        placedAt: z.string(),
        shipBy: z.string().nullable(),
        shippedAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('KpiOrders');

const Bucket = z.enum(deadlineBuckets);
export const TodaysWork = z
  .object({
    timeZone: z.string(),
    totals: z.record(Bucket, z.number().int()),
    counts: z.array(
      z.object({
        channelId: z.string(),
        channelName: z.string(),
        status: z.string(),
        bucket: Bucket,
        orders: z.number().int(),
      }),
    ),
    atRisk: z.array(
      z.object({
        orderId: z.string(),
        externalId: z.string(),
        channelName: z.string(),
        status: z.string(),
        shipBy: z.string(),
        bucket: Bucket,
        units: z.number().int(),
      }),
    ),
  })
  .openapi('TodaysWork');

const PickerFigures = z.object({
  picks: z.number().int(),
  units: z.number().int(),
  wrongScans: z.number().int(),
  shortPicks: z.number().int(),
  shortUnits: z.number().int(),
  activeHours: z.number().int(),
  picksPerHour: z.number(),
  unitsPerHour: z.number(),
  accuracy: z.number().nullable(),
});
export const WarehouseStats = z
  .object({
    windowDays: z.number().int(),
    pickers: z.array(PickerFigures.extend({ userId: z.string().nullable(), name: z.string() })),
    totals: PickerFigures,
    importToShip: z.array(
      z.object({
        channelId: z.string(),
        channelName: z.string(),
        shipped: z.number().int(),
        averageHours: z.number(),
        medianHours: z.number(),
        p90Hours: z.number(),
      }),
    ),
  })
  .openapi('WarehouseStats');

const DayCount = z.object({ day: z.string(), orders: z.number().int() });
export const PeakPlanning = z
  .object({
    timeZone: z.string(),
    days: z.array(DayCount),
    recentAveragePerDay: z.number(),
    seasons: z.array(
      z.object({
        yearsAgo: z.number().int(),
        from: z.string(),
        to: z.string(),
        averagePerDay: z.number(),
        peakDay: DayCount.nullable(),
      }),
    ),
    coverage: z.array(
      z.object({
        productId: z.string(),
        sku: z.string(),
        name: z.string(),
        available: z.number().int(),
        recentDailyUnits: z.number(),
        seasonDailyUnits: z.number(),
        coverageDays: z.number().nullable(),
        seasonCoverageDays: z.number().nullable(),
      }),
    ),
  })
  .openapi('PeakPlanning');

export const Alert = z
  .object({
    id: z.string(),
    channelId: z.string(),
    channelName: z.string(),
    kpi: z.string(),
    windowDays: z.number().int(),
    level: z.enum(['warning', 'breach']),
    rate: z.number(),
    threshold: z.number(),
    numerator: z.number().int(),
    denominator: z.number().int(),
    openedAt: z.string(),
    lastSeenAt: z.string(),
    resolvedAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('KpiAlert');

export const EvaluateOutcome = z.object({
  opened: z.number().int(),
  escalated: z.number().int(),
  updated: z.number().int(),
  resolved: z.number().int(),
  queued: z.number().int(),
});

export const AlertSettings = z
  .object({
    webhookUrl: z.string().nullable(),
    isWebhookEnabled: z.boolean(),
    hasWebhookSecret: z.boolean(),
    nearRatio: z.number(),
  })
  .openapi('AlertSettings');

export const AlertSettingsInput = z.object({
  webhookUrl: z
    .string()
    .url()
    .max(2000)
    .refine((u) => /^https?:\/\//.test(u), { message: 'an http(s) URL' })
    .nullable()
    .default(null),
  /** Write-only; leave out to keep the saved one. */
  webhookSecret: z.string().min(16).max(200).optional(),
  isWebhookEnabled: z.boolean().default(false),
  nearRatio: z.number().min(0.1).max(1).default(0.8),
});
