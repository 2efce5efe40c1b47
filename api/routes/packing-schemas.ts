import { z } from '@hono/zod-openapi';
import { printerKinds } from '../../db/schema/index.js';

export const packers = ['admin', 'packer'] as const;
export const packViewers = ['admin', 'packer', 'desk'] as const;
export const printerAdmins = ['admin', 'desk'] as const;
export const idParam = z.object({ id: z.string().min(1) });

export const PackingView = z
  .object({
    order: z.object({
      id: z.string(),
      externalId: z.string(),
      status: z.string(),
      channelName: z.string(),
      serviceLevel: z.string(),
      shipBy: z.string().nullable(),
      city: z.string(),
      countryCode: z.string(),
    }),
    service: z.object({ name: z.string(), carrierCode: z.string() }),
    lines: z.array(
      z.object({
        id: z.string(),
        sku: z.string(),
        title: z.string(),
        quantity: z.number().int(),
        quantityPicked: z.number().int(),
        quantityPacked: z.number().int(),
        /** Units the channel cancelled off this line; `quantity` is what is left to pack. */
        quantityCancelled: z.number().int(),
        /** Of those, units already picked: in the tote, not to be packed, back to the shelf. */
        quantityCancelledPicked: z.number().int(),
        barcodes: z.array(z.string()),
      }),
    ),
    /** Lines the channel cancelled whole: shown so their picked units go back to the shelf, not in a box. */
    cancelledLines: z.array(
      z.object({
        id: z.string(),
        sku: z.string(),
        title: z.string(),
        quantityCancelled: z.number().int(),
        quantityCancelledPicked: z.number().int(),
      }),
    ),
    boxes: z.array(
      z.object({
        id: z.string(),
        seq: z.number().int(),
        status: z.enum(['open', 'closed']),
        packagingCode: z.string().nullable(),
        weightGrams: z.number().int().nullable(),
        lengthCm: z.number().int().nullable(),
        widthCm: z.number().int().nullable(),
        heightCm: z.number().int().nullable(),
        parcelId: z.string().nullable(),
        trackingNumber: z.string().nullable(),
        lines: z.array(z.object({ orderLineId: z.string(), quantity: z.number().int() })),
      }),
    ),
    shipment: z.object({ id: z.string(), status: z.string(), carrierName: z.string() }).nullable(),
  })
  .openapi('PackingView');

export const Labelled = z
  .object({
    shipmentId: z.string(),
    parcels: z.array(z.object({ parcelId: z.string(), trackingNumber: z.string(), seq: z.number().int() })),
    isReplay: z.boolean(),
  })
  .openapi('PackLabels');

export const PrintOutcome = z
  .object({
    printerId: z.string(),
    via: z.enum(['sent', 'browser']),
    parcelIds: z.array(z.string()),
    ms: z.number(),
  })
  .openapi('PrintOutcome');

export const PackResult = z.object({
  view: PackingView,
  labelled: Labelled.nullable(),
  print: z
    .object({
      outcome: PrintOutcome.nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    })
    .nullable(),
});

export const Printer = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(printerKinds),
    host: z.string().nullable(),
    port: z.number().int(),
    dpi: z.number().int(),
    isEnabled: z.boolean(),
  })
  .openapi('Printer');

export const PrinterStatus = z
  .object({
    printerId: z.string(),
    isReady: z.boolean(),
    message: z.string(),
    ms: z.number(),
    status: z
      .object({
        isPaperOut: z.boolean(),
        isPaused: z.boolean(),
        isHeadOpen: z.boolean(),
        isRibbonOut: z.boolean(),
        isBufferFull: z.boolean(),
        formatsInBuffer: z.number().int(),
        labelsRemaining: z.number().int(),
        problems: z.array(z.string()),
      })
      .nullable(),
  })
  .openapi('PrinterStatus');

export const PackagingTypeSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    lengthCm: z.number().int(),
    widthCm: z.number().int(),
    heightCm: z.number().int(),
    tareGrams: z.number().int(),
  })
  .openapi('PackagingType');
