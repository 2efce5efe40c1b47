import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validation against the official SP-API Orders v0 model (`<repo>/../shared/specs/amazon/ordersV0.json`).
 * The file is Swagger 2.0: its `definitions` are JSON Schema draft-04 objects, which ajv's draft-07
 * validator reads the same way as long as no draft-04-only keyword (boolean exclusiveMinimum/Maximum,
 * `id`) appears — checked in the spec test. Parameters are Swagger 2.0 "non-body" parameters (type,
 * items, enum, maxItems on the parameter itself): each is turned into a small schema and validated
 * after the query string is split the way Swagger's default `collectionFormat: csv` says.
 */

export const SPEC_PATH = fileURLToPath(
  new URL('../../../../shared/specs/amazon/ordersV0.json', import.meta.url),
);

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'query' | 'path' | 'body' | 'header';
  required?: boolean;
  type?: string;
  items?: Json;
  schema?: Json;
  collectionFormat?: string;
  [key: string]: unknown;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  responses: Record<string, { schema?: Json }>;
}

let loaded: { spec: Json; ajv: Ajv; ops: Map<string, Operation> } | null = null;
const compiled = new Map<string, ValidateFunction>();

export function loadSpec() {
  if (loaded) return loaded;
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats)(ajv);
  ajv.addSchema({ $id: 'amazon-orders-v0', definitions: rewriteRefs(spec.definitions) });
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
    if (key === 'example' || key === 'x-docgen-enum-table-extension') continue;
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `amazon-orders-v0${value}`
        : rewriteRefs(value);
  }
  return out;
}

export function operation(operationId: string): Operation {
  const op = loadSpec().ops.get(operationId);
  if (!op) throw new Error(`operation ${operationId} is not in the Orders v0 spec`);
  return op;
}

function check(key: string, schema: unknown, value: unknown, where: string): string[] {
  let fn = compiled.get(key);
  if (!fn) {
    fn = loadSpec().ajv.compile(rewriteRefs(schema) as Json);
    compiled.set(key, fn);
  }
  if (fn(value)) return [];
  return (fn.errors ?? []).map((e) => `${where}${e.instancePath} ${e.message ?? 'is invalid'}`);
}

/** A query value as the parameter's type says (strings stay strings so the schema can reject them). */
function coerce(param: Parameter, text: string): unknown {
  if (param.type === 'array') return text.split(param.collectionFormat === 'pipes' ? '|' : ',');
  if (param.type === 'integer' || param.type === 'number')
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (param.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

export interface SentRequest {
  query: Record<string, string>;
  path: Record<string, string>;
  body: unknown;
}

/** Every problem with a request we sent: unknown or missing parameters, bad values, a bad body. */
export function validateRequest(operationId: string, req: SentRequest): string[] {
  const params = operation(operationId).parameters ?? [];
  const errors: string[] = [];
  const known = new Set(params.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of Object.keys(req.query))
    if (!known.has(name)) errors.push(`query ${name} is not a parameter of ${operationId}`);
  for (const param of params) {
    if (param.in === 'header') continue;
    if (param.in === 'body') {
      if (req.body === undefined) {
        if (param.required) errors.push(`body is required`);
      } else errors.push(...check(`${operationId} body`, param.schema, req.body, 'body'));
      continue;
    }
    const text = param.in === 'query' ? req.query[param.name] : req.path[param.name];
    if (text === undefined) {
      if (param.required) errors.push(`${param.in} ${param.name} is required`);
      continue;
    }
    const { name: _n, in: _i, required: _r, description: _d, collectionFormat: _c, ...schema } = param;
    errors.push(
      ...check(`${operationId} ${param.name}`, schema, coerce(param, text), `${param.in} ${param.name}`),
    );
  }
  if (!params.some((p) => p.in === 'body') && req.body !== undefined)
    errors.push(`${operationId} takes no body`);
  return errors;
}

/** Errors of a response body against the schema the spec gives for that status. */
export function validateResponse(operationId: string, status: number, body: unknown): string[] {
  const response = operation(operationId).responses[String(status)];
  if (!response) return [`${operationId} documents no ${status} response`];
  if (!response.schema) return body === undefined ? [] : [`${operationId} ${status} has no body`];
  return check(`${operationId} ${status}`, response.schema, body, 'response');
}
