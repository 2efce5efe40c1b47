import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseStockCsv, STOCK_COLUMNS } from './wire-schemas.js';

/**
 * Validation against the official Mirakl seller spec (`<repo>/../shared/specs/mirakl/`), for tests only:
 * the simulator itself must run without that file. Schemas are OpenAPI 3.1, i.e. JSON Schema 2020-12.
 */

export const SPEC_PATH = fileURLToPath(
  new URL('../../../../shared/specs/mirakl/mirakl-mmp-seller.json', import.meta.url),
);

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  schema?: Json;
}
interface Operation {
  operationId?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Json }> } | null;
  responses?: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

let loaded: { spec: Json; ajv: InstanceType<typeof Ajv2020>; ops: Map<string, Operation> } | null = null;
const compiled = new Map<string, ValidateFunction>();

function load() {
  if (loaded) return loaded;
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats' CJS default export needs unwrapping under ESM interop.
  const applyFormats = ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as (
    a: InstanceType<typeof Ajv2020>,
  ) => void;
  applyFormats(ajv);
  // Formats the spec uses that no standard defines: amounts ("with decimals") and file kinds.
  ajv.addFormat('with decimals', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  for (const format of ['JSON', 'PDF', 'cXML', 'binary']) ajv.addFormat(format, true);
  // Only the component schemas are registered; `#/components/...` refs are rewritten to point at them.
  ajv.addSchema({ $id: 'mirakl-spec', components: (spec.components as Json) ?? {} });
  const ops = new Map<string, Operation>();
  for (const methods of Object.values(spec.paths as Record<string, Record<string, Operation>>)) {
    for (const op of Object.values(methods)) if (op?.operationId) ops.set(op.operationId, op);
  }
  loaded = { spec, ajv, ops };
  return loaded;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'examples' || key === 'example') continue;
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `mirakl-spec${value}`
        : rewriteRefs(value);
  }
  return out;
}

function operation(operationId: string): Operation {
  const op = load().ops.get(operationId);
  if (!op) throw new Error(`operation ${operationId} is not in the Mirakl spec`);
  return op;
}

function validate(key: string, schema: Json, value: unknown): string[] {
  let fn = compiled.get(key);
  if (!fn) {
    fn = load().ajv.compile(rewriteRefs(schema) as Json);
    compiled.set(key, fn);
  }
  if (fn(value)) return [];
  return (fn.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}

/** The STO01 file columns as the spec's own text lists them (`"offer-sku";"quantity";…`). */
export function documentedStockColumns(): string[] {
  const body = operation('STO01').requestBody?.content?.['multipart/form-data']?.schema;
  const description = JSON.stringify(body ?? {});
  const match = /<code>((?:\\"[a-z-]+\\";?)+)<\/code>/.exec(description);
  return match?.[1] ? match[1].split(';').map((c) => c.replaceAll('\\"', '')) : [];
}

/**
 * Errors of a request body against the operation's request schema. STO01 takes the CSV text (or the
 * simulator's logged `{ file: { content } }`); OR24 takes no body at all.
 */
export function validateRequestBody(operationId: string, body: unknown): string[] {
  const op = operation(operationId);
  const content = op.requestBody?.content;
  if (!content) return body === undefined || body === null ? [] : [`${operationId} takes no request body`];
  if (content['multipart/form-data']) {
    const file = typeof body === 'string' ? body : (body as { file?: { content?: unknown } })?.file?.content;
    if (typeof file !== 'string') return ['the multipart part "file" is missing'];
    const documented = documentedStockColumns();
    if (documented.join(';') !== STOCK_COLUMNS.join(';')) {
      return [
        `the spec documents columns ${documented.join(';')}, the simulator knows ${STOCK_COLUMNS.join(';')}`,
      ];
    }
    const parsed = parseStockCsv(file);
    return parsed.ok ? [] : parsed.errors;
  }
  const schema = content['application/json']?.schema;
  if (!schema) return [`${operationId} has no JSON request schema`];
  return validate(`${operationId} request`, schema, body);
}

/** Errors of a response body against the schema the spec gives for that status (none expected for 204). */
export function validateResponse(operationId: string, status: number, body: unknown): string[] {
  const response = operation(operationId).responses?.[String(status)];
  if (!response) return [`${operationId} documents no ${status} response`];
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return body === undefined || body === null || body === '' ? [] : [`${status} has no body`];
  return validate(`${operationId} ${status}`, schema, body);
}

/** The spec's own example for a response, to show the validator is not too lenient. */
export function specExample(operationId: string, status: number): unknown {
  const content = operation(operationId).responses?.[String(status)]?.content?.['application/json'] as
    | { examples?: Record<string, { value?: unknown }> }
    | undefined;
  const first = Object.values(content?.examples ?? {})[0];
  return first?.value;
}

/**
 * Seek-paginated operations (their description says so) take these as well: the spec points to a shared
 * section for them that our copy does not carry.
 */
const SEEK_PARAMETERS: Record<string, Json> = {
  limit: { type: 'integer', minimum: 1 },
  page_token: { type: 'string', minLength: 1 },
  sort: { type: 'string' },
};

/** A query string value as the parameter's schema types it (exploded arrays arrive one value per key). */
function typedQueryValue(schema: Json, value: string): unknown {
  switch (schema.type) {
    case 'integer':
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'array':
      return [typedQueryValue((schema.items as Json) ?? {}, value)];
    default:
      return value;
  }
}

/** Errors of a request's query parameters: each must be one the operation declares, valid by its schema. */
export function validateQuery(operationId: string, query: Record<string, string>): string[] {
  const op = operation(operationId);
  const declared = new Map<string, Json>();
  for (const p of op.parameters ?? []) if (p.in === 'query') declared.set(p.name, p.schema ?? {});
  if (/seek pagination/i.test(op.description ?? ''))
    for (const [name, schema] of Object.entries(SEEK_PARAMETERS)) declared.set(name, schema);
  const errors: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    const schema = declared.get(name);
    if (!schema) {
      errors.push(`${operationId} has no query parameter '${name}'`);
      continue;
    }
    for (const e of validate(`${operationId} query ${name}`, schema, typedQueryValue(schema, value)))
      errors.push(`${name}: ${e}`);
  }
  return errors;
}
