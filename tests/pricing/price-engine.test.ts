import { describe, expect, it } from 'vitest';
import { computePrice } from '../../api/services/pricing/compute-price.js';
import {
  type BrokenRuleCode,
  defaultPriceRule,
  type PricedProduct,
  type PriceRule,
} from '../../api/services/pricing/price-rule.js';

/**
 * The price engine over commission schemes met on real marketplaces. Every expected figure is worked
 * out by hand in the comment beside it (amounts in cents, rates in basis points: 1 500 = 15 %;
 * "→" marks a half-up rounding).
 */
const rule = (r: Partial<PriceRule>): PriceRule => ({ ...defaultPriceRule, ...r });
const product = (p: Partial<PricedProduct> & { basePrice: number }): PricedProduct => ({
  cost: null,
  publicPrice: null,
  category: null,
  ...p,
});

interface Expected {
  francoPrice?: number;
  itemPrice?: number;
  shippingPrice?: number;
  totalPrice?: number;
  commission?: number;
  percent?: number;
  rateBps?: number;
  category?: string | null;
  revenueExVat?: number;
  margin?: number | null;
  marginBps?: number | null;
  broken: BrokenRuleCode[];
  limits?: (number | null)[];
}

const cases: { name: string; product: PricedProduct; rule: PriceRule; expect: Expected }[] = [
  {
    name: 'plain 15 % referral fee (Amazon-style home category)',
    product: product({ basePrice: 2990, cost: 1200 }),
    rule: rule({ commissionBps: 1500 }),
    // 2990 × 15 % = 448.5 → 449; margin 2990 − 449 − 1200 = 1341; 1341 / 2990 = 44.849 % → 4485 bps
    expect: { totalPrice: 2990, commission: 449, margin: 1341, marginBps: 4485, broken: [] },
  },
  {
    name: 'minimum referral fee of 0.30 beats 15 % of a cheap item',
    product: product({ basePrice: 150, cost: 50 }),
    rule: rule({ commissionBps: 1500, minCommissionPerItem: 30 }),
    // 150 × 15 % = 22.5 → 23 < 30, so 30; margin 150 − 30 − 50 = 70; 70 / 150 = 46.667 % → 4667 bps
    expect: { percent: 30, commission: 30, margin: 70, marginBps: 4667, broken: [] },
  },
  {
    name: 'percentage plus a fixed fee per order (Mirakl operator style)',
    product: product({ basePrice: 4990, cost: 2500 }),
    rule: rule({ commissionBps: 1200, fixedFeePerOrder: 50 }),
    // 4990 × 12 % = 598.8 → 599; + 50 = 649; margin 4990 − 649 − 2500 = 1841
    expect: { percent: 599, commission: 649, margin: 1841, broken: [] },
  },
  {
    name: 'final value fee 11.7 % + 0.35 per order (eBay style)',
    product: product({ basePrice: 1999, cost: 900 }),
    rule: rule({ commissionBps: 1170, fixedFeePerOrder: 35 }),
    // 1999 × 11.7 % = 233.883 → 234; + 35 = 269; margin 1999 − 269 − 900 = 830
    expect: { commission: 269, margin: 830, broken: [] },
  },
  {
    name: 'fixed fee per item on top of the percentage',
    product: product({ basePrice: 3000, cost: 1000 }),
    rule: rule({ commissionBps: 1000, fixedFeePerItem: 99 }),
    // 3000 × 10 % = 300; + 99 = 399; margin 3000 − 399 − 1000 = 1601
    expect: { percent: 300, commission: 399, margin: 1601, broken: [] },
  },
  {
    name: 'per-category rate: electronics at 7 % instead of 15 %',
    product: product({ basePrice: 8990, cost: 5000, category: 'electronics/headphones' }),
    rule: rule({ commissionBps: 1500, categoryOverrides: [{ category: 'electronics', commissionBps: 700 }] }),
    // 8990 × 7 % = 629.3 → 629; margin 8990 − 629 − 5000 = 3361
    expect: { rateBps: 700, category: 'electronics', commission: 629, margin: 3361, broken: [] },
  },
  {
    name: 'per-category rate: the longest matching category wins',
    product: product({ basePrice: 7990, category: 'textile/shoes/running' }),
    rule: rule({
      commissionBps: 1000,
      categoryOverrides: [
        { category: 'textile', commissionBps: 1500 },
        { category: 'textile/shoes', commissionBps: 1200 },
      ],
    }),
    // 7990 × 12 % = 958.8 → 959
    expect: { rateBps: 1200, category: 'textile/shoes', commission: 959, margin: null, broken: [] },
  },
  {
    name: 'per-category rate: a category that only starts with the same letters does not match',
    product: product({ basePrice: 1000, category: 'textiles-home' }),
    rule: rule({ commissionBps: 1000, categoryOverrides: [{ category: 'textile', commissionBps: 1500 }] }),
    // default 10 %: 1000 × 10 % = 100
    expect: { rateBps: 1000, category: null, commission: 100, broken: [] },
  },
  {
    name: 'per-category fixed closing fee (media: 15 % + 1.01 per item)',
    product: product({ basePrice: 1250, cost: 600, category: 'books' }),
    rule: rule({
      commissionBps: 1500,
      categoryOverrides: [{ category: 'books', commissionBps: 1500, fixedFeePerItem: 101 }],
    }),
    // 1250 × 15 % = 187.5 → 188; + 101 = 289; margin 1250 − 289 − 600 = 361
    expect: { percent: 188, commission: 289, margin: 361, broken: [] },
  },
  {
    name: 'shipping split: a fixed 4.90 of the franco price becomes the shipping price',
    product: product({ basePrice: 2990 }),
    rule: rule({ commissionBps: 1500, shippingMode: 'fixed', shippingAmount: 490 }),
    // item 2990 − 490 = 2500; commission on item + shipping: 2990 × 15 % = 448.5 → 449
    expect: { itemPrice: 2500, shippingPrice: 490, totalPrice: 2990, commission: 449, broken: [] },
  },
  {
    name: 'shipping split where the commission is taken on the item only',
    product: product({ basePrice: 2990 }),
    rule: rule({
      commissionBps: 1500,
      shippingMode: 'fixed',
      shippingAmount: 490,
      isCommissionOnShipping: false,
    }),
    // 2500 × 15 % = 375
    expect: { itemPrice: 2500, shippingPrice: 490, commission: 375, broken: [] },
  },
  {
    name: 'shipping split as a share: 12.5 % of the franco price',
    product: product({ basePrice: 3990 }),
    rule: rule({ shippingMode: 'percent', shippingBps: 1250 }),
    // 3990 × 12.5 % = 498.75 → 499; item 3990 − 499 = 3491
    expect: { shippingPrice: 499, itemPrice: 3491, totalPrice: 3990, commission: 0, broken: [] },
  },
  {
    name: 'shipping price larger than the franco price breaks the item price',
    product: product({ basePrice: 390 }),
    rule: rule({ shippingMode: 'fixed', shippingAmount: 490 }),
    // item 390 − 490 = −100
    expect: { itemPrice: -100, shippingPrice: 490, broken: ['item_price_not_positive'], limits: [0] },
  },
  {
    name: 'rounding up to .90',
    product: product({ basePrice: 2347 }),
    rule: rule({ rounding: 'x.90' }),
    // 23.47 → 23.90
    expect: { itemPrice: 2390, totalPrice: 2390, broken: [] },
  },
  {
    name: 'rounding to .99 leaves a price that already ends in .99',
    product: product({ basePrice: 2499 }),
    rule: rule({ rounding: 'x.99' }),
    expect: { itemPrice: 2499, broken: [] },
  },
  {
    name: 'rounding to .90 past the ending goes to the next unit',
    product: product({ basePrice: 2395 }),
    rule: rule({ rounding: 'x.90' }),
    // 23.95 > 23.90, so 24.90
    expect: { itemPrice: 2490, broken: [] },
  },
  {
    name: 'rounding applies to the item price after the shipping split',
    product: product({ basePrice: 3000 }),
    rule: rule({ shippingMode: 'fixed', shippingAmount: 590, rounding: 'x.99' }),
    // item 3000 − 590 = 2410 → 24.99; total 2499 + 590 = 3089
    expect: { itemPrice: 2499, shippingPrice: 590, totalPrice: 3089, broken: [] },
  },
  {
    name: 'channel markup of 8 % then .90',
    product: product({ basePrice: 2500 }),
    rule: rule({ adjustBps: 800, rounding: 'x.90' }),
    // 2500 × 1.08 = 2700 → 27.90
    expect: { francoPrice: 2700, itemPrice: 2790, broken: [] },
  },
  {
    name: 'channel markup rounds half up to the cent',
    product: product({ basePrice: 1999 }),
    rule: rule({ adjustBps: 500 }),
    // 1999 × 1.05 = 2098.95 → 2099
    expect: { francoPrice: 2099, itemPrice: 2099, broken: [] },
  },
  {
    name: 'margin without VAT and after the carrier cost',
    product: product({ basePrice: 2400, cost: 1000 }),
    rule: rule({ commissionBps: 1500, vatBps: 2000, shippingCost: 450 }),
    // revenue 2400 / 1.2 = 2000; commission 2400 × 15 % = 360; margin 2000 − 360 − 450 − 1000 = 190;
    // 190 / 2000 = 9.5 % = 950 bps
    expect: { revenueExVat: 2000, commission: 360, margin: 190, marginBps: 950, broken: [] },
  },
  {
    name: 'margin floor of 25 % of cost broken',
    product: product({ basePrice: 2400, cost: 1000 }),
    rule: rule({ commissionBps: 1500, vatBps: 2000, shippingCost: 450, minMarginBps: 2500 }),
    // margin 190 (as above); floor 1000 × 25 % = 250; 190 < 250
    expect: { margin: 190, broken: ['margin_below_floor'], limits: [250] },
  },
  {
    name: 'margin floor met exactly',
    product: product({ basePrice: 2400, cost: 952 }),
    rule: rule({ commissionBps: 1500, vatBps: 2000, shippingCost: 450, minMarginBps: 2500 }),
    // margin 2000 − 360 − 450 − 952 = 238; floor 952 × 25 % = 238
    expect: { margin: 238, broken: [] },
  },
  {
    name: 'selling at a loss breaks a zero floor, with a negative margin rate',
    product: product({ basePrice: 1000, cost: 400 }),
    rule: rule({ commissionBps: 2000, shippingCost: 500, minMarginBps: 0 }),
    // commission 200; margin 1000 − 200 − 500 − 400 = −100; −100 / 1000 = −10 % = −1000 bps
    expect: { margin: -100, marginBps: -1000, broken: ['margin_below_floor'], limits: [0] },
  },
  {
    name: 'margin floor with no cost from the ERP',
    product: product({ basePrice: 1000 }),
    rule: rule({ minMarginBps: 2000 }),
    expect: { margin: null, marginBps: null, broken: ['cost_unknown'], limits: [null] },
  },
  {
    name: 'public price ceiling broken',
    product: product({ basePrice: 2990, publicPrice: 2900 }),
    rule: rule({ isPublicPriceCeiling: true }),
    expect: { totalPrice: 2990, broken: ['above_public_price'], limits: [2900] },
  },
  {
    name: 'more than 10 % below the public price',
    product: product({ basePrice: 2990, publicPrice: 3500 }),
    rule: rule({ publicPriceMaxBelowBps: 1000 }),
    // lowest allowed 3500 × 90 % = 3150; 2990 < 3150
    expect: { broken: ['below_public_price'], limits: [3150] },
  },
  {
    name: 'inside the public price band',
    product: product({ basePrice: 2990, publicPrice: 3200 }),
    rule: rule({ publicPriceMaxBelowBps: 1000, isPublicPriceCeiling: true }),
    // lowest allowed 3200 × 90 % = 2880 ≤ 2990 ≤ 3200
    expect: { broken: [] },
  },
  {
    name: 'charm rounding pushes the price over the public price',
    product: product({ basePrice: 2950, publicPrice: 2990 }),
    rule: rule({ rounding: 'x.99', isPublicPriceCeiling: true }),
    // 29.50 → 29.99 > 29.90
    expect: { totalPrice: 2999, broken: ['above_public_price'], limits: [2990] },
  },
  {
    name: 'every component at once: markup, shipping split, .90, textile rate, order fee, VAT, floor, band',
    product: product({ basePrice: 5990, cost: 2400, publicPrice: 6500, category: 'textile/bedding' }),
    rule: rule({
      adjustBps: 500,
      shippingMode: 'fixed',
      shippingAmount: 690,
      rounding: 'x.90',
      commissionBps: 1500,
      categoryOverrides: [{ category: 'textile', commissionBps: 1800 }],
      fixedFeePerOrder: 50,
      vatBps: 2000,
      shippingCost: 520,
      minMarginBps: 3000,
      isPublicPriceCeiling: true,
      publicPriceMaxBelowBps: 1500,
    }),
    // franco 5990 × 1.05 = 6289.5 → 6290; item 6290 − 690 = 5600 → 56.90; total 5690 + 690 = 6380;
    // commission 6380 × 18 % = 1148.4 → 1148, + 50 = 1198; revenue 6380 / 1.2 = 5316.67 → 5317;
    // margin 5317 − 1198 − 520 − 2400 = 1199; 1199 / 5317 = 22.55 % → 2255 bps;
    // floor 2400 × 30 % = 720 ≤ 1199; band 6500 × 85 % = 5525 ≤ 6380 ≤ 6500
    expect: {
      francoPrice: 6290,
      itemPrice: 5690,
      shippingPrice: 690,
      totalPrice: 6380,
      rateBps: 1800,
      percent: 1148,
      commission: 1198,
      revenueExVat: 5317,
      margin: 1199,
      marginBps: 2255,
      broken: [],
    },
  },
];

describe('price engine', () => {
  it('covers at least 20 commission cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('$name', ({ product: p, rule: r, expect: e }) => {
    const result = computePrice(p, r);
    const actual: Record<string, unknown> = {
      francoPrice: result.francoPrice,
      itemPrice: result.itemPrice,
      shippingPrice: result.shippingPrice,
      totalPrice: result.totalPrice,
      commission: result.commission.total,
      percent: result.commission.percent,
      rateBps: result.commission.rateBps,
      category: result.commission.category,
      revenueExVat: result.revenueExVat,
      margin: result.margin,
      marginBps: result.marginBps,
    };
    for (const [key, value] of Object.entries(e)) {
      if (key === 'broken' || key === 'limits') continue;
      expect(actual[key], key).toBe(value);
    }
    expect(result.brokenRules.map((b) => b.code)).toEqual(e.broken);
    if (e.limits) expect(result.brokenRules.map((b) => b.limit)).toEqual(e.limits);
    // Each component adds up, whatever the case.
    expect(result.totalPrice).toBe(result.itemPrice + result.shippingPrice);
    expect(result.commission.total).toBe(result.commission.percent + result.commission.fixed);
    for (const v of [result.totalPrice, result.commission.total, result.revenueExVat])
      expect(Number.isSafeInteger(v)).toBe(true);
  });

  it('explains a broken rule in words with decimal amounts', () => {
    const result = computePrice(
      product({ basePrice: 2990, publicPrice: 2900 }),
      rule({ isPublicPriceCeiling: true }),
    );
    expect(result.brokenRules[0]?.message).toBe('Price 29.90 EUR is above the public price 29.00 EUR');
  });
});
