import { createServer as createHttpsServer } from 'node:https';
import { type ServerType, serve } from '@hono/node-server';
import type { FetchLike } from '../../../api/channels/http.js';
import { amazonCredentials } from '../../fakes/amazon/harness.js';
import { createAmazonFake } from '../../fakes/amazon/simulator.js';
import { createCdiscountFake } from '../../fakes/cdiscount/fake.js';
import { ebayCredentials } from '../../fakes/ebay/harness.js';
import { createEbayFake } from '../../fakes/ebay/simulator.js';
import { createMiraklSimulator } from '../../fakes/mirakl/simulator.js';
import { createShopifyFake } from '../../fakes/shopify/fake.js';
import { createWooFake } from '../../fakes/woocommerce/fake.js';
import { type ChannelRecord, miraklRecord } from '../../ops/invariants.js';

/**
 * The six marketplace fakes side by side, one HTTP router in front of them (by host, the way the
 * connectors' real base URLs differ), and the channel rows that point the real connectors at them.
 */
export const channelTypes = ['amazon', 'ebay', 'mirakl', 'cdiscount', 'shopify', 'woocommerce'] as const;
export type ChannelType = (typeof channelTypes)[number];

const mirakl = { baseUrl: 'https://mirakl.test', apiKey: 'mirakl-key' };
const octopia = { clientId: 'octopia-client', clientSecret: 'octopia-secret', sellerId: '98979' };
const shopify = { baseUrl: 'https://jardin.test', accessToken: 'shpat_fault_mix' };
const woo = { baseUrl: 'https://boutique.test', consumerKey: 'ck_fault', consumerSecret: 'cs_fault' };

export function createSixFakes() {
  const fakes = {
    amazon: createAmazonFake({ ...amazonCredentials, seed: 31, validateResponses: false }),
    ebay: createEbayFake({ ...ebayCredentials, seed: 32, validateResponses: false }),
    mirakl: createMiraklSimulator({ apiKey: mirakl.apiKey, seed: 33, autoAdvance: false }),
    cdiscount: createCdiscountFake(octopia),
    shopify: createShopifyFake({ accessToken: shopify.accessToken, apiSecret: 'shopify-secret' }),
    woocommerce: createWooFake({ consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret }),
  };

  /** Which channel a URL belongs to. */
  function channelOf(url: string): ChannelType {
    const host = new URL(url).hostname;
    if (host.includes('amazon')) return 'amazon';
    if (host.includes('ebay')) return 'ebay';
    if (host === 'mirakl.test') return 'mirakl';
    if (host.endsWith('octopia.test')) return 'cdiscount';
    if (host === 'jardin.test') return 'shopify';
    if (host === 'boutique.test') return 'woocommerce';
    throw new Error(`no fake answers for ${host}`);
  }

  const route: FetchLike = (input, init) => {
    const channel = channelOf(input);
    switch (channel) {
      case 'amazon':
        return fakes.amazon.app.request(input, init);
      case 'ebay':
        return fakes.ebay.app.request(input, init);
      case 'mirakl':
        return fakes.mirakl.app.request(input.replace(mirakl.baseUrl, ''), init);
      case 'cdiscount':
        return fakes.cdiscount.app.request(input.replace(/^https:\/\/(api|auth)\.octopia\.test/, ''), init);
      case 'shopify':
        return fakes.shopify.app.request(input.replace(shopify.baseUrl, ''), init);
      case 'woocommerce':
        return fakes.woocommerce.app.request(input.replace(woo.baseUrl, ''), init);
    }
  };

  /** One order of `lines` at a channel's fake. */
  function createOrder(channel: ChannelType, lines: { sku: string; quantity: number }[]): string {
    switch (channel) {
      case 'amazon':
        return fakes.amazon.createOrder({ lines }).order.AmazonOrderId;
      case 'ebay':
        return fakes.ebay.createOrder({ lines }).orderId;
      case 'mirakl':
        return fakes.mirakl.createOrder({ lines }).order_id;
      case 'cdiscount':
        return fakes.cdiscount.createOrder({ lines }).orderId;
      case 'shopify':
        return fakes.shopify.createOrder({ lines }).id;
      case 'woocommerce':
        return String(fakes.woocommerce.createOrder({ lines }).id);
    }
  }

  return { fakes, route, channelOf, createOrder };
}

export type SixFakes = ReturnType<typeof createSixFakes>;

/** createChannel inputs pointing each connector at its fake. */
export function channelInputs(settings: Record<string, unknown>) {
  return [
    {
      type: 'amazon',
      name: 'Amazon FR',
      credentials: {
        clientId: amazonCredentials.clientId,
        clientSecret: amazonCredentials.clientSecret,
        refreshToken: amazonCredentials.refreshToken,
      },
      settings: {
        ...settings,
        endpoint: 'https://sellingpartnerapi-eu.amazon.com',
        sellerId: amazonCredentials.sellerId,
        marketplaceId: amazonCredentials.marketplaceId,
      },
    },
    {
      type: 'ebay',
      name: 'eBay',
      credentials: ebayCredentials,
      settings: { ...settings, apiBase: 'https://api.ebay.com' },
    },
    {
      type: 'mirakl',
      name: 'Mirakl',
      credentials: { apiKey: mirakl.apiKey },
      settings: { ...settings, baseUrl: mirakl.baseUrl },
    },
    {
      type: 'cdiscount',
      name: 'Cdiscount',
      credentials: { clientId: octopia.clientId, clientSecret: octopia.clientSecret },
      settings: {
        ...settings,
        apiBase: 'https://api.octopia.test/seller/v2',
        authBase: 'https://auth.octopia.test',
        sellerId: octopia.sellerId,
      },
    },
    {
      type: 'shopify',
      name: 'Shopify',
      credentials: { accessToken: shopify.accessToken },
      settings: { ...settings, baseUrl: shopify.baseUrl },
    },
    {
      type: 'woocommerce',
      name: 'WooCommerce',
      credentials: { consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret },
      settings: { ...settings, baseUrl: woo.baseUrl },
    },
  ] satisfies { type: ChannelType; name: string; credentials: object; settings: object }[];
}

export interface ServeSixFakesOptions {
  /** The channels to serve; all six unless told. */
  types?: readonly ChannelType[];
  /**
   * Key and certificate (PEM) for the WooCommerce fake, served over HTTPS: its connector sends the
   * consumer secret as basic auth and refuses any base URL but https://. The others speak plain HTTP.
   */
  tls: { key: string; cert: string };
}

/**
 * The fakes of `createSixFakes`, each served on a loopback port of its own, for a system running in
 * other processes; `inputs` are the createChannel inputs pointing every connector at those ports.
 */
export async function serveSixFakes(options: ServeSixFakesOptions) {
  const six = createSixFakes();
  const types = options.types ?? channelTypes;
  const urls: Partial<Record<ChannelType, string>> = {};
  const servers: ServerType[] = [];
  for (const type of types) {
    const isTls = type === 'woocommerce';
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve(
        {
          fetch: six.fakes[type].app.fetch,
          port: 0,
          hostname: '127.0.0.1',
          ...(isTls ? { createServer: createHttpsServer, serverOptions: options.tls } : {}),
        },
        () => resolve(s),
      );
    });
    servers.push(server);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    urls[type] = `${isTls ? 'https' : 'http'}://127.0.0.1:${port}`;
  }
  const urlOf = (type: ChannelType) => {
    const url = urls[type];
    if (!url) throw new Error(`the ${type} fake is not served`);
    return url;
  };

  /** Where each connector's settings name its hosts (Octopia: the API under /seller/v2, auth beside it). */
  const pointAt = (type: ChannelType, url: string): Record<string, string> => {
    switch (type) {
      case 'amazon':
        return { endpoint: url, lwaEndpoint: url };
      case 'ebay':
        return { apiBase: url };
      case 'cdiscount':
        return { apiBase: `${url}/seller/v2`, authBase: url };
      case 'mirakl':
      case 'shopify':
      case 'woocommerce':
        return { baseUrl: url };
    }
  };

  const { fakes } = six;
  const isAccepted = (status: number | null) => status !== null && status < 300;
  return {
    ...six,
    urls,
    types,
    /** createChannel inputs for the served channels, with `settings` added to each. */
    inputs(settings: Record<string, unknown>) {
      return channelInputs(settings)
        .filter((input) => types.includes(input.type))
        .map((input) => ({
          ...input,
          settings: { ...input.settings, ...pointAt(input.type, urlOf(input.type)) },
        }));
    },
    /**
     * What a fake saw, in the invariant checker's terms: every order it holds, and every parcel it took
     * as shipped, read from its own state (one per parcel, Mirakl aside: one tracking per order).
     */
    record(type: ChannelType, channelId: string): ChannelRecord {
      const perParcel = (orders: [string, string[]][]): ChannelRecord => ({
        channelId,
        emittedOrderIds: orders.map(([id]) => id),
        confirmations: orders.flatMap(([id, numbers]) =>
          numbers.map((n) => ({ externalOrderId: id, trackingNumber: n })),
        ),
        isPerParcel: true,
      });
      switch (type) {
        case 'amazon':
          return perParcel(
            [...fakes.amazon.state.orders].map(([id, o]) => [
              id,
              [...o.packages.values()].map((p) => p.trackingNumber),
            ]),
          );
        case 'ebay':
          return perParcel(
            [...fakes.ebay.state.orders.keys()].map((id) => [
              id,
              (fakes.ebay.state.fulfillments.get(id) ?? []).map((f) => f.shipmentTrackingNumber),
            ]),
          );
        case 'mirakl':
          return miraklRecord(channelId, {
            orders: fakes.mirakl.state.createdIds.map((id) => fakes.mirakl.state.orders.get(id)),
            received: fakes.mirakl.received,
          });
        case 'cdiscount':
          return perParcel(
            [...fakes.cdiscount.state.orders].map(([id, o]) => [id, o.shipments.map((p) => p.parcelNumber)]),
          );
        case 'shopify':
          return perParcel(
            [...fakes.shopify.state.orders].map(([id, o]) => [
              id,
              o.fulfillments.flatMap((f) => f.tracking.flatMap((t) => (t.number ? [t.number] : []))),
            ]),
          );
        case 'woocommerce':
          // A parcel is a customer note ending with the connector's marker line, read here on its own.
          return perParcel(
            [...fakes.woocommerce.state.orders.keys()].map((id) => [
              String(id),
              (fakes.woocommerce.state.notes.get(id) ?? []).flatMap(
                (n) => /^\[shipdesk-parcel\] (\S+)/m.exec(n.note)?.[1] ?? [],
              ),
            ]),
          );
      }
    },
    /** Stock updates the fake accepted: calls for Mirakl, Octopia packages, eBay batches; one per SKU for Amazon. */
    stockPushes(type: ChannelType): number {
      switch (type) {
        case 'amazon':
          return fakes.amazon.received.filter(
            (c) => c.operationId === 'patchListingsItem' && isAccepted(c.status),
          ).length;
        case 'ebay':
          return fakes.ebay.received.filter(
            (c) => c.operationId === 'bulkUpdatePriceQuantity' && isAccepted(c.status),
          ).length;
        case 'mirakl':
          return fakes.mirakl.received.filter((c) => c.operationId === 'STO01' && isAccepted(c.status))
            .length;
        case 'cdiscount':
          return fakes.cdiscount.calls.filter(
            (c) => c.operationId === 'createOfferPackage' && isAccepted(c.status),
          ).length;
        case 'shopify':
          return fakes.shopify.calls.filter(
            (c) => c.rootFields.includes('inventorySetQuantities') && c.status === 200 && !c.throttled,
          ).length;
        case 'woocommerce':
          return fakes.woocommerce.calls.filter(
            (c) =>
              ['batchProducts', 'batchProductVariations', 'updateProductById'].includes(c.operationId) &&
              isAccepted(c.status),
          ).length;
      }
    },
    async close() {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              // Keep-alive sockets of the processes that called would hold `close` open.
              (s as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        ),
      );
    },
  };
}

export type ServedSixFakes = Awaited<ReturnType<typeof serveSixFakes>>;
