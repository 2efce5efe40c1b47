import { z } from '@hono/zod-openapi';
import { pickModes, waveStatuses } from '../../db/schema/index.js';
import { Problem } from '../middleware/problem.js';

/** Shapes of the picking API, shared by its routes (and so by the typed client and the OpenAPI document). */
export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});
export const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
export const waveParam = z.object({ id: z.string().min(1) });
export const clientScanId = z
  .string()
  .min(8)
  .max(100)
  .openapi({ description: 'Generated on the device; a re-sent scan counts once' });
export const staff = ['admin', 'picker'] as const;
export const desk = ['admin', 'desk'] as const;
export const viewers = ['admin', 'picker', 'desk'] as const;

export const Wave = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(waveStatuses),
    mode: z.enum(pickModes),
    unitsTotal: z.number().int(),
    unitsPicked: z.number().int(),
    unitsShort: z.number().int(),
    pickerUserId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Wave');
export const Target = z.object({
  orderId: z.string(),
  slot: z.number().int(),
  toteCode: z.string().nullable(),
  remaining: z.number().int(),
});
export const WaveStep = z
  .object({
    key: z.string(),
    binId: z.string(),
    binCode: z.string(),
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    imageUrl: z.string().nullable(),
    barcodes: z.array(z.string()),
    quantity: z.number().int(),
    quantityPicked: z.number().int(),
    remaining: z.number().int(),
    targets: z.array(Target),
  })
  .openapi('WaveStep');
export const Progress = z.object({
  unitsTotal: z.number().int(),
  unitsPicked: z.number().int(),
  unitsShort: z.number().int(),
});
export const Allocation = z.object({
  orderId: z.string(),
  slot: z.number().int(),
  toteCode: z.string().nullable(),
  units: z.number().int(),
});
