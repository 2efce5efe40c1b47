import {
  type AmazonConnectorOptions,
  createAmazonConnector,
} from '../../../api/channels/amazon/connector.js';
import type { ChannelConnector, PullPage } from '../../../api/channels/connector.js';
import type { FetchLike } from '../../../api/channels/http.js';
import { type AmazonFakeOptions, createAmazonFake } from './simulator.js';

/** One fake seller account and a connector wired to it through `app.request` (no socket). */
export const amazonCredentials = {
  clientId: 'amzn1.application-oa2-client.test',
  clientSecret: 'test-secret',
  refreshToken: 'Atzr|test-refresh',
  sellerId: 'A2TESTSELLER',
  marketplaceId: 'A13V1IB3VIYZZH',
};

export function setupAmazon(
  fakeOptions: Partial<AmazonFakeOptions> = {},
  connectorOptions: Partial<AmazonConnectorOptions> = {},
) {
  const fake = createAmazonFake({ ...amazonCredentials, seed: 5, autoAdvance: true, ...fakeOptions });
  const fetch: FetchLike = async (input, init) => fake.app.request(input, init);
  const connector = createAmazonConnector({
    endpoint: 'https://sellingpartnerapi-eu.amazon.com',
    lwaEndpoint: 'https://api.amazon.com',
    ...amazonCredentials,
    fetch,
    ...connectorOptions,
  });
  return { fake, connector, fetch };
}

export async function pullAll(connector: ChannelConnector, cursor: string | null) {
  const pages: PullPage[] = [];
  let pageToken: string | null = null;
  do {
    const page: PullPage = await connector.pullOrders({ cursor, pageToken });
    pages.push(page);
    pageToken = page.pageToken;
  } while (pageToken);
  return { pages, orders: pages.flatMap((p) => p.orders), nextCursor: pages.at(-1)?.nextCursor ?? null };
}
