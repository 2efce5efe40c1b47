import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

/**
 * Reads an official carrier spec from `<repo>/../shared/specs/` (tests only; nothing at run time needs
 * these files). JSON is parsed as is. The YAML files are not all valid YAML 1.2 as published: UPS's
 * Shipping.yaml indents quoted descriptions with TABs and continues one quoted description at its key's
 * own indentation, and the DHL file ends lines with TABs. Those are whitespace repairs inside
 * descriptions only; no schema keyword is touched.
 */

export type Json = Record<string, unknown>;

const SPECS_ROOT = new URL('../../../../shared/specs/', import.meta.url);

export function specPath(relative: string): string {
  return fileURLToPath(new URL(relative, SPECS_ROOT));
}

const cache = new Map<string, Json>();

export function loadSpec(relative: string): Json {
  const hit = cache.get(relative);
  if (hit) return hit;
  const text = readFileSync(specPath(relative), 'utf8');
  const spec = relative.endsWith('.json') ? (JSON.parse(text) as Json) : parseYaml(text);
  cache.set(relative, spec);
  return spec;
}

function parseYaml(raw: string): Json {
  const text = repairQuotedContinuations(
    raw.replace(/\r\n/g, '\n').replace(/\t/g, '    ').replace(/[ ]+$/gm, ''),
  );
  const doc = YAML.parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) {
    throw new Error(`cannot read ${doc.errors.map((e) => `${e.code} at line ${e.linePos?.[0]?.line}`)}`);
  }
  return doc.toJS({ maxAliasCount: -1 }) as Json;
}

/** A quoted scalar left open on its key's line gets its next lines indented past the key. */
function repairQuotedContinuations(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)[\w$-]+: (['"])(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', quote = "'", rest = ''] = open;
    if (isClosed(rest, quote)) continue;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      const depth = line.length - line.trimStart().length;
      if (line.trim() !== '' && depth <= indent.length) lines[j] = `${indent}  ${line.trimStart()}`;
      if (isClosed(line, quote)) {
        i = j;
        break;
      }
    }
  }
  return lines.join('\n');
}

function isClosed(fragment: string, quote: string): boolean {
  if (quote === "'") return /'(?!')\s*$/.test(fragment.replace(/''/g, ''));
  return /(?<!\\)"\s*$/.test(fragment);
}
