/**
 * What a carrier fake can be told to do to the next requests of one operation: refuse with 429 or 500
 * before doing anything, or do the work and then never answer (the client times out not knowing).
 */
export type FaultKind = 'status_429' | 'status_500' | 'timeout_after_apply';

export class FaultPlan {
  private readonly queued = new Map<string, FaultKind[]>();
  private readonly downs = new Map<string, FaultKind>();

  /** Queues `kind` for the next `times` calls of `operation` (a fake's own operation name). */
  fail(operation: string, kind: FaultKind, times = 1): void {
    const list = this.queued.get(operation) ?? [];
    for (let i = 0; i < times; i++) list.push(kind);
    this.queued.set(operation, list);
  }

  /** Every call of `operation` fails with `kind` until `clear` (a carrier that is down). */
  down(operation: string, kind: FaultKind = 'status_500'): void {
    this.downs.set(operation, kind);
  }

  clear(): void {
    this.queued.clear();
    this.downs.clear();
  }

  take(operation: string): FaultKind | null {
    return this.queued.get(operation)?.shift() ?? this.downs.get(operation) ?? null;
  }
}

/** A response that never comes: the caller's own timeout has to end the wait. */
export function never(): Promise<Response> {
  return new Promise(() => {});
}
