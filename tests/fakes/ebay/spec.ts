import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validation against eBay's published Sell Fulfillment and Sell Inventory OAS3 files (shared/specs/ebay).
 * OpenAPI 3.0 schemas are read by ajv as JSON Schema (`nullable` and other OAS words are ignored).
 * eBay's schemas mark almost nothing required, so request bodies are checked strictly on top: a
 * property the spec does not define is an error (we must not send fields eBay does not know).
 */

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Json;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

const FILES = {
  fulfillment: '../../../../shared/specs/ebay/sell_fulfillment_v1_oas3.json',
  inventory: '../../../../shared/specs/ebay/sell_inventory_v1_oas3.json',
};

let loaded: {
  ajv: Ajv;
  ops: Map<string, { op: Operation; specId: string }>;
  specs: Record<string, Json>;
} | null = null;
const compiled = new Map<string, ValidateFunction>();

export function loadEbaySpecs() {
  if (loaded) return loaded;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats)(ajv);
  const ops = new Map<string, { op: Operation; specId: string }>();
  const specs: Record<string, Json> = {};
  for (const [name, rel] of Object.entries(FILES)) {
    const spec = JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8')) as Json;
    const specId = `ebay-${name}`;
    specs[name] = spec;
    ajv.addSchema({ $id: specId, components: rewrite(spec.components, specId, false) });
    for (const methods of Object.values(spec.paths as Record<string, Record<string, Operation>>)) {
      for (const op of Object.values(methods)) if (op?.operationId) ops.set(op.operationId, { op, specId });
    }
  }
  ajv.addSchema({
    $id: 'ebay-fulfillment-strict',
    components: rewrite(specs.fulfillment?.components, 'ebay-fulfillment-strict', true),
  });
  ajv.addSchema({
    $id: 'ebay-inventory-strict',
    components: rewrite(specs.inventory?.components, 'ebay-inventory-strict', true),
  });
  loaded = { ajv, ops, specs };
  return loaded;
}

/** Points `#/components/…` refs at the registered spec; `strict` closes every object that lists properties. */
function rewrite(node: unknown, specId: string, strict: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, specId, strict));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'description') continue;
    out[key] =
      key === '$ref' && typeof value === 'string'
        ? `${specId}${value}`
        : key === 'properties'
          ? mapValues(value as Json, specId, strict)
          : rewrite(value, specId, strict);
  }
  if (strict && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}
const mapValues = (o: Json, specId: string, strict: boolean) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, rewrite(v, specId, strict)]));

function operation(operationId: string) {
  const found = loadEbaySpecs().ops.get(operationId);
  if (!found) throw new Error(`operation ${operationId} is not in the eBay specs`);
  return found;
}

function check(key: string, schema: unknown, value: unknown, specId: string, where: string): string[] {
  let fn = compiled.get(key);
  if (!fn) {
    fn = loadEbaySpecs().ajv.compile(rewrite(schema, specId, false) as Json);
    compiled.set(key, fn);
  }
  if (fn(value)) return [];
  return (fn.errors ?? []).map((e) => `${where}${e.instancePath} ${e.message ?? 'is invalid'}`);
}

export function validateEbayRequest(
  operationId: string,
  req: { query: Record<string, string>; headers: Record<string, string | undefined>; body: unknown },
): string[] {
  const { op, specId } = operation(operationId);
  const errors: string[] = [];
  const params = op.parameters ?? [];
  const queryNames = new Set(params.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of Object.keys(req.query))
    if (!queryNames.has(name)) errors.push(`query ${name} is not a parameter of ${operationId}`);
  for (const p of params) {
    if (p.in === 'path') continue;
    const value = p.in === 'query' ? req.query[p.name] : req.headers[p.name.toLowerCase()];
    if (value === undefined) {
      if (p.required) errors.push(`${p.in} ${p.name} is required`);
    } else
      errors.push(...check(`${operationId} ${p.name}`, p.schema ?? {}, value, specId, `${p.in} ${p.name}`));
  }
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) {
    if (req.body !== undefined) errors.push(`${operationId} takes no body`);
  } else if (req.body === undefined) errors.push('body is required');
  else
    errors.push(
      ...check(`${operationId} body strict`, { $ref: schema.$ref }, req.body, `${specId}-strict`, 'body'),
    );
  return errors;
}

export function validateEbayResponse(operationId: string, status: number, body: unknown): string[] {
  const { op, specId } = operation(operationId);
  const response = op.responses[String(status)];
  if (!response) return [`${operationId} documents no ${status} response`];
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return [];
  return check(`${operationId} ${status}`, schema, body, specId, 'response');
}
