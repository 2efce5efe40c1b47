/** Per-request latency and status, grouped by route (method + path with its ids as `{id}`). */
export interface RouteStats {
  route: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: Record<string, number>;
}

export interface Reply {
  status: number;
  body: unknown;
}

// Public ids carry a prefix (`ord_…`, `box_…`); the channel's own order ids and numbers are ids too.
const idSegment = /^([a-z]{3}_[A-Za-z0-9_-]+|\d+|[A-Z0-9]+-[A-Za-z0-9-]+)$/;

export function routeOf(method: string, path: string): string {
  const bare = path.split('?')[0]!;
  return `${method} ${bare
    .split('/')
    .map((s) => (idSegment.test(s) ? '{id}' : s))
    .join('/')}`;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

export class Recorder {
  private samples = new Map<string, number[]>();
  private errors = new Map<string, Map<string, number>>();
  isRecording = true;

  record(route: string, ms: number, status: number | 'network') {
    if (!this.isRecording) return;
    const list = this.samples.get(route) ?? [];
    if (list.length === 0) this.samples.set(route, list);
    list.push(ms);
    if (status === 'network' || status >= 400) {
      const byStatus = this.errors.get(route) ?? new Map<string, number>();
      this.errors.set(route, byStatus);
      const key = String(status);
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    }
  }

  stats(seconds: number): RouteStats[] {
    const round = (n: number) => Math.round(n * 10) / 10;
    return [...this.samples.entries()]
      .map(([route, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return {
          route,
          requests: list.length,
          perSecond: round(list.length / seconds),
          p50: round(percentile(sorted, 50)),
          p95: round(percentile(sorted, 95)),
          p99: round(percentile(sorted, 99)),
          max: round(sorted.at(-1) ?? Number.NaN),
          errors: Object.fromEntries(this.errors.get(route) ?? []),
        };
      })
      .sort((a, b) => b.requests - a.requests);
  }
}

/**
 * A signed-in user over real HTTP (cookie + X-Requested-With, as the web app), every call timed.
 * Answers are read in full before the clock stops, so a latency covers the whole response.
 */
export async function signInTimed(
  baseUrl: string,
  recorder: Recorder,
  credentials: { email: string; password: string } | { badge: string; pin: string },
) {
  const isBadge = 'badge' in credentials;
  const res = await fetch(`${baseUrl}${isBadge ? '/api/auth/badge' : '/api/auth/login'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const route = routeOf(method, path);
    const started = performance.now();
    try {
      const answer = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          'x-requested-with': 'fetch',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const isJson = (answer.headers.get('content-type') ?? '').includes('json');
      const payload = isJson ? await answer.json() : await answer.arrayBuffer();
      recorder.record(route, performance.now() - started, answer.status);
      return { status: answer.status, body: payload };
    } catch (err) {
      recorder.record(route, performance.now() - started, 'network');
      return { status: 0, body: String(err) };
    }
  };
}

export type Call = Awaited<ReturnType<typeof signInTimed>>;
