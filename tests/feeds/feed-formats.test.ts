import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { defaultQualityRules } from '../../api/services/catalog/check-quality.js';
import { buildAmazonListingsFeed } from '../../api/services/feeds/formats/amazon-listings.js';
import { buildEbayBulk } from '../../api/services/feeds/formats/ebay-bulk.js';
import type { FeedOffer } from '../../api/services/feeds/formats/feed-file.js';
import { buildMiraklOf01, of01Columns } from '../../api/services/feeds/formats/mirakl-of01.js';
import { buildTemplateFile, offerValue } from '../../api/services/feeds/formats/template.js';
import { readCsv, readImportFile } from '../../api/services/manual-orders/read-import-file.js';
import { buildOffer, type OfferProduct } from '../../api/services/pricing/build-offer.js';
import {
  type ChannelSettings,
  defaultFeedSettings,
  offerFields,
} from '../../api/services/pricing/channel-settings.js';
import { defaultPriceRule } from '../../api/services/pricing/price-rule.js';
import { gs1CheckDigit } from '../../labels/check-digits.js';
import { validateEbayRequest } from '../fakes/ebay/spec.js';

const at = new Date('2025-03-14T09:30:00Z');
const ean = (n: number) => {
  const body = `0${String(n).padStart(11, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};

function settings(type: string): ChannelSettings {
  return {
    channelId: `chn_${type}`,
    channelName: type,
    channelType: type,
    isEnabled: true,
    isSaved: true,
    rule: {
      ...defaultPriceRule,
      commissionBps: 1500,
      shippingMode: 'fixed',
      shippingAmount: 490,
      rounding: 'x.90',
    },
    quality: defaultQualityRules(type),
    feed: { ...defaultFeedSettings(type), amazonSellerId: 'A2SELLER' },
  };
}

const products: OfferProduct[] = Array.from({ length: 60 }, (_, i) => ({
  productId: `prd_${i}`,
  sku: `SKU-${i}`,
  name: `Produit ${i}; "édition" spéciale`,
  ean: ean(i + 1),
  category: 'maison',
  brand: 'Marque',
  condition: 'new',
  leadTimeDays: 2,
  currency: 'EUR',
  basePrice: 1990 + i * 37,
  cost: 500,
  publicPrice: null,
  images: ['https://img.example/a.jpg'],
  attributes: {},
}));

const offersFor = (type: string): FeedOffer[] =>
  products.map((p, i) => ({
    ...buildOffer(p, settings(type), i % 7),
    externalId: i % 2 === 0 ? `90${i}` : null,
    externalParentId: null,
  }));

/** The OF01 columns Mirakl documents: the file description's list plus its own example file's header. */
function documentedOf01Columns(): Set<string> {
  const spec = JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../shared/specs/mirakl/mirakl-mmp-seller.json', import.meta.url)),
      'utf8',
    ),
  );
  const body = spec.paths['/api/offers/imports'].post.requestBody.content['multipart/form-data'];
  const description: string = body.schema.properties.file.description;
  const listed = [...description.matchAll(/<pre>([^<]*)<\/pre>/g)].flatMap((m) =>
    [...m[1]!.matchAll(/"([^"]+)"/g)].map((c) => c[1]!),
  );
  const example: string = body.examples['multipart/form-data-0'].value.file;
  return new Set([...listed, ...example.split('\n')[0]!.split(';'), 'logistic-class']);
}

describe('offer feed formats', () => {
  it('writes Mirakl OF01 with documented columns only, and the required ones', () => {
    const documented = documentedOf01Columns();
    expect(documented.has('price')).toBe(true);
    const file = buildMiraklOf01(offersFor('mirakl'), { logisticClass: 'M', at });
    const table = readCsv(new TextDecoder().decode(file.content));
    for (const h of table.headers) expect(documented.has(h), `OF01 has no column "${h}"`).toBe(true);
    expect(table.headers).toEqual([...of01Columns]);
    for (const required of [
      'sku',
      'product-id',
      'product-id-type',
      'price',
      'quantity',
      'state',
      'update-delete',
    ])
      expect(table.headers).toContain(required);
    expect(table.rows).toHaveLength(60);
    // Product 0: franco 19.90 − 4.90 shipping = 15.00 → .90 → 15.90; quantity 0 % 7 = 0.
    expect(table.rows[0]!.values).toMatchObject({
      sku: 'SKU-0',
      'product-id': ean(1),
      'product-id-type': 'EAN',
      price: '15.90',
      quantity: '0',
      state: '11',
      'update-delete': 'update',
    });
    for (const r of table.rows) expect(r.values.price).toMatch(/^\d+\.\d{2}$/);
    expect(file.positions[0]).toEqual({ position: 2, sku: 'SKU-0', productId: 'prd_0' });
  });

  it('writes Amazon listings feeds that the official JSON schema accepts', () => {
    const schema = JSON.parse(
      readFileSync(fileURLToPath(new URL('./schemas/listings-feed-schema-v2.json', import.meta.url)), 'utf8'),
    );
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const file = buildAmazonListingsFeed(offersFor('amazon'), {
      sellerId: 'A2SELLER',
      productType: 'PRODUCT',
      marketplaceId: 'A13V1IB3VIYZZH',
      at,
    });
    const doc = JSON.parse(new TextDecoder().decode(file.content));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.messages).toHaveLength(60);
    expect(doc.messages[0].patches[0].value[0].our_price[0].schedule[0].value_with_tax).toBe(15.9);
    // The validator does reject a wrong document: a PATCH without patches.
    const broken = { ...doc, messages: [{ ...doc.messages[0], patches: undefined }] };
    expect(validate(JSON.parse(JSON.stringify(broken)))).toBe(false);
  });

  it('writes eBay bulkUpdatePriceQuantity bodies that the Inventory spec accepts, 25 SKUs each', () => {
    const file = buildEbayBulk(offersFor('ebay'), { at });
    const bodies = JSON.parse(new TextDecoder().decode(file.content)) as { requests: unknown[] }[];
    expect(bodies.map((b) => b.requests.length)).toEqual([25, 25, 10]);
    for (const body of bodies)
      expect(
        validateEbayRequest('bulkUpdatePriceQuantity', {
          query: {},
          headers: { 'content-type': 'application/json' },
          body,
        }),
      ).toEqual([]);
    expect(bodies[0]!.requests[0]).toEqual({
      sku: 'SKU-0',
      shipToLocationAvailability: { quantity: 0 },
      offers: [{ offerId: '900', availableQuantity: 0, price: { value: '15.90', currency: 'EUR' } }],
    });
    const wrong = { requests: [{ sku: 'X', price: '1.00' }] };
    expect(
      validateEbayRequest('bulkUpdatePriceQuantity', {
        query: {},
        headers: { 'content-type': 'application/json' },
        body: wrong,
      }),
    ).not.toEqual([]);
  });

  it('exports the generic template as XLSX that re-imports to the same values', async () => {
    const template = {
      fileType: 'xlsx' as const,
      columns: offerFields.map((field) => ({ header: `col ${field}`, field })),
    };
    const offers = offersFor('other');
    const file = await buildTemplateFile(offers, template, { at });
    const table = await readImportFile(file.content);
    expect(table.format).toBe('xlsx');
    expect(table.headers).toEqual(template.columns.map((c) => c.header));
    expect(table.rows).toHaveLength(offers.length);
    table.rows.forEach((row, i) => {
      for (const c of template.columns)
        expect(row.values[c.header], `${c.field} of row ${i}`).toBe(offerValue(offers[i]!, c.field));
    });
    // Leading zeros and trailing zeros survive: the EAN starts with 0, prices end with 0.
    expect(table.rows[0]!.values['col ean']).toBe(ean(1));
    expect(table.rows[0]!.values['col itemPrice']).toBe('15.90');
  });

  it('exports the generic template as CSV that re-imports to the same values', async () => {
    const template = {
      fileType: 'csv' as const,
      columns: defaultFeedSettings('other').template.columns.concat({ header: 'titre', field: 'title' }),
    };
    const offers = offersFor('other');
    const file = await buildTemplateFile(offers, template, { at });
    const table = await readImportFile(file.content);
    table.rows.forEach((row, i) => {
      for (const c of template.columns) expect(row.values[c.header]).toBe(offerValue(offers[i]!, c.field));
    });
  });
});
