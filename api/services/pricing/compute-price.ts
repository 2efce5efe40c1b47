import { formatMinor } from '../../channels/money.js';
import type { BrokenRule, CategoryOverride, PriceBreakdown, PricedProduct, PriceRule } from './price-rule.js';

const BPS = 10_000;

/** a / b rounded half away from zero, in integers only (b > 0). */
export function divRound(a: number, b: number): number {
  const n = Math.abs(a);
  const q = Math.floor((2 * n + b) / (2 * b));
  return a < 0 ? -q : q;
}

/** a / b rounded up, for non-negative a (b > 0). */
export function divCeil(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

/** Smallest price ≥ `price` whose last two minor digits are `ending` (90 or 99). */
export function roundUpToEnding(price: number, ending: number): number {
  const candidate = price - (price % 100) + ending;
  return candidate >= price ? candidate : candidate + 100;
}

/** The override whose category is the longest prefix of the product's category path. */
export function overrideFor(overrides: CategoryOverride[], category: string | null): CategoryOverride | null {
  if (!category) return null;
  let best: CategoryOverride | null = null;
  for (const o of overrides) {
    const isMatch = category === o.category || category.startsWith(`${o.category}/`);
    if (isMatch && (!best || o.category.length > best.category.length)) best = o;
  }
  return best;
}

/**
 * The price engine: one product on one channel, every component shown. Pure and exact (integers
 * only), so the same inputs always give the same cents and the page can show why a price is what it is.
 *
 * 1. franco = base × (1 + adjust)
 * 2. shipping price split off the franco price (fixed amount or share); item = franco − shipping
 * 3. item price rounded up to the charm ending (.90/.99)
 * 4. commission = max(percentage of item (+ shipping), minimum) + fixed per item + fixed per order
 * 5. margin = total without VAT − commission − shipping cost − cost, checked against the floor
 * 6. total checked against the brand's public price
 */
export function computePrice(product: PricedProduct, rule: PriceRule): PriceBreakdown {
  const money = (minor: number) => `${formatMinor(minor, rule.currency)} ${rule.currency}`;
  const broken: BrokenRule[] = [];
  const franco = divRound(product.basePrice * (BPS + rule.adjustBps), BPS);

  const shippingPrice =
    rule.shippingMode === 'fixed'
      ? rule.shippingAmount
      : rule.shippingMode === 'percent'
        ? divRound(franco * rule.shippingBps, BPS)
        : 0;
  let itemPrice = franco - shippingPrice;
  if (itemPrice > 0 && rule.rounding !== 'none')
    itemPrice = roundUpToEnding(itemPrice, rule.rounding === 'x.90' ? 90 : 99);
  if (itemPrice <= 0) {
    broken.push({
      code: 'item_price_not_positive',
      limit: 0,
      message: `The shipping price ${money(shippingPrice)} takes the whole franco price ${money(franco)}`,
    });
  }
  const totalPrice = itemPrice + shippingPrice;

  const override = overrideFor(rule.categoryOverrides, product.category);
  const rateBps = override?.commissionBps ?? rule.commissionBps;
  const minPercent = override?.minCommissionPerItem ?? rule.minCommissionPerItem;
  const base = itemPrice + (rule.isCommissionOnShipping ? shippingPrice : 0);
  const percent = Math.max(divRound(Math.max(base, 0) * rateBps, BPS), minPercent);
  const fixed = (override?.fixedFeePerItem ?? rule.fixedFeePerItem) + rule.fixedFeePerOrder;
  const commission = percent + fixed;

  const revenueExVat = divRound(totalPrice * BPS, BPS + rule.vatBps);
  const margin = product.cost === null ? null : revenueExVat - commission - rule.shippingCost - product.cost;
  const marginBps = margin === null || revenueExVat <= 0 ? null : divRound(margin * BPS, revenueExVat);

  if (rule.minMarginBps !== null) {
    if (product.cost === null || margin === null) {
      broken.push({
        code: 'cost_unknown',
        limit: null,
        message: 'The product has no cost, so the minimum margin cannot be checked',
      });
    } else {
      const floor = divCeil(product.cost * rule.minMarginBps, BPS);
      if (margin < floor)
        broken.push({
          code: 'margin_below_floor',
          limit: floor,
          message: `Margin ${money(margin)} is below the floor ${money(floor)} (${rule.minMarginBps / 100} % of cost)`,
        });
    }
  }
  if (product.publicPrice !== null) {
    if (rule.isPublicPriceCeiling && totalPrice > product.publicPrice)
      broken.push({
        code: 'above_public_price',
        limit: product.publicPrice,
        message: `Price ${money(totalPrice)} is above the public price ${money(product.publicPrice)}`,
      });
    if (rule.publicPriceMaxBelowBps !== null) {
      const lowest = divCeil(product.publicPrice * (BPS - rule.publicPriceMaxBelowBps), BPS);
      if (totalPrice < lowest)
        broken.push({
          code: 'below_public_price',
          limit: lowest,
          message: `Price ${money(totalPrice)} is more than ${rule.publicPriceMaxBelowBps / 100} % below the public price ${money(product.publicPrice)}`,
        });
    }
  }

  return {
    currency: rule.currency,
    francoPrice: franco,
    itemPrice,
    shippingPrice,
    totalPrice,
    commission: { rateBps, category: override?.category ?? null, percent, fixed, total: commission },
    revenueExVat,
    shippingCost: rule.shippingCost,
    cost: product.cost,
    margin,
    marginBps,
    brokenRules: broken,
  };
}
