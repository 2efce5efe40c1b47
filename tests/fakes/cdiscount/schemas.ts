import { z } from 'zod';

/**
 * What each Octopia seller-API operation accepts, written from Octopia's developer portal (see
 * api/channels/cdiscount/README.md for the pages and for what had to be assumed). Objects are strict:
 * a property the documentation does not name is an error, so the connector cannot drift unnoticed.
 */
const IsoDate = z.iso.datetime({ offset: true });
const PageIndex = z.coerce.number().int().min(1);

export const querySchemas: Record<string, z.ZodType> = {
  getOrders: z.strictObject({
    pageIndex: PageIndex.optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
    sort: z.enum(['createdAt', 'updatedAt', 'shippedAt']).optional(),
    desc: z.enum(['true', 'false']).optional(),
    status: z.string().optional(),
    reference: z.string().optional(),
    salesChannelId: z.string().optional(),
    supplyMode: z.string().optional(),
    createdAtMin: IsoDate.optional(),
    createdAtMax: IsoDate.optional(),
    updatedAtMin: IsoDate.optional(),
    updatedAtMax: IsoDate.optional(),
  }),
  listCancellationRequests: z.strictObject({
    orderSellerId: z.string().min(1).optional(),
    cancellationRequestId: z.string().optional(),
    lineId: z.string().optional(),
    offerId: z.string().optional(),
    salesChannel: z.string().optional(),
    pageIndex: PageIndex.optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
  }),
};

const Parcel = z.strictObject({
  parcelNumber: z
    .string()
    .min(1)
    .max(50)
    // Cdiscount refuses spaces, &, * and $ in a tracking number.
    .regex(/^[^ &*$]+$/, 'must not contain spaces, &, * or $'),
  carrierName: z.string().min(1),
  trackingUrl: z
    .url({ protocol: /^https?$/ })
    .max(255)
    .optional(),
  orderLineIds: z.array(z.string().min(1)).min(1),
});

export const bodySchemas: Record<string, z.ZodType> = {
  token: z.strictObject({
    grant_type: z.literal('client_credentials'),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
  }),
  postApprovalStatus: z.strictObject({ approval_status: z.enum(['Accepted', 'Refused']) }),
  postShipments: z.array(Parcel).min(1),
  createPartialCancellationRequest: z.strictObject({
    orderSellerId: z.string().min(1),
    lines: z
      .array(
        z.strictObject({
          lineId: z.string().min(1),
          offerId: z.string().min(1),
          reason: z.string().min(1),
          shippingCostRefund: z.boolean().optional(),
        }),
      )
      .min(1),
  }),
  createOfferPackage: z.strictObject({
    salesChannelId: z.string().min(1),
    packageType: z.enum(['Upsert', 'Update', 'Delete']),
  }),
  createOfferRequests: z
    .array(
      z.strictObject({
        sellerExternalReference: z.string().min(1),
        quantity: z.number().int().min(0).optional(),
        price: z.number().positive().optional(),
      }),
    )
    .min(1)
    .max(40_000),
  updateOfferPackage: z.strictObject({ state: z.literal('Ready') }),
};

function describe(error: z.ZodError): string[] {
  return error.issues.map((i) => `${['body', ...i.path].join('/')} ${i.message}`);
}

export function validateQuery(operation: string, query: Record<string, string>): string[] {
  const schema = querySchemas[operation];
  if (!schema) return Object.keys(query).length > 0 ? [`${operation} takes no query parameters`] : [];
  const parsed = schema.safeParse(query);
  return parsed.success ? [] : describe(parsed.error).map((m) => m.replace(/^body/, 'query'));
}

export function validateBody(operation: string, body: unknown): string[] {
  const schema = bodySchemas[operation];
  if (!schema) return body === undefined ? [] : [`${operation} takes no body`];
  const parsed = schema.safeParse(body);
  return parsed.success ? [] : describe(parsed.error);
}
