import { resourceUsage } from 'node:process';
import { defaultQualityRules } from '../../api/services/catalog/check-quality.js';
import type { FeedOffer } from '../../api/services/feeds/formats/feed-file.js';
import { renderFeed } from '../../api/services/feeds/render-feed.js';
import { buildOffer, type OfferProduct } from '../../api/services/pricing/build-offer.js';
import { type ChannelSettings, defaultFeedSettings } from '../../api/services/pricing/channel-settings.js';
import { defaultPriceRule } from '../../api/services/pricing/price-rule.js';
import { gs1CheckDigit } from '../../labels/check-digits.js';
import type { Row } from './row.js';

const channelTypes = ['mirakl', 'amazon', 'ebay', 'woocommerce', 'other'] as const;

function settingsOf(type: string): ChannelSettings {
  return {
    channelId: `chn_${type}`,
    channelName: type,
    channelType: type,
    isEnabled: true,
    isSaved: true,
    rule: {
      ...defaultPriceRule,
      commissionBps: 1500,
      fixedFeePerOrder: 50,
      categoryOverrides: [{ category: 'textile', commissionBps: 1800 }],
      shippingMode: 'fixed',
      shippingAmount: 490,
      rounding: 'x.90',
      vatBps: 2000,
      minMarginBps: 2000,
      publicPriceMaxBelowBps: 2000,
      isPublicPriceCeiling: true,
    },
    quality: defaultQualityRules(type),
    feed: { ...defaultFeedSettings(type), amazonSellerId: 'A2SELLER' },
  };
}

function catalogue(n: number): OfferProduct[] {
  return Array.from({ length: n }, (_, i): OfferProduct => {
    const body = `37${String(i).padStart(10, '0')}`;
    const isTextile = i % 3 === 0;
    return {
      productId: `prd_${i}`,
      sku: `BENCH-${String(i).padStart(6, '0')}`,
      name: `Article ${i}`,
      ean: `${body}${gs1CheckDigit(body)}`,
      category: isTextile ? 'textile/t-shirts' : 'maison/cuisine',
      brand: 'Marque',
      condition: 'new',
      leadTimeDays: 2,
      currency: 'EUR',
      basePrice: 1990 + (i % 500) * 17,
      cost: 600 + (i % 300) * 5,
      publicPrice: 2490 + (i % 500) * 17,
      images: ['https://img.example/a.jpg'],
      attributes: isTextile ? { composition: 'coton', care_instructions: '30 °C' } : {},
    };
  });
}

/**
 * Pricing and feed generation for 100,000 products on 5 channels (Mirakl OF01, Amazon listings, eBay
 * bulk, WooCommerce batch, generic CSV): every product priced, checked and written, in process, so the
 * figures are the engine's and the writers' cost. Peak memory is the process's maximum resident set.
 */
export async function benchPricing(): Promise<Row[]> {
  const products = Number(process.env.BENCH_PRODUCTS ?? 100_000);
  const items = catalogue(products);
  const at = new Date();
  const started = performance.now();
  let priced = 0;
  let written = 0;
  let bytes = 0;
  let priceMs = 0;
  for (const type of channelTypes) {
    const settings = settingsOf(type);
    const t0 = performance.now();
    const offers: FeedOffer[] = [];
    for (const p of items) {
      const offer = buildOffer(p, settings, 5);
      priced++;
      if (offer.isPublishable)
        offers.push({ ...offer, externalId: p.productId.slice(4), externalParentId: null });
    }
    priceMs += performance.now() - t0;
    for (const file of await renderFeed(offers, settings, at)) {
      written += file.positions.length;
      bytes += file.content.byteLength;
    }
  }
  const totalMs = performance.now() - started;
  return [
    { figure: `products × channels priced (${products} × 5)`, value: priced, unit: 'offers', target: '' },
    { figure: 'offers written to feeds', value: written, unit: 'offers', target: '' },
    { figure: 'pricing + quality checks', value: +(priceMs / 1000).toFixed(2), unit: 's', target: '' },
    {
      figure: 'pricing + feed generation, 5 channels',
      value: +(totalMs / 1000).toFixed(2),
      unit: 's',
      target: '< 60',
    },
    { figure: 'feed files size', value: +(bytes / 2 ** 20).toFixed(1), unit: 'MiB', target: '' },
    {
      figure: 'peak memory (max RSS)',
      value: Math.round(resourceUsage().maxRSS / 1024),
      unit: 'MiB',
      target: '< 1024',
    },
  ];
}
