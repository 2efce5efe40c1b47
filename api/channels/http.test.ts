import { describe, expect, it } from 'vitest';
import { ChannelError } from './connector.js';
import { type FetchLike, requestJson, requestRaw } from './http.js';

const url = 'https://shop.example/api/orders?shop_id=1';

function answer(status: number, body = ''): FetchLike {
  return async () => new Response(status === 204 ? null : body, { status });
}

async function caught(promise: Promise<unknown>): Promise<ChannelError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChannelError);
  return err as ChannelError;
}

describe('requestJson', () => {
  it('sends JSON and parses JSON', async () => {
    let seen: RequestInit | undefined;
    const fetch: FetchLike = async (_input, init) => {
      seen = init;
      return Response.json({ ok: 1 });
    };
    const out = await requestJson(
      { method: 'PUT', url, json: { a: 1 }, headers: { authorization: 'k' } },
      {
        channel: 'test',
        fetch,
      },
    );
    expect(out).toEqual({ ok: 1 });
    expect(seen?.body).toBe('{"a":1}');
    expect(((seen?.headers ?? {}) as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('returns undefined for 204', async () => {
    expect(
      await requestJson({ method: 'PUT', url }, { channel: 'test', fetch: answer(204) }),
    ).toBeUndefined();
  });

  it('classifies 4xx as not retryable and keeps the channel message, not the headers', async () => {
    const fetch = answer(401, '{"status":401,"message":"Unauthorized"}');
    const err = await caught(
      requestJson(
        { method: 'GET', url, headers: { authorization: 'secret-key' } },
        { channel: 'test', fetch },
      ),
    );
    expect(err).toMatchObject({
      code: 'channel_unauthorized',
      retryable: false,
      ambiguous: false,
      status: 401,
    });
    expect(err.message).toContain('Unauthorized');
    expect(err.message).not.toContain('secret-key');
    expect(err.message).not.toContain('shop_id');
    const bad = await caught(
      requestJson({ method: 'PUT', url }, { channel: 'test', fetch: answer(400, 'nope') }),
    );
    expect(bad).toMatchObject({ code: 'channel_rejected', retryable: false });
  });

  it('classifies 429 and 5xx as retryable; a 500 on a write is ambiguous, a 503 is not', async () => {
    const limited = await caught(requestRaw({ method: 'GET', url }, { channel: 't', fetch: answer(429) }));
    expect(limited).toMatchObject({ code: 'channel_rate_limited', retryable: true });
    const down = await caught(requestRaw({ method: 'PUT', url }, { channel: 't', fetch: answer(503) }));
    expect(down).toMatchObject({ retryable: true, ambiguous: false, status: 503 });
    const failed = await caught(requestRaw({ method: 'PUT', url }, { channel: 't', fetch: answer(500) }));
    expect(failed).toMatchObject({ retryable: true, ambiguous: true });
  });

  it('times out even when the injected fetch ignores the signal; a write timeout is ambiguous', async () => {
    const never: FetchLike = () => new Promise(() => {});
    const write = await caught(
      requestRaw({ method: 'PUT', url, timeoutMs: 20 }, { channel: 't', fetch: never }),
    );
    expect(write).toMatchObject({ code: 'channel_timeout', retryable: true, ambiguous: true });
    const read = await caught(
      requestRaw({ method: 'GET', url }, { channel: 't', fetch: never, timeoutMs: 20 }),
    );
    expect(read).toMatchObject({ code: 'channel_timeout', retryable: true, ambiguous: false });
  });

  it('treats a refused connection as retryable and not ambiguous, even for a write', async () => {
    const refused: FetchLike = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    };
    const err = await caught(requestRaw({ method: 'PUT', url }, { channel: 't', fetch: refused }));
    expect(err).toMatchObject({ code: 'channel_network', retryable: true, ambiguous: false });
    const reset: FetchLike = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    };
    const midway = await caught(requestRaw({ method: 'PUT', url }, { channel: 't', fetch: reset }));
    expect(midway).toMatchObject({ retryable: true, ambiguous: true });
  });

  it('reports a 2xx body that is not JSON', async () => {
    const err = await caught(
      requestJson({ method: 'GET', url }, { channel: 't', fetch: answer(200, '<html>') }),
    );
    expect(err.code).toBe('channel_bad_response');
  });
});
