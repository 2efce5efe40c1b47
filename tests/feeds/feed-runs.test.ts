import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../labels/check-digits.js';
import { signIn, startTestSystem, type TestSystem } from '../support/system.js';

const ean = (n: number) => {
  const body = `376${String(n).padStart(9, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};

/**
 * Rules saved → feed generated → the channel's OF03 report attached: the products page shows each
 * product's price on the channel, why a blocked one is not published, and the channel's own message.
 */
describe('feed runs', () => {
  let t: TestSystem;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    admin = await signIn(t.app, t.admin);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('prices, blocks with reasons, writes OF01, and ties the import report back to products', async () => {
    const header = 'sku;name;ean;category;price;cost;composition;care;images';
    const rows = [
      `FEED-1;Nappe lin;${ean(1)};maison/table;29.90;10;;;https://img.example/1.jpg`,
      // Textile without care instructions: blocked by the quality rule.
      `FEED-2;T-shirt coton;${ean(2)};textile/t-shirts;19.90;6;coton;;https://img.example/2.jpg`,
      // Cost too high for the margin floor.
      `FEED-3;Vase;${ean(3)};maison/deco;12.00;11;;;https://img.example/3.jpg`,
    ];
    const form = new FormData();
    form.set('file', new Blob([[header, ...rows].join('\n')]), 'erp.csv');
    form.set(
      'mapping',
      JSON.stringify({
        columns: {
          sku: 'sku',
          name: 'name',
          ean: 'ean',
          category: 'category',
          basePrice: 'price',
          cost: 'cost',
          'attr:composition': 'composition',
          'attr:care_instructions': 'care',
          images: 'images',
        },
        defaults: {},
      }),
    );
    const imported = await t.app.request('/api/catalog/products/import', {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-requested-with': 'fetch' },
      body: form,
    });
    expect(imported.status).toBe(200);
    expect(((await imported.json()) as { created: number }).created).toBe(3);

    const channels = (await (await admin.get('/api/pricing/channels')).json()) as {
      channelId: string;
      channelType: string;
      rule: Record<string, unknown>;
      quality: Record<string, unknown>;
      feed: Record<string, unknown>;
    }[];
    const mirakl = channels.find((c) => c.channelId === t.channelId)!;
    expect(mirakl.feed.format).toBe('mirakl-of01');
    const saved = await admin.call('PUT', `/api/pricing/channels/${t.channelId}`, {
      rule: {
        ...mirakl.rule,
        commissionBps: 1500,
        shippingMode: 'fixed',
        shippingAmount: 490,
        rounding: 'x.90',
        minMarginBps: 2000,
      },
      quality: mirakl.quality,
      feed: { ...mirakl.feed, miraklLogisticClass: 'M' },
    });
    expect(saved.status, await saved.clone().text()).toBe(200);

    const run = await admin.post(`/api/feeds/channels/${t.channelId}/run`);
    expect(run.status).toBe(201);
    const [summary] = (await run.json()) as { id: string; offers: number; blocked: number }[];
    expect(summary).toMatchObject({ offers: 1 });
    expect(summary!.blocked).toBeGreaterThanOrEqual(2);

    const file = await admin.get(`/api/feeds/runs/${summary!.id}/file`);
    const csv = await file.text();
    // FEED-1: 29.90 − 4.90 = 25.00 → 25.90 (no stock: quantity 0).
    expect(csv.split('\n')[1]).toBe(`"FEED-1";"${ean(1)}";"EAN";"25.90";"0";"11";"";"M";"update"`);

    // Mirakl's OF03 error file: the offer's columns plus error-line and error-message.
    const report = [
      `"sku";"product-id";"price";"error-line";"error-message"`,
      `"FEED-1";"${ean(1)}";"25.90";"2";"The product does not exist"`,
    ].join('\n');
    const attached = await t.app.request(`/api/feeds/runs/${summary!.id}/report`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-requested-with': 'fetch', 'content-type': 'text/plain' },
      body: report,
    });
    expect(attached.status, await attached.clone().text()).toBe(200);
    expect(await attached.json()).toEqual({ errors: 1, matched: 1 });

    const errors = (await (await admin.get(`/api/feeds/runs/${summary!.id}/errors`)).json()) as {
      line: number;
      sku: string;
      message: string;
    }[];
    expect(errors).toEqual([
      expect.objectContaining({ line: 2, sku: 'FEED-1', message: 'The product does not exist' }),
    ]);

    const page = (await (await admin.get('/api/catalog/products?q=FEED-')).json()) as {
      sku: string;
      channels: {
        channelId: string;
        price: { itemPrice: number; shippingPrice: number; commission: { total: number } };
        isPublishable: boolean;
        reasons: { code: string }[];
        lastStatus: string | null;
        lastReasons: { message: string }[];
      }[];
    }[];
    const on = (sku: string) =>
      page.find((p) => p.sku === sku)!.channels.find((c) => c.channelId === t.channelId)!;
    expect(on('FEED-1')).toMatchObject({
      price: { itemPrice: 2590, shippingPrice: 490, commission: { total: 462 } },
      isPublishable: true,
      lastStatus: 'rejected',
      lastReasons: [{ message: 'The product does not exist' }],
    });
    expect(on('FEED-2').reasons.map((r) => r.code)).toEqual(['attribute_missing']);
    expect(on('FEED-2').lastStatus).toBe('blocked');
    expect(on('FEED-3').reasons.map((r) => r.code)).toEqual(['margin_below_floor']);

    const runs = (await (await admin.get('/api/feeds/runs')).json()) as { id: string; errorCount: number }[];
    expect(runs.find((r) => r.id === summary!.id)?.errorCount).toBe(1);
  });
});
