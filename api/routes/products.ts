import { z } from '@hono/zod-openapi';
import { AppError, unprocessable } from '../errors.js';
import { securedRoute } from '../middleware/define-route.js';
import { Problem } from '../middleware/problem.js';
import { router } from '../middleware/router.js';
import { importProducts } from '../services/catalog/import-products.js';
import { listCatalogProducts } from '../services/catalog/list-catalog-products.js';
import {
  checkProductMapping,
  type ProductField,
  type ProductMapping,
} from '../services/catalog/product-fields.js';
import { getImportMapping, listImportMappings } from '../services/manual-orders/list-import-mappings.js';
import { saveImportMapping } from '../services/manual-orders/save-import-mapping.js';
import { actorOf } from './actor.js';

const catalogRoles = ['admin', 'desk'] as const;
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

const Reason = z.object({ code: z.string(), message: z.string() });
export const PriceBreakdownSchema = z
  .object({
    currency: z.string(),
    francoPrice: z.number().int(),
    itemPrice: z.number().int(),
    shippingPrice: z.number().int(),
    totalPrice: z.number().int(),
    commission: z.object({
      rateBps: z.number().int(),
      category: z.string().nullable(),
      percent: z.number().int(),
      fixed: z.number().int(),
      total: z.number().int(),
    }),
    revenueExVat: z.number().int(),
    shippingCost: z.number().int(),
    cost: z.number().int().nullable(),
    margin: z.number().int().nullable(),
    marginBps: z.number().int().nullable(),
    brokenRules: z.array(
      z.object({ code: z.string(), limit: z.number().int().nullable(), message: z.string() }),
    ),
  })
  .openapi('PriceBreakdown');

const CatalogProduct = z
  .object({
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    ean: z.string().nullable(),
    category: z.string().nullable(),
    basePrice: z.number().int(),
    cost: z.number().int().nullable(),
    publicPrice: z.number().int().nullable(),
    currency: z.string(),
    available: z.number().int(),
    channels: z.array(
      z.object({
        channelId: z.string(),
        channelName: z.string(),
        price: PriceBreakdownSchema,
        quantity: z.number().int(),
        isPublishable: z.boolean(),
        reasons: z.array(Reason),
        lastStatus: z.string().nullable(),
        lastReasons: z.array(Reason),
      }),
    ),
  })
  .openapi('CatalogProduct');

const list = securedRoute(catalogRoles, {
  method: 'get',
  path: '/api/catalog/products',
  summary: 'Catalogue products with their price, stock and status on every enabled channel',
  request: {
    query: z.object({
      after: z
        .string()
        .max(100)
        .optional()
        .openapi({ description: 'Cursor: the last SKU of the previous page' }),
      q: z.string().trim().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: { description: 'Products', content: { 'application/json': { schema: z.array(CatalogProduct) } } },
  },
});

const MappingBody = z.object({
  columns: z.record(z.string().max(70), z.string().trim().min(1).max(200)),
  defaults: z.record(z.string().max(70), z.string().trim().min(1).max(200)).default({}),
});
const SavedMapping = MappingBody.extend({ id: z.string(), name: z.string() }).openapi('ProductImportMapping');

const ProductImportReport = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.array(z.object({ line: z.number().int(), sku: z.string(), fields: z.array(z.string()) })),
    unchanged: z.number().int(),
    problems: z.array(
      z.object({
        line: z.number().int(),
        field: z.string(),
        column: z.string().nullable(),
        message: z.string(),
      }),
    ),
  })
  .openapi('ProductImportReport');

const importFile = securedRoute(catalogRoles, {
  method: 'post',
  path: '/api/catalog/products/import',
  summary:
    'Import the ERP product base (CSV or XLSX) with a saved (mappingId) or inline (mapping, JSON) mapping',
  request: {
    body: {
      // Required, so a body of another type (JSON) is validated too and refused as a missing file,
      // rather than let through as an empty form.
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
    200: { description: 'Per-line report', content: { 'application/json': { schema: ProductImportReport } } },
    400: problem('No file in a multipart/form-data body'),
    404: problem('No such saved mapping'),
    422: problem('A mapped column is missing from the file, or the file cannot be read'),
  },
});

const listMappings = securedRoute(catalogRoles, {
  method: 'get',
  path: '/api/catalog/import-mappings',
  summary: 'Saved column mappings for product imports',
  responses: {
    200: { description: 'Mappings', content: { 'application/json': { schema: z.array(SavedMapping) } } },
  },
});

const saveMapping = securedRoute(catalogRoles, {
  method: 'post',
  path: '/api/catalog/import-mappings',
  summary: 'Save a named column mapping for product imports',
  request: {
    body: {
      content: {
        'application/json': { schema: MappingBody.extend({ name: z.string().trim().min(1).max(100) }) },
      },
    },
  },
  responses: {
    201: { description: 'Saved', content: { 'application/json': { schema: SavedMapping } } },
    409: problem('The name is taken'),
    422: problem('A required field has no column'),
  },
});

/** An ERP export of a large catalogue with images and descriptions stays well under this. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

function inlineMapping(text: string): ProductMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unprocessable('import_mapping_invalid', 'mapping must be JSON: { "columns": { "sku": "…" } }');
  }
  const parsed = MappingBody.safeParse(json);
  if (!parsed.success) throw unprocessable('import_mapping_invalid', 'mapping must be { columns, defaults }');
  return parsed.data as ProductMapping;
}

/** Saved mappings never hold undefined values; the type says they might. */
const plain = (m: { id: string; name: string; columns: object; defaults: object }) => ({
  id: m.id,
  name: m.name,
  columns: m.columns as Record<string, string>,
  defaults: m.defaults as Record<string, string>,
});

export const productRoutes = router()
  .openapi(list, async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await listCatalogProducts(c.get('deps').db, { afterSku: q.after, search: q.q, limit: q.limit }),
      200,
    );
  })
  .openapi(importFile, async (c) => {
    const deps = c.get('deps');
    const form = c.req.valid('form');
    if (form.file.size > MAX_FILE_BYTES)
      throw new AppError(
        'import_file_too_large',
        413,
        `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      );
    let mapping: ProductMapping;
    if (form.mappingId) mapping = await getImportMapping<ProductField>(deps.db, form.mappingId, 'products');
    else if (form.mapping) mapping = inlineMapping(form.mapping);
    else throw unprocessable('import_mapping_missing', 'Send a mappingId or an inline mapping with the file');
    const bytes = new Uint8Array(await form.file.arrayBuffer());
    return c.json(await importProducts(deps, bytes, mapping, actorOf(c), deps.clock.now()), 200);
  })
  .openapi(listMappings, async (c) =>
    c.json((await listImportMappings<string>(c.get('deps').db, 'products')).map(plain), 200),
  )
  .openapi(saveMapping, async (c) =>
    c.json(
      plain(
        await saveImportMapping<string>(c.get('deps').db, c.req.valid('json'), {
          kind: 'products',
          check: (m) => checkProductMapping(m as ProductMapping),
        }),
      ),
      201,
    ),
  );
