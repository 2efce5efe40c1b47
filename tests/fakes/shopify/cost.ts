import type { OperationDefinitionNode, SelectionSetNode, ValueNode } from 'graphql';

/**
 * Shopify's cost model, simplified: an object field costs 1, a field paged by `first` costs 2 + first ×
 * its node, scalars are free, a mutation adds 10; no single query may ask for more than 1,000 points.
 * The actual cost charged is the number of objects answered. Requests draw from a leaky bucket that refills at
 * `restoreRate` points per second; a request that costs more than the bucket holds is THROTTLED and not
 * executed.
 */

function intArg(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === 'IntValue') return Number(value.value);
  if (value.kind === 'Variable') {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

function selectionCost(set: SelectionSetNode | undefined, variables: Record<string, unknown>): number {
  if (!set) return 0;
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind !== 'Field' || !selection.selectionSet) continue;
    const first = intArg(selection.arguments?.find((a) => a.name.value === 'first')?.value, variables);
    const child = selectionCost(selection.selectionSet, variables);
    cost += first === null ? 1 + child : 2 + first * child;
  }
  return cost;
}

export function requestedCost(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const base = operation.operation === 'mutation' ? 10 : 0;
  return Math.max(1, base + selectionCost(operation.selectionSet, variables));
}

export interface Bucket {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
  at: number;
}

export function refill(bucket: Bucket, nowMs: number): void {
  const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
  bucket.currentlyAvailable = Math.min(
    bucket.maximumAvailable,
    bucket.currentlyAvailable + elapsed * bucket.restoreRate,
  );
  bucket.at = nowMs;
}

export function costExtension(bucket: Bucket, requested: number, actual: number | null) {
  return {
    cost: {
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: {
        maximumAvailable: bucket.maximumAvailable,
        currentlyAvailable: Math.floor(bucket.currentlyAvailable),
        restoreRate: bucket.restoreRate,
      },
    },
  };
}

export const MAX_QUERY_COST = 1000;

/** Objects in the answer: what the query really cost once executed. */
export function actualCost(data: unknown): number {
  if (Array.isArray(data)) return data.reduce((sum: number, item) => sum + actualCost(item), 0);
  if (!data || typeof data !== 'object') return 0;
  return 1 + Object.values(data).reduce((sum: number, v) => sum + actualCost(v), 0);
}
