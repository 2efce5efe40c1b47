/** A signed-in client over real HTTP, the way a scanner calls the API (cookie + X-Requested-With). */
export interface HttpClient {
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /**
   * Sends until the server answers something other than a 5xx or a dropped connection, as the PWA's
   * offline queue does with the same client scan id; gives up after `timeoutMs`.
   */
  retry(
    method: string,
    path: string,
    body?: unknown,
    timeoutMs?: number,
  ): Promise<{ status: number; body: unknown }>;
}

export async function signInHttp(
  baseUrl: () => string,
  credentials: { email: string; password: string } | { badge: string; pin: string },
): Promise<HttpClient> {
  const isBadge = 'badge' in credentials;
  let cookie = '';
  const login = async () => {
    const res = await fetch(`${baseUrl()}${isBadge ? '/api/auth/badge' : '/api/auth/login'}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  };
  await login();
  const call: HttpClient['call'] = async (method, path, body) => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        cookie,
        'x-requested-with': 'fetch',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, body: parsed };
  };
  return {
    call,
    async retry(method, path, body, timeoutMs = 30_000) {
      const started = Date.now();
      let last: unknown = null;
      for (;;) {
        try {
          const res = await call(method, path, body);
          if (res.status < 500) return res;
          last = res;
        } catch (err) {
          last = err;
        }
        if (Date.now() - started > timeoutMs)
          throw new Error(`${method} ${path} kept failing: ${JSON.stringify(last, null, 0) ?? String(last)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
  };
}
