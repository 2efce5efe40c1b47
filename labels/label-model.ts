import { z } from 'zod';

const text = z.string().trim().min(1);

export const Address = z.object({
  name: text,
  company: text.nullable(),
  line1: text,
  line2: text.nullable(),
  postalCode: text,
  city: text,
  countryCode: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, capital letters'),
  phone: text.nullable(),
});
export type Address = z.infer<typeof Address>;

export const LabelSize = z.enum(['4x6', '10x15', 'A6']);
export type LabelSize = z.infer<typeof LabelSize>;

export const SecondaryBarcode = z.object({
  // A carrier's routing or sorting code beside the tracking barcode: DataMatrix (plain or GS1 element
  // string), PDF417, or the UPS MaxiCode message as ISO 15434 text ("[)>␞01␝96…").
  symbology: z.enum(['datamatrix', 'gs1datamatrix', 'pdf417', 'maxicode']),
  value: z.string().min(1).max(1500),
  caption: text.max(40).optional(),
});
export type SecondaryBarcode = z.infer<typeof SecondaryBarcode>;

export const ShippingLabel = z
  .object({
    size: LabelSize,
    carrier: z.object({ code: text, name: text, service: text }),
    trackingNumber: text,
    barcode: z.object({
      symbology: z.literal('code128'),
      // Code 128 as printed here carries printable ASCII only; anything else would not scan back equal.
      value: z.string().regex(/^[\x20-\x7e]{1,80}$/, 'printable ASCII, 1 to 80 characters'),
    }),
    secondaryBarcode: SecondaryBarcode.nullable().optional(),
    shipFrom: Address,
    shipTo: Address,
    reference: z.string().regex(/^ord_[A-Za-z0-9_-]+$/, 'an order id such as ord_01h…'),
    channelName: text,
    channelOrderId: text,
    weightGrams: z.number().int().positive(),
    parcel: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .refine((label) => label.parcel.index <= label.parcel.count, {
    message: 'parcel index cannot exceed the parcel count',
    path: ['parcel', 'index'],
  });
export type ShippingLabel = z.infer<typeof ShippingLabel>;
