import { z } from '@hono/zod-openapi';
import { AppError, unprocessable } from '../errors.js';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { createManualOrder } from '../services/manual-orders/create-manual-order.js';
import { importManualOrders } from '../services/manual-orders/import-manual-orders.js';
import { type ImportMapping, importFields } from '../services/manual-orders/import-mapping.js';
import { getImportMapping, listImportMappings } from '../services/manual-orders/list-import-mappings.js';
import { saveImportMapping } from '../services/manual-orders/save-import-mapping.js';

const deskRoles = ['admin', 'desk'] as const;
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});
const Decimal = z.string().regex(/^\d+([.,]\d+)?$/, 'a decimal amount such as 12.50');
const Text = (max: number) => z.string().trim().min(1).max(max);

const ManualOrder = z
  .object({
    reference: Text(64).optional(),
    buyer: z.object({ name: Text(200), email: z.email().optional(), phone: Text(40).optional() }),
    shipTo: z.object({
      name: Text(200),
      company: Text(200).optional(),
      line1: Text(200),
      line2: Text(200).optional(),
      postalCode: Text(20),
      city: Text(100),
      countryCode: z.string().regex(/^[A-Za-z]{2}$/, 'a two-letter country code'),
      phone: Text(40).optional(),
    }),
    lines: z
      .array(
        z
          .object({
            sku: Text(100).optional(),
            ean: z
              .string()
              .regex(/^\d{8,14}$/, 'an 8 to 14 digit barcode')
              .optional(),
            quantity: z.number().int().min(1).max(10_000),
            unitPrice: Decimal,
          })
          .refine((l) => l.sku || l.ean, { message: 'each line needs a sku or an ean', path: ['sku'] }),
      )
      .min(1)
      .max(500),
    currency: z.string().regex(/^[A-Za-z]{3}$/, 'an ISO currency code such as EUR'),
    shippingPrice: Decimal.optional(),
    shipBy: z.iso.datetime({ offset: true }).optional(),
    serviceLevel: Text(60).optional(),
  })
  .openapi('ManualOrder');

const Mapping = z.object({
  columns: z.partialRecord(z.enum(importFields), Text(200)),
  defaults: z.partialRecord(z.enum(importFields), Text(200)).default({}),
});
const SavedMapping = Mapping.extend({ id: z.string(), name: z.string() }).openapi('ImportMapping');

const create = securedRoute(deskRoles, {
  method: 'post',
  path: '/api/manual-orders',
  summary: 'Type in an order (phone, trade, click-and-collect); the same reference twice is one order',
  request: { body: { content: { 'application/json': { schema: ManualOrder } } } },
  responses: {
    201: {
      description: 'Created (or, with isReplay, the order that already had this reference)',
      content: {
        'application/json': {
          schema: z.object({ orderId: z.string(), reference: z.string(), isReplay: z.boolean() }),
        },
      },
    },
    422: problem('An item is unknown or an amount is not a decimal'),
  },
});

const ImportReport = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    rows: z.number().int(),
    created: z.array(z.object({ reference: z.string(), orderId: z.string() })),
    existing: z.array(z.object({ reference: z.string(), orderId: z.string() })),
    rejected: z.array(z.string()),
    problems: z.array(
      z.object({
        line: z.number().int(),
        field: z.string(),
        column: z.string().nullable(),
        message: z.string(),
      }),
    ),
  })
  .openapi('ImportReport');

const importFile = securedRoute(deskRoles, {
  method: 'post',
  path: '/api/manual-orders/import',
  summary:
    'Import orders from a CSV or XLSX file with a saved (mappingId) or inline (mapping, JSON) column mapping',
  request: {
    body: {
      // Required, so a request with no body at all is validated too (refused as a missing file) rather
      // than reach the handler as an empty form.
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.instanceof(File).openapi({ type: 'string', format: 'binary' }),
            mappingId: z.string().min(1).optional(),
            mapping: z.string().min(2).optional().openapi({ description: 'JSON: { columns, defaults }' }),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'Per-line report', content: { 'application/json': { schema: ImportReport } } },
    400: problem('No file in a multipart/form-data body'),
    404: problem('No such saved mapping'),
    422: problem('A mapped column is missing from the file, or the file cannot be read'),
  },
});

const listMappings = securedRoute(deskRoles, {
  method: 'get',
  path: '/api/import-mappings',
  summary: 'Saved column mappings for order imports',
  responses: {
    200: { description: 'Mappings', content: { 'application/json': { schema: z.array(SavedMapping) } } },
  },
});

const saveMapping = securedRoute(deskRoles, {
  method: 'post',
  path: '/api/import-mappings',
  summary: 'Save a named column mapping',
  request: { body: { content: { 'application/json': { schema: Mapping.extend({ name: Text(100) }) } } } },
  responses: {
    201: { description: 'Saved', content: { 'application/json': { schema: SavedMapping } } },
    409: problem('The name is taken'),
    422: problem('A required field has no column'),
  },
});

/** 5 MB is far beyond a day of trade orders and keeps a stray upload from filling memory. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

function inlineMapping(text: string): ImportMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unprocessable(
      'import_mapping_invalid',
      'mapping must be JSON: { "columns": { "reference": "…" } }',
    );
  }
  const parsed = Mapping.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw unprocessable('import_mapping_invalid', `mapping is not valid: ${fields.join('; ')}`, { fields });
  }
  return parsed.data;
}

export const manualOrderRoutes = router()
  .openapi(create, async (c) => {
    const deps = c.get('deps');
    return c.json(await createManualOrder(deps, c.req.valid('json'), deps.clock.now()), 201);
  })
  .openapi(importFile, async (c) => {
    const deps = c.get('deps');
    const form = c.req.valid('form');
    if (form.file.size > MAX_FILE_BYTES) {
      throw new AppError(
        'import_file_too_large',
        413,
        `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      );
    }
    let mapping: ImportMapping;
    if (form.mappingId) mapping = await getImportMapping(deps.db, form.mappingId);
    else if (form.mapping) mapping = inlineMapping(form.mapping);
    else throw unprocessable('import_mapping_missing', 'Send a mappingId or an inline mapping with the file');
    const bytes = new Uint8Array(await form.file.arrayBuffer());
    return c.json(await importManualOrders(deps, bytes, mapping, deps.clock.now()), 200);
  })
  .openapi(listMappings, async (c) => c.json(await listImportMappings(c.get('deps').db), 200))
  .openapi(saveMapping, async (c) =>
    c.json(await saveImportMapping(c.get('deps').db, c.req.valid('json')), 201),
  );
