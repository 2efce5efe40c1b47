import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Validation of what we send to WooCommerce against the two REST v3 descriptions in
 * `<repo>/../shared/specs/woocommerce/`: the hand-written one with operationIds (orders, products,
 * variations) and the generated one, the only one with order notes and refunds. Request bodies are
 * checked strictly: a property the operation does not document is an error (the files themselves allow
 * extra properties, which would let a typo through). Query parameters must be documented and of the
 * documented type.
 */

const dir = new URL('../../../../shared/specs/woocommerce/', import.meta.url);
export const WTX_PATH = fileURLToPath(new URL('woocommerce-wc-v3-wtx-labs.yml', dir));
export const GERBRAND_PATH = fileURLToPath(new URL('woocommerce-wc-v3-gerbrand.yml', dir));

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  schema?: Json;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
}

/** Our operation names → where each is described. */
const OPERATIONS: Record<string, { spec: 'wtx' | 'gerbrand'; path: string; method: string }> = {
  listAllOrders: { spec: 'wtx', path: '/orders', method: 'get' },
  retrieveOrderById: { spec: 'wtx', path: '/orders/{orderId}', method: 'get' },
  updateOrderById: { spec: 'wtx', path: '/orders/{orderId}', method: 'put' },
  listOrderNotes: { spec: 'gerbrand', path: '/orders/{order_id}/notes', method: 'get' },
  createOrderNote: { spec: 'gerbrand', path: '/orders/{order_id}/notes', method: 'post' },
  listOrderRefunds: { spec: 'gerbrand', path: '/orders/{order_id}/refunds', method: 'get' },
  createOrderRefund: { spec: 'gerbrand', path: '/orders/{order_id}/refunds', method: 'post' },
  listAllProducts: { spec: 'wtx', path: '/products', method: 'get' },
  updateProductById: { spec: 'wtx', path: '/products/{productId}', method: 'put' },
  batchProducts: { spec: 'wtx', path: '/products/batch', method: 'post' },
  updateProductVariationById: {
    spec: 'wtx',
    path: '/products/{productId}/variations/{variationId}',
    method: 'put',
  },
  batchProductVariations: { spec: 'wtx', path: '/products/{productId}/variations/batch', method: 'post' },
};

let loaded: { specs: Record<string, Json>; ajv: Ajv } | null = null;
const compiled = new Map<string, ValidateFunction>();

/** OpenAPI 3.0 → JSON Schema for ajv: refs point at the registered spec, objects become closed. */
function prepare(node: unknown, specId: string): unknown {
  if (Array.isArray(node)) return node.map((n) => prepare(n, specId));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key === 'xml') continue;
    out[key] = key === '$ref' && typeof value === 'string' ? `${specId}${value}` : prepare(value, specId);
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

function load() {
  if (loaded) return loaded;
  const specs = {
    wtx: parse(readFileSync(WTX_PATH, 'utf8')) as Json,
    gerbrand: parse(readFileSync(GERBRAND_PATH, 'utf8')) as Json,
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  const applyFormats = ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as (
    a: Ajv,
  ) => void;
  applyFormats(ajv);
  for (const [id, spec] of Object.entries(specs))
    ajv.addSchema({ $id: id, components: prepare(spec.components ?? {}, id) as Json });
  loaded = { specs, ajv };
  return loaded;
}

export function operation(operationId: string): Operation {
  const where = OPERATIONS[operationId];
  if (!where) throw new Error(`operation ${operationId} is not one the fake knows`);
  const paths = load().specs[where.spec]?.paths as Record<string, Record<string, Operation>>;
  const op = paths[where.path]?.[where.method];
  if (!op) throw new Error(`${where.method.toUpperCase()} ${where.path} is not in the ${where.spec} spec`);
  return op;
}

function check(key: string, schema: Json, specId: string, value: unknown, at: string): string[] {
  let fn = compiled.get(key);
  if (!fn) {
    fn = load().ajv.compile(prepare(schema, specId) as Json);
    compiled.set(key, fn);
  }
  if (fn(value)) return [];
  return (fn.errors ?? []).map(
    (e) =>
      `${at}${e.instancePath} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
  );
}

/** A query string value as the documented type: the fake reads queries the way WordPress does. */
function coerce(raw: string, schema: Json | undefined): unknown {
  const type = schema?.type;
  if (type === 'integer') return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (type === 'boolean')
    return raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : raw;
  if (type === 'array') return raw.split(',').map((part) => coerce(part, schema?.items as Json | undefined));
  return raw;
}

export function validateQuery(operationId: string, query: Record<string, string>): string[] {
  const where = OPERATIONS[operationId];
  const params = (operation(operationId).parameters ?? []).filter((p) => p.in === 'query');
  const errors: string[] = [];
  for (const [name, raw] of Object.entries(query)) {
    const param = params.find((p) => p.name === name);
    if (!param) {
      errors.push(`query parameter "${name}" is not documented for ${operationId}`);
      continue;
    }
    errors.push(
      ...check(
        `${operationId} ?${name}`,
        param.schema ?? {},
        where?.spec ?? 'wtx',
        coerce(raw, param.schema),
        `?${name}`,
      ),
    );
  }
  return errors;
}

export function validateBody(operationId: string, body: unknown): string[] {
  const where = OPERATIONS[operationId];
  const op = operation(operationId);
  let schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) return body === undefined ? [] : [`${operationId} takes no body`];
  if (operationId === 'createOrderRefund') {
    // The refund request documents no line_items, the refund object does: WooCommerce takes them on create.
    const gerbrand = load().specs.gerbrand as {
      components: { schemas: Record<string, { properties: Json }> };
    };
    const refund = gerbrand.components.schemas.shop_order_refund;
    schema = {
      ...schema,
      properties: { ...(schema.properties as Json), line_items: refund?.properties.line_items },
    };
  }
  return check(`${operationId} body`, schema, where?.spec ?? 'wtx', body, 'body');
}
