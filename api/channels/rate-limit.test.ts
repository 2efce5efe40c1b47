import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../db/client.js';
import { createTestDatabase } from '../../tests/support/test-database.js';
import { ChannelError } from './connector.js';
import { createDbRateLimiter, parseAmazonRateLimit, parseRetryAfter } from './rate-limit.js';

let handle: DbHandle;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let account = 0;
const nextAccount = () => `acct-${++account}`;

beforeAll(async () => {
  database = await createTestDatabase();
  handle = await createDb({ url: database.url, dataDir: 'memory://' });
});
afterAll(async () => {
  await handle.close();
  await database.drop();
});

describe('the database-backed token bucket', () => {
  it('lets a burst through, then spaces calls at the sustained rate', async () => {
    const limiter = createDbRateLimiter(handle.db);
    const acct = nextAccount();
    const rate = { ratePerSecond: 1, burst: 3 };
    const waits = [];
    for (let i = 0; i < 5; i++) waits.push(await limiter.take(acct, 'getOrderItems', rate));
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    // The 4th and 5th reserve tokens that refill one and two seconds from now (minus time already gone).
    expect(waits[3]).toBeGreaterThan(500);
    expect(waits[3]).toBeLessThanOrEqual(1000);
    expect(waits[4]).toBeGreaterThan(1500);
    expect(waits[4]).toBeLessThanOrEqual(2000);
    // Another operation of the same account has its own bucket.
    expect(await limiter.take(acct, 'confirmShipment', rate)).toBe(0);
  });

  it('shares one bucket between limiters (workers) taking at the same time', async () => {
    const workers = [createDbRateLimiter(handle.db), createDbRateLimiter(handle.db)];
    const acct = nextAccount();
    // Slow enough that what refills while the test runs cannot add a free slot.
    const rate = { ratePerSecond: 0.1, burst: 5 };
    const waits = await Promise.all(
      Array.from({ length: 20 }, (_, i) => workers[i % 2]!.take(acct, 'getOrders', rate)),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
    // Every reservation is its own slot: 15 distinct waits, ten seconds apart.
    const queued = waits.filter((w) => w > 0).sort((a, b) => a - b);
    expect(new Set(queued).size).toBe(15);
    expect(queued.slice(1).every((w, i) => w - (queued[i] ?? 0) > 9000)).toBe(true);
    expect(queued.at(-1)).toBeGreaterThan(140_000);
    expect(queued.at(-1)).toBeLessThanOrEqual(150_000);
  });

  it('holds every taker back after a 429 for its Retry-After, and adopts the channel rate', async () => {
    const limiter = createDbRateLimiter(handle.db);
    const acct = nextAccount();
    const rate = { ratePerSecond: 5, burst: 10 };
    expect(await limiter.take(acct, 'getOrder', rate)).toBe(0);
    await limiter.signal(acct, 'getOrder', { retryAfterMs: 5000 });
    expect(await limiter.take(acct, 'getOrder', rate)).toBeGreaterThan(4000);

    const other = nextAccount();
    expect(await limiter.take(other, 'getOrders', { ratePerSecond: 10, burst: 1 })).toBe(0);
    await limiter.signal(other, 'getOrders', { ratePerSecond: 0.0167 });
    // One token at 0.0167/s is a minute away.
    expect(await limiter.take(other, 'getOrders', { ratePerSecond: 10, burst: 1 })).toBeGreaterThan(55_000);
  });

  it('sleeps short waits and refuses long ones as retryable, giving the token back', async () => {
    const slept: number[] = [];
    const limiter = createDbRateLimiter(handle.db, {
      maxWaitMs: 3000,
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    const acct = nextAccount();
    const { throttle } = limiter.forAccount(acct, { confirmShipment: { ratePerSecond: 1, burst: 1 } });
    await throttle('confirmShipment');
    await throttle('confirmShipment');
    expect(slept).toHaveLength(1);
    await limiter.signal(acct, 'confirmShipment', { retryAfterMs: 60_000 });
    const err = await throttle('confirmShipment').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelError);
    expect(err).toMatchObject({ code: 'channel_rate_limited', retryable: true });
    // The refused take did not keep its token: the bucket is where the 429 left it.
    const wait = await limiter.take(acct, 'confirmShipment', { ratePerSecond: 1, burst: 1 });
    expect(wait).toBeGreaterThan(55_000);
  });
});

describe('rate headers', () => {
  it('reads Retry-After as seconds or as an HTTP date, and x-amzn-RateLimit-Limit', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', new Date('2026-10-21T07:28:00Z'))).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseAmazonRateLimit('0.0167')).toBe(0.0167);
    expect(parseAmazonRateLimit('-1')).toBeNull();
  });
});
