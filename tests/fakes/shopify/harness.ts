import { expect } from 'vitest';
import { ChannelError, type PullPage } from '../../../api/channels/connector.js';
import type { FetchLike } from '../../../api/channels/http.js';
import {
  createShopifyConnector,
  type ShopifyConnectorOptions,
} from '../../../api/channels/shopify/connector.js';
import { createShopifyFake, type ShopifyFake } from './fake.js';

/** A Shopify connector wired to a fresh fake through `app.request` (no socket), for the channel tests. */
const TOKEN = 'shpat_test';

export function setup(options: Partial<ShopifyConnectorOptions> = {}) {
  const fake = createShopifyFake({ accessToken: TOKEN, apiSecret: 'secret' });
  const fetch: FetchLike = async (input, init) =>
    fake.app.request(input.replace('https://jardin.test', ''), init);
  const connector = createShopifyConnector({
    baseUrl: 'https://jardin.test/',
    accessToken: TOKEN,
    fetch,
    // These tests classify single failures: no retry in place (covered in api/channels/rate-limit.test.ts).
    retry: { readRetries: 0, maxInlineWaitMs: 0 },
    ...options,
  });
  return { fake, connector };
}

export async function pullAll(connector: ReturnType<typeof setup>['connector'], cursor: string | null) {
  const pages: PullPage[] = [];
  let pageToken: string | null = null;
  do {
    const page: PullPage = await connector.pullOrders({ cursor, pageToken });
    pages.push(page);
    pageToken = page.pageToken;
  } while (pageToken);
  return { pages, orders: pages.flatMap((p) => p.orders), nextCursor: pages.at(-1)?.nextCursor ?? null };
}

export function expectEveryCallValid(fake: ShopifyFake) {
  expect(fake.calls.length).toBeGreaterThan(0);
  for (const call of fake.calls) expect(call.validationErrors, String(call.query)).toEqual([]);
}

export async function rejection(promise: Promise<unknown>): Promise<ChannelError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChannelError);
  return err as ChannelError;
}
