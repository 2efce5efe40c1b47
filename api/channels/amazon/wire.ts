import { z } from 'zod';

/**
 * The Orders v0 fields we read (ordersV0.json definitions `Order`, `OrderItem`, `Money`, `Address`,
 * `BuyerInfo`). Loose objects: Amazon adds fields over time and we keep the raw payload anyway. Money
 * amounts stay strings here; the mapper parses them exactly.
 */
export const AmazonMoney = z.looseObject({
  CurrencyCode: z.string().optional(),
  Amount: z.string().optional(),
});
export type AmazonMoney = z.infer<typeof AmazonMoney>;

export const AmazonAddress = z.looseObject({
  Name: z.string().optional(),
  CompanyName: z.string().optional(),
  AddressLine1: z.string().optional(),
  AddressLine2: z.string().optional(),
  AddressLine3: z.string().optional(),
  City: z.string().optional(),
  StateOrRegion: z.string().optional(),
  PostalCode: z.string().optional(),
  CountryCode: z.string().optional(),
  Phone: z.string().optional(),
});
export type AmazonAddress = z.infer<typeof AmazonAddress>;

export const AmazonOrder = z.looseObject({
  AmazonOrderId: z.string(),
  PurchaseDate: z.string(),
  LastUpdateDate: z.string(),
  OrderStatus: z.string(),
  FulfillmentChannel: z.string().optional(),
  ShipServiceLevel: z.string().optional(),
  OrderTotal: AmazonMoney.optional(),
  MarketplaceId: z.string().optional(),
  LatestShipDate: z.string().optional(),
  ShippingAddress: AmazonAddress.optional(),
  BuyerInfo: z
    .looseObject({ BuyerEmail: z.string().optional(), BuyerName: z.string().optional() })
    .optional(),
});
export type AmazonOrder = z.infer<typeof AmazonOrder>;

export const AmazonOrderItem = z.looseObject({
  ASIN: z.string(),
  OrderItemId: z.string(),
  SellerSKU: z.string().optional(),
  Title: z.string().optional(),
  QuantityOrdered: z.number(),
  QuantityShipped: z.number().optional(),
  ItemPrice: AmazonMoney.optional(),
  ShippingPrice: AmazonMoney.optional(),
  ShippingDiscount: AmazonMoney.optional(),
  PromotionDiscount: AmazonMoney.optional(),
});
export type AmazonOrderItem = z.infer<typeof AmazonOrderItem>;

export const GetOrdersResponse = z.looseObject({
  payload: z.looseObject({
    Orders: z.array(z.unknown()),
    NextToken: z.string().optional(),
    LastUpdatedBefore: z.string().optional(),
  }),
});

export const GetOrderResponse = z.looseObject({ payload: z.unknown() });

export const GetOrderItemsResponse = z.looseObject({
  payload: z.looseObject({
    OrderItems: z.array(z.unknown()),
    NextToken: z.string().optional(),
    AmazonOrderId: z.string(),
  }),
});

/** Order id and update date of a raw order, for cursors and parking, even when the rest is malformed. */
export function peekOrder(raw: unknown): {
  orderId: string | null;
  lastUpdated: string | null;
  status: string | null;
} {
  const o = (raw ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { orderId: str(o.AmazonOrderId), lastUpdated: str(o.LastUpdateDate), status: str(o.OrderStatus) };
}
