/**
 * The KPIs each marketplace judges sellers by, over the rolling windows it uses, with its threshold, as
 * data. Every KPI is kept as a defect rate (late, cancelled, without valid tracking, delivered late,
 * returned) with the most the marketplace allows, so "near a threshold" means the same for all of them.
 * A marketplace that states a minimum (valid tracking > 95%) is stored as its complement (defects < 5%).
 */
export const kpiNames = [
  'late_shipment',
  'cancellation',
  'valid_tracking',
  'on_time_delivery',
  'return_rate',
] as const;
export type KpiName = (typeof kpiNames)[number];

export interface KpiPolicy {
  kpi: KpiName;
  windowDays: number;
  /** Most defects allowed, as a fraction (0.04: under 4%); null: shown, but no marketplace threshold. */
  maxDefectRate: number | null;
  /** How the marketplace states it: `max` (late < 4%) or `min` (valid tracking > 95%, shown as 0.95). */
  statedAs: 'max' | 'min';
  source: string;
}

export interface ChannelPolicy {
  /** Who sets the figures: the marketplace's published rule, or our own target where it publishes none. */
  basis: 'marketplace' | 'internal';
  kpis: KpiPolicy[];
  /** Days after ship-by within which a parcel counts as delivered on time, where no promise is stored. */
  deliveryPromiseDays: number;
}

const amazonHelp = 'sellercentral.amazon.com/gp/help/external';

// Amazon Seller Central help: late shipment rate over 10 and 30 days, target under 4% (help 202152050 and
// the account health page); cancellation rate over 7 days, under 2.5% (help 200285210); valid tracking
// rate over 30 days, target 95% (help 201817070); on-time delivery target 90% (Shipping Performance
// report). Return rate has no Amazon threshold of its own: shown for the seller's information.
const amazon: ChannelPolicy = {
  basis: 'marketplace',
  deliveryPromiseDays: 3,
  kpis: [
    {
      kpi: 'late_shipment',
      windowDays: 10,
      maxDefectRate: 0.04,
      statedAs: 'max',
      source: `${amazonHelp}/202152050`,
    },
    {
      kpi: 'late_shipment',
      windowDays: 30,
      maxDefectRate: 0.04,
      statedAs: 'max',
      source: `${amazonHelp}/202152050`,
    },
    {
      kpi: 'cancellation',
      windowDays: 7,
      maxDefectRate: 0.025,
      statedAs: 'max',
      source: `${amazonHelp}/200285210`,
    },
    {
      kpi: 'valid_tracking',
      windowDays: 30,
      maxDefectRate: 0.05,
      statedAs: 'min',
      source: `${amazonHelp}/201817070`,
    },
    {
      kpi: 'on_time_delivery',
      windowDays: 30,
      maxDefectRate: 0.1,
      statedAs: 'min',
      source: 'Amazon Shipping Performance report (on-time delivery > 90%)',
    },
    { kpi: 'return_rate', windowDays: 30, maxDefectRate: null, statedAs: 'max', source: '—' },
  ],
};

// eBay seller performance policy (Global program): evaluated over the last 3 months for sellers with 400+
// transactions; transaction defect rate (seller cancellations count as defects) at most 2%; late shipment
// rate at most 10% (ebay.com.au/help/policies/selling-policies/seller-performance-policy, sellercentre
// .ebay.com.au "how we measure seller standards"). eBay publishes no tracking or return threshold.
const ebay: ChannelPolicy = {
  basis: 'marketplace',
  deliveryPromiseDays: 4,
  kpis: [
    {
      kpi: 'late_shipment',
      windowDays: 90,
      maxDefectRate: 0.1,
      statedAs: 'max',
      source: 'eBay seller performance policy (late shipment ≤ 10%)',
    },
    {
      kpi: 'cancellation',
      windowDays: 90,
      maxDefectRate: 0.02,
      statedAs: 'max',
      source: 'eBay seller performance policy (defect rate ≤ 2%)',
    },
    { kpi: 'valid_tracking', windowDays: 90, maxDefectRate: null, statedAs: 'min', source: '—' },
    { kpi: 'on_time_delivery', windowDays: 90, maxDefectRate: null, statedAs: 'min', source: '—' },
    { kpi: 'return_rate', windowDays: 90, maxDefectRate: null, statedAs: 'max', source: '—' },
  ],
};

// Mirakl: each operator sets its own Mirakl Quality Control limits, mostly as 30-day averages. These are
// one operator's published limits (PcComponentes, marketplacehelp.pccomponentes.com "Automated quality
// criteria"): late shipment from 10%, tracking rate below 90%, acceptance rate below 96% (refusals and
// cancellations before shipping over 4%). Override per channel with settings.kpiThresholds.
const mirakl: ChannelPolicy = {
  basis: 'marketplace',
  deliveryPromiseDays: 3,
  kpis: [
    {
      kpi: 'late_shipment',
      windowDays: 30,
      maxDefectRate: 0.1,
      statedAs: 'max',
      source: 'Mirakl Quality Control (operator limit, e.g. 10%)',
    },
    {
      kpi: 'cancellation',
      windowDays: 30,
      maxDefectRate: 0.04,
      statedAs: 'max',
      source: 'Mirakl Quality Control (acceptance rate ≥ 96%)',
    },
    {
      kpi: 'valid_tracking',
      windowDays: 30,
      maxDefectRate: 0.1,
      statedAs: 'min',
      source: 'Mirakl Quality Control (tracking rate ≥ 90%)',
    },
    { kpi: 'on_time_delivery', windowDays: 30, maxDefectRate: null, statedAs: 'min', source: '—' },
    { kpi: 'return_rate', windowDays: 30, maxDefectRate: null, statedAs: 'max', source: '—' },
  ],
};

// Shops (Shopify, WooCommerce), manual orders and channels without published limits: our own targets,
// set at Amazon's level because that is the strictest a multichannel seller usually meets.
const internal: ChannelPolicy = {
  basis: 'internal',
  deliveryPromiseDays: 3,
  kpis: [
    { kpi: 'late_shipment', windowDays: 30, maxDefectRate: 0.04, statedAs: 'max', source: 'internal target' },
    { kpi: 'cancellation', windowDays: 30, maxDefectRate: 0.025, statedAs: 'max', source: 'internal target' },
    {
      kpi: 'valid_tracking',
      windowDays: 30,
      maxDefectRate: 0.05,
      statedAs: 'min',
      source: 'internal target',
    },
    { kpi: 'on_time_delivery', windowDays: 30, maxDefectRate: null, statedAs: 'min', source: '—' },
    { kpi: 'return_rate', windowDays: 30, maxDefectRate: null, statedAs: 'max', source: '—' },
  ],
};

const byType: Record<string, ChannelPolicy> = { amazon, ebay, mirakl };

/**
 * The policy for a channel: its marketplace's, with any per-channel override from the channel settings
 * (`kpiThresholds: { "late_shipment:30": 0.05 }`, `deliveryPromiseDays`), since Mirakl operators differ.
 */
export function policyFor(type: string, settings: Record<string, unknown> = {}): ChannelPolicy {
  const base = byType[type] ?? internal;
  const overrides = (settings.kpiThresholds ?? {}) as Record<string, unknown>;
  const promise = Number(settings.deliveryPromiseDays);
  return {
    basis: base.basis,
    deliveryPromiseDays: Number.isFinite(promise) && promise > 0 ? promise : base.deliveryPromiseDays,
    kpis: base.kpis.map((k) => {
      const override = overrides[`${k.kpi}:${k.windowDays}`];
      return typeof override === 'number' && override >= 0 && override <= 1
        ? { ...k, maxDefectRate: override, source: 'channel setting' }
        : k;
    }),
  };
}

/** Every window any policy asks for, per KPI: the queries compute each once for all channels. */
export function windowsOf(policies: ChannelPolicy[], kpi: KpiName): number[] {
  return [...new Set(policies.flatMap((p) => p.kpis.filter((k) => k.kpi === kpi).map((k) => k.windowDays)))];
}
