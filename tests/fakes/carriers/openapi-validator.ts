import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { type Json, loadSpec } from './load-spec.js';

/**
 * Validates bodies against one OpenAPI 3.0 document with ajv (draft-07 semantics, which is what
 * OpenAPI 3.0 schemas are). Only the component schemas are registered, `#/components/…` refs are
 * rewritten to point at them, and a schema is compiled the first time an operation uses it — the
 * Sendcloud file is a megabyte and most of it is never needed.
 */

interface MediaType {
  schema?: Json;
}
interface Operation {
  requestBody?: { content?: Record<string, MediaType>; $ref?: string };
  responses?: Record<string, { content?: Record<string, MediaType>; $ref?: string }>;
}

export interface SpecValidator {
  /** Errors of a JSON request body (empty when valid). */
  request(method: string, path: string, body: unknown, mediaType?: string): string[];
  /** Errors of a response body for `status` (a status the spec does not document is an error too). */
  response(method: string, path: string, status: number, body: unknown): string[];
}

/**
 * `errata` may correct a spec where it contradicts itself (each use says where and why); it receives a
 * copy, so the file as published stays what other validators see.
 */
export function createSpecValidator(specFile: string, errata?: (spec: Json) => void): SpecValidator {
  const spec = errata ? (structuredClone(loadSpec(specFile)) as Json) : loadSpec(specFile);
  errata?.(spec);
  const id = `spec:${specFile}`;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  const applyFormats = ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as (
    a: Ajv,
  ) => void;
  applyFormats(ajv);
  ajv.addSchema({ $id: id, components: rewriteRefs(spec.components ?? {}, id) as Json });
  const compiled = new Map<string, ValidateFunction>();
  const paths = spec.paths as Record<string, Record<string, Operation>>;

  function operation(method: string, path: string): Operation {
    const op = paths[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`${method} ${path} is not in ${specFile}`);
    return op;
  }
  function deref<T>(node: T & { $ref?: string }): T {
    if (!node.$ref) return node;
    const parts = node.$ref.replace(/^#\//, '').split('/');
    let at: unknown = spec;
    for (const part of parts) at = (at as Json)[part];
    return at as T;
  }
  function check(key: string, schema: Json, value: unknown): string[] {
    let fn = compiled.get(key);
    if (!fn) {
      fn = ajv.compile(rewriteRefs(schema, id) as Json);
      compiled.set(key, fn);
    }
    if (fn(value)) return [];
    return (fn.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  }
  function pick(content: Record<string, MediaType> | undefined, mediaType?: string): Json | undefined {
    if (!content) return undefined;
    if (mediaType) return content[mediaType]?.schema;
    return (content['application/json'] ?? content['application/problem+json'])?.schema;
  }

  return {
    request(method, path, body, mediaType) {
      const requestBody = operation(method, path).requestBody;
      const schema = pick(requestBody ? deref(requestBody).content : undefined, mediaType);
      if (!schema) return [`${method} ${path} documents no request body`];
      return check(`${method} ${path} request ${mediaType ?? ''}`, schema, body);
    },
    response(method, path, status, body) {
      const documented = operation(method, path).responses?.[String(status)];
      if (!documented) return [`${method} ${path} documents no ${status} response`];
      const schema = pick(deref(documented).content);
      if (!schema) return body === undefined || body === null || body === '' ? [] : [`${status} has no body`];
      return check(`${method} ${path} ${status}`, schema, body);
    },
  };
}

function rewriteRefs(node: unknown, id: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, id));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  const source = node as Json;
  for (const [key, value] of Object.entries(node)) {
    // OpenAPI 3.0 writes exclusive bounds as booleans beside minimum/maximum (draft-04); draft-07 wants numbers.
    if ((key === 'exclusiveMaximum' || key === 'exclusiveMinimum') && typeof value === 'boolean') {
      const bound = key === 'exclusiveMaximum' ? 'maximum' : 'minimum';
      if (value && typeof source[bound] === 'number') out[key] = source[bound];
      continue;
    }
    // Examples are data, not schema; some carry keys ajv would read as keywords.
    if (key === 'example' || key === 'examples' || key === 'discriminator') continue;
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${id}${value}`
        : rewriteRefs(value, id);
  }
  return out;
}
