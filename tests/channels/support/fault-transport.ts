import type { FetchLike } from '../../../api/channels/http.js';
import { seededRandom } from '../../fakes/amazon/random.js';

/**
 * A network between the connectors and the fakes that fails a share of the calls, the ways marketplaces
 * fail: 429 with Retry-After (in seconds or as an HTTP date), 5xx (a 500 on a write after the fake has
 * applied it; 502/503 before), and timeouts after the write was applied (the answer never comes: the
 * caller's own timeout fires). Every fault is recorded so a test can hold the log to account for it.
 */
export type FaultKind = 'rate_limited' | 'server_error' | 'timeout';

export interface InjectedFault {
  channel: string;
  kind: FaultKind;
  status: number | null;
  method: string;
  path: string;
  /** The fake received and applied the request before the failure. */
  applied: boolean;
}

export interface FaultTransportOptions {
  /** Share of calls that fail, 0–1. */
  rate: number;
  seed: number;
  channelOf: (url: string) => string;
  /** Sees every answer that reaches the caller untouched (a clone: the caller still reads the body). */
  onDelivered?: (channel: string, req: { method: string; url: string }, res: Response) => Promise<void>;
}

export function createFaultTransport(inner: FetchLike, options: FaultTransportOptions) {
  const rng = seededRandom(options.seed);
  const faults: InjectedFault[] = [];
  let calls = 0;
  let isEnabled = true;

  const fetch: FetchLike = async (input, init) => {
    calls++;
    if (!isEnabled || rng() >= options.rate) {
      const res = await inner(input, init);
      await options.onDelivered?.(
        options.channelOf(input),
        { method: (init.method ?? 'GET').toUpperCase(), url: input },
        res.clone(),
      );
      return res;
    }
    const method = (init.method ?? 'GET').toUpperCase();
    const path = new URL(input).pathname;
    const channel = options.channelOf(input);
    const isWrite = method !== 'GET';
    const pick = rng();
    if (pick < 1 / 3) {
      faults.push({ channel, kind: 'rate_limited', status: 429, method, path, applied: false });
      // Half say "0 seconds", half give an HTTP date one second ahead (both forms of the header).
      const retryAfter = rng() < 0.5 ? '0' : new Date(Date.now() + 1000).toUTCString();
      return new Response(JSON.stringify({ message: 'Too many requests (injected)' }), {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': retryAfter },
      });
    }
    if (pick < 2 / 3) {
      const status = isWrite && rng() < 0.5 ? 500 : rng() < 0.5 ? 502 : 503;
      const applied = status === 500;
      if (applied) await (await inner(input, init)).arrayBuffer();
      faults.push({ channel, kind: 'server_error', status, method, path, applied });
      return new Response(JSON.stringify({ message: `Injected ${status}` }), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }
    faults.push({ channel, kind: 'timeout', status: null, method, path, applied: true });
    await (await inner(input, init)).arrayBuffer();
    // The answer is lost: only the caller's timeout ends the wait.
    return new Promise<Response>((_, reject) => {
      const signal = init.signal;
      if (!signal) return;
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };

  return {
    fetch,
    faults,
    get calls() {
      return calls;
    },
    /** Stops injecting (the end of a test reads the fakes without faults). */
    stop() {
      isEnabled = false;
    },
  };
}
