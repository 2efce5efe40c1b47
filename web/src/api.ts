import { type ClientResponse, hc } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../api/app.js';

/**
 * The one way the web app talks to the API. The session is an HttpOnly cookie; every write must carry
 * X-Requested-With (the API's CSRF rule), so the header is set once here for every call.
 */
export const client = hc<AppType>('/', {
  headers: { 'X-Requested-With': 'fetch' },
  init: { credentials: 'same-origin' },
});

/** An API failure as the problem+json body describes it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly requestId: string | null = null,
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

type AnyResponse = ClientResponse<unknown, number, string>;
/** The body of the success responses of a typed call (problem responses left out). */
export type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never;

/** Turns a non-2xx response into an ApiError carrying the problem's `code` and `detail`. */
export async function toApiError(res: Pick<Response, 'status' | 'headers' | 'text'>): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<{
      code: string;
      detail: string;
      requestId: string;
      errors: unknown;
    }>;
    const errors = Array.isArray(body.errors) ? (body.errors as { path: string; message: string }[]) : [];
    return new ApiError(
      res.status,
      body.code ?? `http_${res.status}`,
      body.detail ?? text,
      body.requestId ?? null,
      errors,
    );
  } catch {
    return new ApiError(res.status, `http_${res.status}`, text || `HTTP ${res.status}`);
  }
}

/** Awaits a typed call and returns its success body, or throws an ApiError. */
export async function call<R extends AnyResponse>(request: Promise<R>): Promise<SuccessBody<R>> {
  const res = await request;
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as SuccessBody<R>;
  return (await res.json()) as SuccessBody<R>;
}
