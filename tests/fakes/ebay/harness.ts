import { createEbayConnector, type EbayConnectorOptions } from '../../../api/channels/ebay/connector.js';
import type { FetchLike } from '../../../api/channels/http.js';
import { createEbayFake, type EbayFakeOptions } from './simulator.js';

export const ebayCredentials = {
  clientId: 'Jardin-OMS-PRD-1234',
  clientSecret: 'PRD-secret',
  refreshToken: 'v^1.1#r^1#refresh',
};

/** One fake eBay seller and a connector wired to it through `app.request` (no socket). */
export function setupEbay(
  fakeOptions: Partial<EbayFakeOptions> = {},
  connectorOptions: Partial<EbayConnectorOptions> = {},
) {
  const fake = createEbayFake({ ...ebayCredentials, seed: 9, autoAdvance: true, ...fakeOptions });
  const fetch: FetchLike = async (input, init) => fake.app.request(input, init);
  const connector = createEbayConnector({
    apiBase: 'https://api.ebay.com',
    ...ebayCredentials,
    fetch,
    ...connectorOptions,
  });
  return { fake, connector, fetch };
}
