import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  buildClientSchema,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  type IntrospectionQuery,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';

/**
 * The Admin API 2025-01 schema, built from Shopify's own introspection result
 * (`<repo>/../shared/specs/shopify/`). Every document the fake receives is parsed and validated against
 * it, and its variables are coerced against the declared input types, exactly as a GraphQL server does
 * before executing anything.
 */

export const SCHEMA_PATH = fileURLToPath(
  new URL('../../../../shared/specs/shopify/admin_schema_2025-01.json.gz', import.meta.url),
);

let schema: GraphQLSchema | null = null;

export function adminSchema(): GraphQLSchema {
  if (schema) return schema;
  const raw = JSON.parse(gunzipSync(readFileSync(SCHEMA_PATH)).toString('utf8')) as
    | { data: IntrospectionQuery }
    | IntrospectionQuery;
  schema = buildClientSchema('data' in raw ? raw.data : raw);
  return schema;
}

export type CheckedRequest =
  | {
      ok: true;
      document: DocumentNode;
      operation: OperationDefinitionNode;
      variables: Record<string, unknown>;
      rootFields: string[];
    }
  | { ok: false; errors: string[]; rootFields: string[] };

function rootFieldsOf(operation: OperationDefinitionNode | null | undefined): string[] {
  if (!operation) return [];
  return operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
}

/** Parse + validate the document, then coerce the variables: the errors a real server would answer. */
export function checkRequest(
  query: unknown,
  variables: unknown,
  operationName?: string | null,
): CheckedRequest {
  if (typeof query !== 'string') return { ok: false, errors: ['"query" must be a string'], rootFields: [] };
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (err) {
    return { ok: false, errors: [(err as GraphQLError).message], rootFields: [] };
  }
  const operation = getOperationAST(document, operationName ?? undefined);
  const rootFields = rootFieldsOf(operation);
  const invalid = validate(adminSchema(), document);
  if (invalid.length > 0) return { ok: false, errors: invalid.map((e) => e.message), rootFields };
  if (!operation) return { ok: false, errors: ['the document must hold exactly one operation'], rootFields };
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  )
    return { ok: false, errors: ['"variables" must be an object'], rootFields };
  const coerced = getVariableValues(
    adminSchema(),
    operation.variableDefinitions ?? [],
    (variables ?? {}) as Record<string, unknown>,
  );
  if (coerced.errors) return { ok: false, errors: coerced.errors.map((e) => e.message), rootFields };
  return { ok: true, document, operation, variables: coerced.coerced, rootFields };
}
