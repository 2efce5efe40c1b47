import type { FetchLike } from '../../../api/channels/http.js';
import { amazonCredentials } from '../../fakes/amazon/harness.js';
import { createAmazonFake } from '../../fakes/amazon/simulator.js';
import { createCdiscountFake } from '../../fakes/cdiscount/fake.js';
import { ebayCredentials } from '../../fakes/ebay/harness.js';
import { createEbayFake } from '../../fakes/ebay/simulator.js';
import { createMiraklSimulator } from '../../fakes/mirakl/simulator.js';
import { createShopifyFake } from '../../fakes/shopify/fake.js';
import { createWooFake } from '../../fakes/woocommerce/fake.js';

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
