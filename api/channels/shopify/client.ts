import type { RetryReporter } from '../call-log.js';
import { ChannelError } from '../connector.js';
import type { FetchLike } from '../http.js';
import { type InPlaceRetry, requestThrottledJson } from '../rate-limit.js';

/**
 * HTTP access to one shop's Admin GraphQL API, version 2025-01. Auth is the app's access token in
 * `X-Shopify-Access-Token`. Transport errors (429, 5xx, timeouts) are classified by `../http.ts`; this
 * file adds what GraphQL answers with a 200: top-level `errors` (THROTTLED among them) and, for
 * mutations, the payload's `userErrors`.
 */
export const SHOPIFY_API_VERSION = '2025-01';

export interface ShopifyClientOptions {
  /** `https://<shop>.myshopify.com` (or the fake's URL). */
  baseUrl: string;
  accessToken: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Called before every request (the shared rate limiter); the operation is `shopify.<rootField>`. */
  throttle?: (operation: string) => Promise<void>;
  /** How many times a THROTTLED answer is waited out before it is reported (default 3). */
  maxThrottleRetries?: number;
  /**
   * Longest time one call waits, over all its THROTTLED answers, for the cost bucket to refill; default
   * `retry.maxInlineWaitMs` (the bound of every other in-place wait), else 20 s.
   */
  maxThrottleWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: RetryReporter | undefined;
  retry?: InPlaceRetry | undefined;
}

interface GraphqlError {
  message?: string;
  extensions?: { code?: string };
}

interface ThrottleStatus {
  maximumAvailable?: number;
  currentlyAvailable?: number;
  restoreRate?: number;
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphqlError[] | string;
  extensions?: { cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus } };
}

export interface ShopifyClient {
  /** `operation` names the root field for the throttle hook and error messages (`orders`, `fulfillmentCreate`). */
  query<T>(operation: string, document: string, variables?: Record<string, unknown>): Promise<T>;
  mutate<T>(operation: string, document: string, variables?: Record<string, unknown>): Promise<T>;
}

/**
 * The default bound of the waits for the cost bucket in one call: the time a standard plan's bucket
 * (1,000 points, 50 a second) takes to refill from empty. Any query the bucket can hold fits in it, so
 * a costly read (an order's fulfilment state asks for over 500 points) is waited for, not refused, when
 * other workers have just spent the points.
 */
const DEFAULT_THROTTLE_WAIT_MS = 20_000;

/** Milliseconds until the bucket holds the requested cost again (Shopify's leaky bucket). */
export function throttleWaitMs(extensions: GraphqlResponse<unknown>['extensions']): number {
  const cost = extensions?.cost;
  const status = cost?.throttleStatus;
  const rate = status?.restoreRate ?? 0;
  if (!cost || !status || rate <= 0) return 1000;
  const missing = (cost.requestedQueryCost ?? 0) - (status.currentlyAvailable ?? 0);
  return Math.max(0, Math.ceil((missing / rate) * 1000));
}

function errorList(errors: GraphqlResponse<unknown>['errors']): GraphqlError[] {
  if (!errors) return [];
  return typeof errors === 'string' ? [{ message: errors }] : errors;
}

export function createShopifyClient(options: ShopifyClientOptions): ShopifyClient {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`;
  const http = { channel: 'shopify', fetch: options.fetch, timeoutMs: options.timeoutMs };
  const headers = { 'x-shopify-access-token': options.accessToken };
  const maxRetries = options.maxThrottleRetries ?? 3;
  const maxWait = options.maxThrottleWaitMs ?? options.retry?.maxInlineWaitMs ?? DEFAULT_THROTTLE_WAIT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function send<T>(
    operation: string,
    document: string,
    variables: Record<string, unknown>,
    isMutation: boolean,
  ): Promise<T> {
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      // Both go as POST, classified as a write, which is right only for mutations: a query is retried
      // in place like any read, and a query that timed out changed nothing (its ambiguity is cleared).
      const body = await requestThrottledJson<GraphqlResponse<T>>(
        { method: 'POST', url, headers, json: { query: document, variables } },
        {
          ...http,
          operation: `shopify.${operation}`,
          throttle: options.throttle,
          onRetry: options.onRetry,
          isRead: !isMutation,
          ...options.retry,
        },
      ).catch((err: unknown) => {
        if (err instanceof ChannelError && err.ambiguous && !isMutation) {
          throw new ChannelError(err.message, err.code, err.retryable, false, err.status);
        }
        throw err;
      });
      const errors = errorList(body?.errors);
      if (errors.length === 0 && body?.data) return body.data;
      const codes = errors.map((e) => e.extensions?.code ?? '');
      const text = errors.map((e) => e.message ?? 'unknown error').join('; ');
      if (codes.includes('THROTTLED')) {
        // A throttled request was not executed, so even a mutation is safe to send again.
        const wait = throttleWaitMs(body?.extensions);
        if (attempt < maxRetries && waited + wait <= maxWait) {
          waited += wait;
          options.onRetry?.({
            operation: `shopify.${operation}`,
            reason: 'channel_rate_limited',
            status: null,
            waitMs: wait,
            attempt: attempt + 1,
          });
          await sleep(wait);
          continue;
        }
        throw new ChannelError(
          `shopify ${operation} was throttled (query cost above what the bucket holds)`,
          'channel_rate_limited',
          true,
        );
      }
      if (codes.includes('ACCESS_DENIED')) {
        throw new ChannelError(`shopify ${operation}: ${text}`, 'channel_unauthorized', false);
      }
      if (codes.includes('INTERNAL_SERVER_ERROR')) {
        throw new ChannelError(`shopify ${operation}: ${text}`, 'channel_unavailable', true, isMutation);
      }
      throw new ChannelError(
        `shopify ${operation} was refused: ${text || 'no data in the answer'}`,
        'shopify_graphql_error',
        false,
      );
    }
  }

  return {
    query: (operation, document, variables = {}) => send(operation, document, variables, false),
    mutate: (operation, document, variables = {}) => send(operation, document, variables, true),
  };
}

export interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

/** Mutation payloads report refusals as `userErrors`; none of them gets better by retrying as is. */
export function assertNoUserErrors(
  operation: string,
  payload: { userErrors?: UserError[] } | null | undefined,
): void {
  if (!payload) {
    throw new ChannelError(`shopify ${operation} answered no payload`, 'shopify_bad_response', true);
  }
  const errors = payload.userErrors ?? [];
  if (errors.length === 0) return;
  const text = errors
    .map((e) => `${e.field?.join('.') ?? '(input)'}: ${e.message}${e.code ? ` (${e.code})` : ''}`)
    .join('; ');
  throw new ChannelError(`shopify ${operation} refused: ${text}`, 'shopify_user_error', false);
}
