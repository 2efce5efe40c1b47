/**
 * What each marketplace accepts when a shipment is confirmed, as data: the carrier codes it takes for each
 * service level, whether a tracking number is required, and how late after ship-by it still takes one.
 */
export type ServiceLevel = 'standard' | 'express' | 'relay';

export interface MarketplaceRules {
  marketplace: string;
  /** Carrier code (as the marketplace spells it) per service level; null: the operator's own list. */
  acceptedCarrierCodes: Record<ServiceLevel, readonly string[]> | null;
  isTrackingMandatory: boolean;
  /** Hours after the ship-by date during which a confirmation is still ours to send without a penalty. */
  shipByGraceHours: number;
  source: string;
}

export const MARKETPLACE_RULES: readonly MarketplaceRules[] = [
  {
    // ordersV0.json (PackageDetail.carrierCode): "required for all marketplaces" but a free string, pointing
    // to Amazon's CarrierCode list, which is not in shared/specs. These are the codes we send for EU
    // carriers; check them against that list before relying on them.
    marketplace: 'amazon',
    acceptedCarrierCodes: {
      standard: ['Colissimo', 'DPD', 'GLS', 'UPS', 'DHL', 'Chronopost'],
      express: ['Chronopost', 'UPS', 'DHL'],
      relay: ['Mondial Relay', 'Colissimo'],
    },
    isTrackingMandatory: true,
    // Our default, not a published figure: a late confirmation counts against the seller at once.
    shipByGraceHours: 0,
    source: 'shared/specs/amazon/ordersV0.json#/definitions/PackageDetail',
  },
  {
    // sell_fulfillment_v1_oas3.json: shippingCarrierCode and trackingNumber go together; values come from
    // the Trading API's ShippingCarrierCodeType (developer.ebay.com/.../ShippingCarrierCodeType.html).
    marketplace: 'ebay',
    acceptedCarrierCodes: {
      standard: ['ColiposteDomestic', 'ColiposteInternational', 'DHL', 'UPS', 'DeutschePost', 'Hermes'],
      express: ['Chronopost', 'UPS', 'DHL'],
      relay: ['ColiposteDomestic'],
    },
    isTrackingMandatory: true,
    shipByGraceHours: 24,
    source:
      'shared/specs/ebay/sell_fulfillment_v1_oas3.json (ShippingFulfillmentDetails.shippingCarrierCode)',
  },
  {
    // mirakl-mmp-seller.json OR23 takes carrier_code from the operator's SH21 carrier list: each operator
    // has its own, so the caller passes it (`operatorCarrierCodes`).
    marketplace: 'mirakl',
    acceptedCarrierCodes: null,
    isTrackingMandatory: true,
    shipByGraceHours: 24,
    source: 'shared/specs/mirakl/mirakl-mmp-seller.json (OR23, SH21)',
  },
];

export function findMarketplaceRules(marketplace: string): MarketplaceRules | undefined {
  return MARKETPLACE_RULES.find((rules) => rules.marketplace === marketplace);
}
