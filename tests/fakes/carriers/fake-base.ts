import type { Context } from 'hono';
import { type FaultKind, FaultPlan, never } from './faults.js';
import type { SpecValidator } from './openapi-validator.js';

export interface ReceivedCall {
  operation: string;
  method: string;
  path: string;
  body: unknown;
  status: number;
}

/**
 * What every carrier fake shares: the calls it received (with the status it gave), the spec errors it
 * found in requests (answered 400) and in its own responses (collected: a test asserts there are none),
 * and the fault plan.
 */
export class FakeRecorder {
  readonly received: ReceivedCall[] = [];
  readonly requestErrors: { operation: string; errors: string[] }[] = [];
  readonly responseErrors: { operation: string; errors: string[] }[] = [];
  readonly faults = new FaultPlan();

  /** One validator, or several by name: a spec path `track|/track/v1/…` uses the one named `track`. */
  constructor(private readonly specs: SpecValidator | Record<string, SpecValidator>) {}

  private pick(specPath: string): [SpecValidator, string] {
    const bar = specPath.indexOf('|');
    if (typeof (this.specs as SpecValidator).request === 'function')
      return [this.specs as SpecValidator, specPath];
    const named = this.specs as Record<string, SpecValidator>;
    const spec = named[bar < 0 ? 'default' : specPath.slice(0, bar)];
    if (!spec) throw new Error(`no spec for ${specPath}`);
    return [spec, specPath.slice(bar + 1)];
  }

  /** Request body errors against the spec; recorded, so tests can show what we sent wrong. */
  checkRequest(
    operation: string,
    method: string,
    specPath: string,
    body: unknown,
    mediaType?: string,
  ): string[] {
    const [spec, path] = this.pick(specPath);
    const errors = spec.request(method, path, body, mediaType);
    if (errors.length > 0) this.requestErrors.push({ operation, errors });
    return errors;
  }

  /** Answers JSON after checking it against the spec's schema for that status. */
  json(
    c: Context,
    call: Omit<ReceivedCall, 'status'>,
    specPath: string,
    status: number,
    body: unknown,
  ): Response {
    const [spec, path] = this.pick(specPath);
    const errors = spec.response(call.method, path, status, body);
    if (errors.length > 0) this.responseErrors.push({ operation: call.operation, errors });
    this.received.push({ ...call, status });
    return c.json(body as object, status as 200);
  }

  raw(call: Omit<ReceivedCall, 'status'>, status: number, body: BodyInit, contentType: string): Response {
    this.received.push({ ...call, status });
    return new Response(body, { status, headers: { 'content-type': contentType } });
  }

  /**
   * Applies a queued fault for `operation`. Refusals answer before `apply` runs; a timeout runs `apply`
   * and then never answers. Returns null when no fault is queued (the caller answers normally).
   */
  async fault(
    operation: string,
    call: Omit<ReceivedCall, 'status'>,
    refusal: (status: 429 | 500) => Response,
    apply: () => Promise<unknown>,
  ): Promise<Response | null> {
    const kind: FaultKind | null = this.faults.take(operation);
    if (!kind) return null;
    if (kind === 'timeout_after_apply') {
      await apply();
      this.received.push({ ...call, status: 0 });
      return never();
    }
    const status = kind === 'status_429' ? 429 : 500;
    this.received.push({ ...call, status });
    return refusal(status);
  }
}

export function basicCredentials(header: string | undefined): [string, string] | null {
  const match = /^Basic (.+)$/.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  return at < 0 ? null : [decoded.slice(0, at), decoded.slice(at + 1)];
}
