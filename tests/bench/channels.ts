import type { FetchLike } from '../../api/channels/http.js';
import { createConnectorFactory } from '../../api/channels/registry.js';
import { createChannel } from '../../api/services/channels/manage-channels.js';
import { pullChannel } from '../../api/services/channels/pull-channel.js';
import { demoCatalog } from '../../db/seed/demo-catalog.js';
import { amazonCredentials } from '../fakes/amazon/harness.js';
import { createAmazonFake } from '../fakes/amazon/simulator.js';
import { ebayCredentials } from '../fakes/ebay/harness.js';
import { createEbayFake } from '../fakes/ebay/simulator.js';
import type { TestSystem } from '../support/system.js';

interface Row {
  figure: string;
  value: number;
  unit: string;
  target: string;
}

/**
 * Ingest throughput from the Amazon and eBay fakes: orders pulled through the real connectors (LWA/RDT
 * or OAuth, getOrders + getOrderItems per order for Amazon), mapped, stored and reserved by
 * pullChannel. The fakes run in-process with response validation off, unthrottled, so the figure is
 * ours, not the marketplaces' rate limits (Amazon's getOrderItems alone allows 0.5 orders/s per seller).
 */
export async function benchChannels(ctx: TestSystem, options: { orders?: number } = {}): Promise<Row[]> {
  const count = options.orders ?? 1000;
  const amazon = createAmazonFake({
    ...amazonCredentials,
    seed: 11,
    autoAdvance: false,
    validateResponses: false,
  });
  const ebay = createEbayFake({ ...ebayCredentials, seed: 12, autoAdvance: false, validateResponses: false });
  const route: FetchLike = (input, init) =>
    new URL(input).hostname.includes('ebay')
      ? ebay.app.request(input, init)
      : amazon.app.request(input, init);
  const deps = { ...ctx.system.deps, connectors: createConnectorFactory(route) };
  const amazonChannel = await createChannel(deps, {
    type: 'amazon',
    name: 'Bench Amazon',
    credentials: {
      clientId: amazonCredentials.clientId,
      clientSecret: amazonCredentials.clientSecret,
      refreshToken: amazonCredentials.refreshToken,
    },
    settings: {
      endpoint: 'https://sellingpartnerapi-eu.amazon.com',
      sellerId: amazonCredentials.sellerId,
      marketplaceId: amazonCredentials.marketplaceId,
    },
  });
  const ebayChannel = await createChannel(deps, {
    type: 'ebay',
    name: 'Bench eBay',
    credentials: ebayCredentials,
    settings: { apiBase: 'https://api.ebay.com' },
  });
  const skus = demoCatalog.map((p) => p.sku);
  for (let i = 0; i < count; i++) {
    const sku = skus[i % skus.length] ?? 'SEC-220';
    amazon.createOrder({ lines: [{ sku, quantity: 1 }] });
    ebay.createOrder({ lines: [{ sku, quantity: 1 }] });
  }

  const rows: Row[] = [];
  for (const [label, channelId] of [
    ['amazon', amazonChannel.id],
    ['ebay', ebayChannel.id],
  ] as const) {
    const started = performance.now();
    let created = 0;
    // pullChannel stops after 50 pages a run; the next scheduled run carries on from the cursor.
    for (let run = 0; run < 10 && created < count; run++)
      created += (await pullChannel(deps, channelId)).created;
    const ms = performance.now() - started;
    rows.push({
      figure: `${label} ingest (${created} orders, pull + map + store + reserve, ${ctx.system.handle.kind})`,
      value: Math.round((created / ms) * 1000),
      unit: 'orders/s',
      target: '≥ 1000 on PostgreSQL',
    });
  }
  return rows;
}
