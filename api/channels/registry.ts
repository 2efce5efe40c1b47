import type { ConnectorFactory } from '../deps.js';
import type { ChannelConnector } from './connector.js';
import type { FetchLike } from './http.js';
import { createMiraklConnector } from './mirakl/connector.js';

/**
 * Channel type → connector. A new marketplace is a new folder under api/channels and one line here.
 * `fetch` is injectable so tests can route a connector to an in-process fake.
 */
export function createConnectorFactory(fetchImpl?: FetchLike): ConnectorFactory {
  return (channel): ChannelConnector => {
    const settings = channel.settings;
    const credentials = (channel.credentials ?? {}) as Record<string, string>;
    switch (channel.type) {
      case 'mirakl':
        return createMiraklConnector({
          baseUrl: String(settings.baseUrl),
          apiKey: String(credentials.apiKey),
          shopId: (settings.shopId as string | undefined) ?? null,
          ...(fetchImpl ? { fetch: fetchImpl } : {}),
        });
      default:
        throw new Error(`No connector for channel type ${channel.type}.`);
    }
  };
}
