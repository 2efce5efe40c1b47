import { z } from 'zod';

/**
 * The Sell Fulfillment v1 fields we read (`Order`, `LineItem`, `Amount`, `ShippingStep`,
 * `ExtendedContact`, `Address`, `ShippingFulfillment`). Loose objects: eBay adds fields over time.
 */
export const EbayAmount = z.looseObject({ value: z.string().optional(), currency: z.string().optional() });
export type EbayAmount = z.infer<typeof EbayAmount>;

export const EbayLineItem = z.looseObject({
  lineItemId: z.string(),
  sku: z.string().optional(),
  title: z.string().optional(),
  quantity: z.number(),
  lineItemCost: EbayAmount.optional(),
  deliveryCost: z.looseObject({ shippingCost: EbayAmount.optional() }).optional(),
  lineItemFulfillmentStatus: z.string().optional(),
  lineItemFulfillmentInstructions: z.looseObject({ shipByDate: z.string().optional() }).optional(),
  refunds: z.array(z.looseObject({ amount: EbayAmount.optional() })).optional(),
});
export type EbayLineItem = z.infer<typeof EbayLineItem>;

const Contact = z.looseObject({
  fullName: z.string().optional(),
  companyName: z.string().optional(),
  email: z.string().optional(),
  primaryPhone: z.looseObject({ phoneNumber: z.string().optional() }).optional(),
  contactAddress: z
    .looseObject({
      addressLine1: z.string().optional(),
      addressLine2: z.string().optional(),
      city: z.string().optional(),
      postalCode: z.string().optional(),
      countryCode: z.string().optional(),
    })
    .optional(),
});

export const EbayOrder = z.looseObject({
  orderId: z.string(),
  creationDate: z.string(),
  lastModifiedDate: z.string(),
  orderFulfillmentStatus: z.string(),
  orderPaymentStatus: z.string(),
  cancelStatus: z.looseObject({ cancelState: z.string().optional() }).optional(),
  buyer: z.looseObject({ username: z.string().optional() }).optional(),
  pricingSummary: z
    .looseObject({ total: EbayAmount.optional(), deliveryCost: EbayAmount.optional() })
    .optional(),
  fulfillmentStartInstructions: z
    .array(
      z.looseObject({
        shippingStep: z
          .looseObject({ shipTo: Contact.optional(), shippingServiceCode: z.string().optional() })
          .optional(),
      }),
    )
    .optional(),
  lineItems: z.array(z.unknown()),
});
export type EbayOrder = z.infer<typeof EbayOrder>;

export const EbayOrderPage = z.looseObject({
  orders: z.array(z.unknown()).optional(),
  total: z.number().optional(),
  offset: z.number().optional(),
  limit: z.number().optional(),
});

export const EbayFulfillments = z.looseObject({
  fulfillments: z
    .array(
      z.looseObject({
        fulfillmentId: z.string().optional(),
        shipmentTrackingNumber: z.string().optional(),
        lineItems: z
          .array(z.looseObject({ lineItemId: z.string(), quantity: z.number().optional() }))
          .optional(),
      }),
    )
    .optional(),
});

export function peekOrder(raw: unknown): { orderId: string | null; lastModified: string | null } {
  const o = (raw ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { orderId: str(o.orderId), lastModified: str(o.lastModifiedDate) };
}
