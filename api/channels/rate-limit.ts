import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/client.js';
import type { RetryReporter } from './call-log.js';
import { ChannelError } from './connector.js';
import { type FetchLike, type HttpOptions, type HttpRequest, readJson, requestRaw } from './http.js';

/**
 * The shared rate limiter. Marketplaces count calls per seller account and per operation, across every
 * worker we run, so the bucket lives in the database (`rate_limit_buckets`) and a take is one atomic
 * UPSERT … RETURNING. A take always succeeds by reserving a token, possibly below zero; the caller then
 * sleeps until that token would have refilled. Connectors only see the two hooks of `ChannelThrottle`,
 * so tests run them unthrottled.
 */

export interface OperationRate {
  /** Sustained rate (the usage plan's "rate"); a per-day limit is spread evenly over the day. */
  ratePerSecond: number;
  /** The usage plan's "burst": the bucket's capacity. */
  burst: number;
}

/** What a response told us about the channel's limits. */
export interface RateSignal {
  /** From a 429 (Retry-After, or our own back-off when the channel sent none). */
  retryAfterMs?: number | null;
  /** From `x-amzn-RateLimit-Limit`: the rate the channel actually applies to this account. */
  ratePerSecond?: number | null;
}

/** Waits until `operation` may be called. */
export type Throttle = (operation: string) => Promise<void>;
/** Feeds a response's rate information back into the buckets. */
export type RateSignalHook = (operation: string, signal: RateSignal) => Promise<void>;

export interface ChannelThrottle {
  throttle: Throttle;
  onRateSignal: RateSignalHook;
}

const perDay = (calls: number, burst = calls): OperationRate => ({ ratePerSecond: calls / 86_400, burst });

/**
 * Default usage plans. Amazon's come from the "Usage Plan" table in each operation's description
 * (ordersV0.json; Tokens, Feeds and Listings Items from their reference pages); the live rate arrives
 * in `x-amzn-RateLimit-Limit` and replaces these. eBay publishes per-day call limits per API.
 */
export const amazonRates: Readonly<Record<string, OperationRate>> = {
  getOrders: { ratePerSecond: 0.0167, burst: 20 },
  getOrder: { ratePerSecond: 0.5, burst: 30 },
  getOrderItems: { ratePerSecond: 0.5, burst: 30 },
  getOrderAddress: { ratePerSecond: 0.5, burst: 30 },
  confirmShipment: { ratePerSecond: 2, burst: 10 },
  createRestrictedDataToken: { ratePerSecond: 1, burst: 10 },
  patchListingsItem: { ratePerSecond: 5, burst: 10 },
  createFeedDocument: { ratePerSecond: 0.5, burst: 15 },
  createFeed: { ratePerSecond: 0.0083, burst: 15 },
};

export const ebayRates: Readonly<Record<string, OperationRate>> = {
  // Sell Fulfillment API: 100,000 calls a day per application; Sell Inventory: 2,000,000.
  getOrders: perDay(100_000, 1_000),
  getOrder: perDay(100_000, 1_000),
  createShippingFulfillment: perDay(100_000, 1_000),
  getShippingFulfillments: perDay(100_000, 1_000),
  issueRefund: perDay(100_000, 1_000),
  bulkUpdatePriceQuantity: perDay(2_000_000, 5_000),
};

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** `x-amzn-RateLimit-Limit: 0.0167` (requests per second). */
export function parseAmazonRateLimit(value: string | null): number | null {
  if (!value) return null;
  const rate = Number(value.trim());
  return Number.isFinite(rate) && rate > 0 ? rate : null;
}

export interface DbRateLimiterOptions {
  /** Longer waits are not slept through: the call fails as retryable and the job runs later. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface DbRateLimiter {
  /** Reserves one call; resolves with the milliseconds to wait before making it. */
  take(account: string, operation: string, rate: OperationRate): Promise<number>;
  signal(account: string, operation: string, signal: RateSignal): Promise<void>;
  /** Hooks for one account, with `rates` as the defaults for buckets not yet created. */
  forAccount(account: string, rates: Readonly<Record<string, OperationRate>>): ChannelThrottle;
}

/** Operations without a documented plan still get a bucket, so nothing runs unbounded by accident. */
const fallbackRate: OperationRate = { ratePerSecond: 1, burst: 5 };

export function createDbRateLimiter(db: Database, options: DbRateLimiterOptions = {}): DbRateLimiter {
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function take(account: string, operation: string, rate: OperationRate): Promise<number> {
    // now() is the statement's own instant here (no surrounding transaction): every worker shares the
    // database clock, so no two machines disagree about how much has refilled.
    const result = await db.execute(sql`
      insert into rate_limit_buckets as b (account, operation, tokens, capacity, rate_per_second, updated_at)
      values (${account}, ${operation}, ${rate.burst - 1}, ${rate.burst}, ${rate.ratePerSecond}, now())
      on conflict (account, operation) do update set
        tokens = least(b.capacity,
          b.tokens + greatest(0, extract(epoch from (now() - b.updated_at))) * b.rate_per_second) - 1,
        updated_at = greatest(b.updated_at, now())
      returning tokens, rate_per_second,
        greatest(0, extract(epoch from (coalesce(blocked_until, now()) - now())) * 1000) as blocked_ms`);
    const [row] = rowsOf<{ tokens: number | string; rate_per_second: number | string; blocked_ms: unknown }>(
      result,
    );
    if (!row) throw new Error(`rate_limit_buckets returned no row for ${account}/${operation}`);
    const tokens = Number(row.tokens);
    const refillWait = tokens < 0 ? (-tokens / Number(row.rate_per_second)) * 1000 : 0;
    return Math.ceil(Math.max(refillWait, Number(row.blocked_ms)));
  }

  async function giveBack(account: string, operation: string): Promise<void> {
    await db.execute(sql`
      update rate_limit_buckets set tokens = tokens + 1
      where account = ${account} and operation = ${operation}`);
  }

  async function signal(account: string, operation: string, s: RateSignal): Promise<void> {
    if (s.retryAfterMs !== undefined && s.retryAfterMs !== null) {
      // A 429 means the channel's bucket is empty whatever ours says: empty ours too and hold off.
      await db.execute(sql`
        update rate_limit_buckets set
          tokens = least(tokens, 0),
          blocked_until = greatest(coalesce(blocked_until, now()), now() + ${s.retryAfterMs} * interval '1 millisecond')
        where account = ${account} and operation = ${operation}`);
    }
    if (s.ratePerSecond) {
      await db.execute(sql`
        update rate_limit_buckets set rate_per_second = ${s.ratePerSecond}
        where account = ${account} and operation = ${operation} and rate_per_second <> ${s.ratePerSecond}`);
    }
  }

  return {
    take,
    signal,
    forAccount(account, rates) {
      return {
        async throttle(operation) {
          const wait = await take(account, operation, rates[operation] ?? fallbackRate);
          if (wait <= 0) return;
          if (wait > maxWaitMs) {
            await giveBack(account, operation);
            throw new ChannelError(
              `${operation} is rate limited for ${Math.ceil(wait / 1000)} s more; try again later`,
              'channel_rate_limited',
              true,
            );
          }
          await sleep(wait);
        },
        onRateSignal: (operation, s) => signal(account, operation, s),
      };
    },
  };
}

export interface ThrottledRequestOptions extends HttpOptions {
  /** The channel's operation name, the bucket key. */
  operation: string;
  throttle?: Throttle | undefined;
  onRateSignal?: RateSignalHook | undefined;
  /** Response header that carries the live rate (Amazon: x-amzn-RateLimit-Limit). */
  rateHeader?: string | undefined;
  /** 429s retried in place when the channel asks for a short wait; longer waits throw (retryable). */
  retries429?: number;
  maxInlineWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told before any retry in place, so the retry is logged with its reason. */
  onRetry?: RetryReporter | undefined;
  /** Retries in place of a read that failed retryably (5xx, timeout, network); default 3. */
  readRetries?: number | undefined;
  /** First wait before a read is retried, doubled each time; default 500 ms. */
  readRetryBaseMs?: number | undefined;
  /** The request changes nothing (GET, or a GraphQL query sent as POST); default: GET only. */
  isRead?: boolean | undefined;
}

/** In-place retry settings a connector hands down to its client (tests shorten the waits). */
export interface InPlaceRetry {
  readRetries?: number;
  readRetryBaseMs?: number;
  maxInlineWaitMs?: number;
}

/**
 * `requestRaw` with the rate limit around it: take from the bucket first, report the live rate and any
 * 429 back to it, and retry a 429 in place when the channel asks for a short wait. A 429 is a refusal
 * before processing, so even a write is safe to repeat. A read that failed for a passing reason (5xx,
 * timeout) is retried in place a few times too: one pull page may take a hundred reads (Amazon's
 * getOrderItems per order), and failing the page for one of them would start it all over again.
 * Writes are never repeated here: an ambiguous write goes back to the caller, which reads back first.
 */
export async function requestThrottled(
  req: HttpRequest,
  options: ThrottledRequestOptions,
): Promise<Response> {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const retries = options.retries429 ?? 2;
  const maxInline = options.maxInlineWaitMs ?? 5_000;
  const isRead = options.isRead ?? req.method === 'GET';
  const readRetries = options.readRetries ?? 3;
  let readAttempts = 0;
  let limited = 0;
  for (;;) {
    await options.throttle?.(options.operation);
    let headers: Headers | null = null;
    const observing: FetchLike = async (input, init) => {
      const res = await doFetch(input, init);
      headers = res.headers;
      return res;
    };
    try {
      const res = await requestRaw(req, { ...options, fetch: observing });
      await reportRate(options, headers);
      return res;
    } catch (err) {
      await reportRate(options, headers);
      if (!(err instanceof ChannelError)) throw err;
      if (err.status !== 429) {
        if (!isRead || !err.retryable || readAttempts >= readRetries) throw err;
        readAttempts++;
        const wait = (options.readRetryBaseMs ?? 500) * 2 ** (readAttempts - 1);
        options.onRetry?.({
          operation: options.operation,
          reason: err.code,
          status: err.status,
          waitMs: wait,
          attempt: readAttempts,
        });
        await sleep(wait);
        continue;
      }
      const seen = headers as Headers | null;
      // Without Retry-After, back off exponentially from one second.
      const wait = parseRetryAfter(seen?.get('retry-after') ?? null) ?? 1000 * 2 ** limited;
      await options.onRateSignal?.(options.operation, { retryAfterMs: wait });
      if (limited >= retries || wait > maxInline) throw err;
      limited++;
      options.onRetry?.({
        operation: options.operation,
        reason: err.code,
        status: 429,
        waitMs: wait,
        attempt: limited,
      });
      await sleep(wait);
    }
  }
}

/** requestThrottled, then the JSON body (undefined for 204 or an empty body). */
export async function requestThrottledJson<T = unknown>(
  req: HttpRequest,
  options: ThrottledRequestOptions,
): Promise<T> {
  return readJson<T>(await requestThrottled(req, options), req, options.channel);
}

async function reportRate(options: ThrottledRequestOptions, headers: Headers | null): Promise<void> {
  if (!options.rateHeader || !headers || !options.onRateSignal) return;
  const rate = parseAmazonRateLimit(headers.get(options.rateHeader));
  if (rate) await options.onRateSignal(options.operation, { ratePerSecond: rate });
}
