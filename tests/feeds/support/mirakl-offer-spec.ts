import { readFileSync } from 'node:fs';
import { SPEC_PATH } from '../../fakes/mirakl/spec.js';

/**
 * Checks of the offer-import calls against the Mirakl seller spec itself (the fake has its own copy of
 * the rules): OF01's multipart parts, its `import_mode` values, the CSV columns its file description and
 * example list, and the parameters of OF02 / OF03.
 */

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string };
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Json; examples?: Record<string, { value?: Json }> }> };
}

let spec: { paths: Record<string, Record<string, Operation>> } | null = null;
const load = () => {
  spec ??= JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
    paths: Record<string, Record<string, Operation>>;
  };
  return spec;
};

function checkParameters(op: Operation, url: URL, pathParams: Record<string, string>): string[] {
  const errors: string[] = [];
  const params = op.parameters ?? [];
  for (const name of url.searchParams.keys())
    if (!params.some((p) => p.in === 'query' && p.name === name))
      errors.push(`query ${name} is not a parameter`);
  for (const p of params) {
    const value =
      p.in === 'path' ? pathParams[p.name] : p.in === 'query' ? url.searchParams.get(p.name) : null;
    if (value === undefined || value === null) {
      if (p.required) errors.push(`${p.in} ${p.name} is required`);
    } else if (p.schema?.type === 'integer' && !/^-?\d+$/.test(value))
      errors.push(`${p.in} ${p.name} must be an integer, not ${value}`);
  }
  return errors;
}

const cellsOf = (line: string) => line.split(';').map((c) => c.trim().replace(/^"|"$/g, ''));

/** Errors of an OF01 upload (URL and multipart parts as text) against the spec. */
export function validateOf01Request(url: URL, form: Record<string, string>): string[] {
  const op = load().paths['/api/offers/imports']!.post!;
  const content = op.requestBody!.content!['multipart/form-data']!;
  const schema = content.schema as { properties: Record<string, Json>; required: string[] };
  const errors = checkParameters(op, url, {});
  for (const name of schema.required) if (!(name in form)) errors.push(`part ${name} is required`);
  for (const [name, value] of Object.entries(form)) {
    const property = schema.properties[name];
    if (!property) errors.push(`part ${name} is not in the spec`);
    else if (property.type === 'boolean' && value !== 'true' && value !== 'false')
      errors.push(`part ${name} must be true or false`);
  }
  // "Enum: `"NORMAL"`, `"REPLACE"`", then the deprecated values in a <details> block.
  const modeText = String(schema.properties.import_mode?.description ?? '').split('<details>')[0]!;
  const modes = [...modeText.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]);
  if (modes.length === 0) errors.push('the spec lists no import_mode');
  if (form.import_mode !== undefined && !modes.includes(form.import_mode))
    errors.push(`import_mode ${form.import_mode} is not one of ${modes.join(', ')}`);
  // The columns of the file description and of the example's header.
  const described = /<pre>([^<]+)<\/pre>/.exec(String(schema.properties.file?.description ?? ''))?.[1] ?? '';
  const example = String(Object.values(content.examples ?? {})[0]?.value?.file ?? '').split('\n')[0] ?? '';
  const documented = new Set([...cellsOf(described), ...cellsOf(example)]);
  const header = cellsOf((form.file ?? '').split(/\r?\n/)[0] ?? '');
  for (const column of header) if (!documented.has(column)) errors.push(`column ${column} is not documented`);
  return errors;
}

/** Errors of an OF02 or OF03 call (`/api/offers/imports/{import}[/error_report]`) against the spec. */
export function validateOfImportRead(url: URL): string[] {
  const match = /^\/api\/offers\/imports\/([^/]+)(\/error_report)?$/.exec(url.pathname);
  if (!match) return [`${url.pathname} is neither OF02 nor OF03`];
  const path = match[2] ? '/api/offers/imports/{import}/error_report' : '/api/offers/imports/{import}';
  return checkParameters(load().paths[path]!.get!, url, { import: match[1]! });
}
