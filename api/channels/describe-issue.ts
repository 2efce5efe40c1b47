import type { z } from 'zod';

/** `order_lines[0].offer_sku`: the field as the channel's own JSON names it. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Why a channel's order could not be mapped, in words the desk understands: the field, what was wrong,
 * and the value received. Every connector's mapper uses it, so parked orders read alike whatever the
 * channel. Pass the raw payload to quote the value that was sent.
 */
export function describeIssue(issue: z.core.$ZodIssue, raw?: unknown): string {
  const field = pathText(issue.path);
  const value = raw === undefined ? undefined : valueAt(raw, issue.path);
  const isMissing =
    raw === undefined
      ? issue.code === 'invalid_type' && /received (undefined|null)/.test(issue.message)
      : value === undefined || value === null;
  if (isMissing) return `${field} is missing`;
  const got = raw === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  if (issue.path.at(-1) === 'quantity') return `${field} must be a positive integer${got}`;
  if (value === '') return `${field} is empty`;
  return raw === undefined ? `${field}: ${issue.message}` : `${field} ${issue.message.toLowerCase()}${got}`;
}
