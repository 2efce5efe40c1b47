/**
 * How one channel turns the merchant's franco price (delivery included) into its own offer. Every
 * amount is integer minor units of `currency`; every rate is in basis points (1 500 = 15 %), so the
 * engine never touches a float.
 */
export interface PriceRule {
  currency: string;
  /** Markup (or markdown, negative) on the franco base price for this channel, in basis points. */
  adjustBps: number;
  /** Percentage commission of the marketplace. */
  commissionBps: number;
  /** Most marketplaces (Amazon, Mirakl operators, Cdiscount) take their percentage on shipping too. */
  isCommissionOnShipping: boolean;
  /** Floor of the percentage part, per item (Amazon's minimum referral fee, for example). */
  minCommissionPerItem: number;
  fixedFeePerItem: number;
  /** Charged once per order; priced as a one-unit order, the worst case. */
  fixedFeePerOrder: number;
  /** Categories where the marketplace charges differently; the longest matching prefix wins. */
  categoryOverrides: CategoryOverride[];
  /** What part of the franco price becomes the shipping price shown to the buyer. */
  shippingMode: 'none' | 'fixed' | 'percent';
  shippingAmount: number;
  shippingBps: number;
  /** What delivering one order through this channel costs the merchant (carrier, packaging). */
  shippingCost: number;
  /** Charm ending of the item price, always rounding up so the margin never shrinks. */
  rounding: 'none' | 'x.90' | 'x.99';
  /** Prices are VAT-inclusive; the margin is computed on the price without VAT. */
  vatBps: number;
  /** Minimum margin after commission, as a share of the cost; null = no floor. */
  minMarginBps: number | null;
  /** The brand's public price must not be undercut by more than this, or exceeded (flag below). */
  publicPriceMaxBelowBps: number | null;
  isPublicPriceCeiling: boolean;
}

export interface CategoryOverride {
  /** A category path prefix: "textile" matches "textile/t-shirts". */
  category: string;
  commissionBps?: number;
  fixedFeePerItem?: number;
  minCommissionPerItem?: number;
}

export const defaultPriceRule: PriceRule = {
  currency: 'EUR',
  adjustBps: 0,
  commissionBps: 0,
  isCommissionOnShipping: true,
  minCommissionPerItem: 0,
  fixedFeePerItem: 0,
  fixedFeePerOrder: 0,
  categoryOverrides: [],
  shippingMode: 'none',
  shippingAmount: 0,
  shippingBps: 0,
  shippingCost: 0,
  rounding: 'none',
  vatBps: 0,
  minMarginBps: null,
  publicPriceMaxBelowBps: null,
  isPublicPriceCeiling: false,
};

/** What the engine needs to know about a product. */
export interface PricedProduct {
  /** The franco price: what the buyer pays in the merchant's usual trade, delivery included. */
  basePrice: number;
  /** Purchase or production cost without VAT; null when the ERP does not say. */
  cost: number | null;
  /** The brand's public (recommended) price, VAT-inclusive; null when there is none. */
  publicPrice: number | null;
  category: string | null;
}

export type BrokenRuleCode =
  | 'item_price_not_positive'
  | 'margin_below_floor'
  | 'cost_unknown'
  | 'above_public_price'
  | 'below_public_price';

export interface BrokenRule {
  code: BrokenRuleCode;
  /** The bound that was crossed, in minor units (null when there is none). */
  limit: number | null;
  message: string;
}

export interface PriceBreakdown {
  currency: string;
  francoPrice: number;
  itemPrice: number;
  shippingPrice: number;
  /** What the buyer pays: item + shipping. */
  totalPrice: number;
  commission: {
    rateBps: number;
    /** The override's category when one applied. */
    category: string | null;
    percent: number;
    fixed: number;
    total: number;
  };
  revenueExVat: number;
  shippingCost: number;
  cost: number | null;
  /** Revenue without VAT − commission − shipping cost − cost; null without a cost. */
  margin: number | null;
  /** Margin as a share of the revenue without VAT, in basis points (rounded half up). */
  marginBps: number | null;
  brokenRules: BrokenRule[];
}
