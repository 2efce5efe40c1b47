import { ChannelError } from './connector.js';

/**
 * The one HTTP path every connector takes, so retry classification is the same for every channel:
 * 429 and 5xx are retryable, other 4xx are not, a network failure before the request left is retryable,
 * and a write that timed out is ambiguous (it may have been applied: read the channel back first).
 * Nothing here logs; error messages carry the method, the path and the channel's own message, never
 * headers (credentials) or request bodies (buyer addresses).
 */

/** Global fetch, or anything shaped like it; Hono's `app.request` (which may answer synchronously) fits too. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response> | Response;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  /** Serialised as JSON with a JSON content type. */
  json?: unknown;
  /** Sent as is (FormData, text…); the runtime sets the content type for FormData. */
  body?: BodyInit;
  timeoutMs?: number;
}

export interface HttpOptions {
  /** Channel name for error messages ("mirakl"). */
  channel: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Socket errors that mean the request never reached the server, so even a write is safe to retry. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function isWrite(method: HttpMethod): boolean {
  return method !== 'GET';
}

function describe(req: HttpRequest): string {
  // The query string may carry identifiers we do not want in logs; the path is enough to debug.
  const path = (() => {
    try {
      return new URL(req.url).pathname;
    } catch {
      return '(invalid url)';
    }
  })();
  return `${req.method} ${path}`;
}

function errorCode(err: unknown): string | null {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Rejects when the signal fires, so an injected fetch that ignores the signal still times out. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

async function channelMessage(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message.slice(0, 300);
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return text.slice(0, 300);
}

function classifyStatus(req: HttpRequest, status: number, channel: string, message: string): ChannelError {
  const what = `${channel} ${describe(req)} answered ${status}${message ? `: ${message}` : ''}`;
  if (status === 429) return new ChannelError(what, 'channel_rate_limited', true, false, status);
  if (status >= 500) {
    // 503 is a refusal before processing; other 5xx on a write may come after the change was applied.
    const ambiguous = isWrite(req.method) && status !== 503;
    return new ChannelError(what, 'channel_unavailable', true, ambiguous, status);
  }
  if (status === 401 || status === 403)
    return new ChannelError(what, 'channel_unauthorized', false, false, status);
  if (status === 404) return new ChannelError(what, 'channel_not_found', false, false, status);
  return new ChannelError(what, 'channel_rejected', false, false, status);
}

/** Sends a request; resolves with the response when it is 2xx, throws a classified ChannelError otherwise. */
export async function requestRaw(req: HttpRequest, options: HttpOptions): Promise<Response> {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  let body: BodyInit | undefined = req.body;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  }

  let res: Response;
  try {
    res = await Promise.race([
      doFetch(req.url, { method: req.method, headers, body, signal }),
      whenAborted(signal),
    ]);
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      const ambiguous = isWrite(req.method);
      const what = `${options.channel} ${describe(req)} timed out after ${timeoutMs} ms`;
      return Promise.reject(new ChannelError(what, 'channel_timeout', true, ambiguous, null));
    }
    const code = errorCode(err);
    const notSent = code !== null && NOT_SENT_CODES.has(code);
    const what = `${options.channel} ${describe(req)} failed: ${code ?? (err instanceof Error ? err.message : 'network error')}`;
    throw new ChannelError(what, 'channel_network', true, !notSent && isWrite(req.method), null);
  }
  if (res.ok) return res;
  throw classifyStatus(req, res.status, options.channel, await channelMessage(res));
}

/** Like requestRaw, then parses the JSON body (undefined for 204 or an empty body). */
export async function requestJson<T = unknown>(req: HttpRequest, options: HttpOptions): Promise<T> {
  return readJson<T>(await requestRaw(req, options), req, options.channel);
}

/** The JSON body of a 2xx answer (undefined for 204 or an empty body). */
export async function readJson<T = unknown>(res: Response, req: HttpRequest, channel: string): Promise<T> {
  const text = await res.text();
  if (res.status === 204 || text.trim() === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ChannelError(
      `${channel} ${describe(req)} answered ${res.status} with a body that is not JSON`,
      'channel_bad_response',
      true,
      false,
      res.status,
    );
  }
}
