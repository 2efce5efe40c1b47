import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../api/channels/http.js';
import { createConnectorFactory } from '../../api/channels/registry.js';
import type { JobQueue } from '../../api/jobs/job-queue.js';
import { queues } from '../../api/jobs/queues.js';
import { startWorkers } from '../../api/jobs/workers.js';
import { createChannel } from '../../api/services/channels/manage-channels.js';
import { deliverFeed } from '../../api/services/feeds/deliver-feed.js';
import type { DeliverFeedJob } from '../../api/services/feeds/queue-feed.js';
import { channelOffers, channels, feedRuns, products } from '../../db/schema/index.js';
import { demoCatalog } from '../../db/seed/demo-catalog.js';
import { gs1CheckDigit } from '../../labels/check-digits.js';
import { ebayCredentials } from '../fakes/ebay/harness.js';
import { createEbayFake, type EbayFake } from '../fakes/ebay/simulator.js';
import { offerImportsOf } from '../fakes/mirakl/offer-imports.js';
import { validateResponse } from '../fakes/mirakl/spec.js';
import { signIn, simulatorBaseUrl, startTestSystem, type TestSystem, waitFor } from '../support/system.js';
import { validateOf01Request, validateOfImportRead } from './support/mirakl-offer-spec.js';

const unknownEan = (() => {
  const body = '376999999077';
  return `${body}${gs1CheckDigit(body)}`;
})();
const [arrosoir, secateur] = demoCatalog as [(typeof demoCatalog)[0], (typeof demoCatalog)[0]];

interface Recorded {
  method: string;
  url: URL;
  form: Record<string, string> | null;
  json: unknown;
  status: number | null;
  response: string;
}

/**
 * Offer feeds delivered to the two channels whose APIs we hold the specs of: Mirakl (OF01 upload, OF02
 * read back until done, OF03 kept as the run's report) and eBay (bulkUpdatePriceQuantity, each SKU's
 * answer kept as the report). Each error ends up next to its product on the products page.
 */
describe('feed delivery', () => {
  let t: TestSystem;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let ebay: EbayFake;
  let ebayChannelId: string;
  const recorded: Recorded[] = [];
  /** GET /api/offers/imports/{id} calls still to fail as if the network dropped them. */
  let failImportReads = 0;
  const queued: { name: string; data: DeliverFeedJob; startAfterSeconds?: number }[] = [];

  const route: FetchLike = async (input, init) => {
    const url = new URL(input);
    const entry: Recorded = {
      method: init.method ?? 'GET',
      url,
      form: null,
      json: null,
      status: null,
      response: '',
    };
    recorded.push(entry);
    if (init.body instanceof FormData) {
      entry.form = {};
      for (const [k, v] of init.body.entries()) entry.form[k] = typeof v === 'string' ? v : await v.text();
    } else if (typeof init.body === 'string' && init.body.startsWith('{')) entry.json = JSON.parse(init.body);
    if (failImportReads > 0 && /^\/api\/offers\/imports\/\d+$/.test(url.pathname)) {
      failImportReads--;
      throw new TypeError('fetch failed');
    }
    const res =
      url.hostname === 'api.ebay.com'
        ? await ebay.app.request(input, init)
        : await t.simulator.app.request(input.replace(simulatorBaseUrl, ''), init);
    entry.status = res.status;
    entry.response = await res.clone().text();
    return res;
  };
  const jobs: JobQueue = {
    send: async (name, data, options) => {
      queued.push({
        name,
        data: data as DeliverFeedJob,
        ...(options?.startAfterSeconds ? { startAfterSeconds: options.startAfterSeconds } : {}),
      });
      return 'job';
    },
    sendMany: async () => {},
    get boss(): never {
      throw new Error('not in this test');
    },
  };
  // The job as the worker runs it, with the channel behind the recording router and no in-place retry.
  const deliver = (job: DeliverFeedJob) =>
    deliverFeed(
      {
        ...t.system.deps,
        jobs,
        connectors: createConnectorFactory(route, { retry: { readRetries: 0, maxInlineWaitMs: 0 } }),
      },
      job,
    );

  const runOf = async (id: string) =>
    (await t.system.deps.db.select().from(feedRuns).where(eq(feedRuns.id, id)))[0]!;
  const productOn = async (sku: string, channelId: string) => {
    const page = (await (await admin.get(`/api/catalog/products?q=${sku}`)).json()) as {
      sku: string;
      channels: { channelId: string; lastStatus: string | null; lastReasons: { message: string }[] }[];
    }[];
    return page.find((p) => p.sku === sku)!.channels.find((c) => c.channelId === channelId)!;
  };
  const runNow = async (channelId: string) => {
    const res = await admin.post(`/api/feeds/channels/${channelId}/run`);
    expect(res.status, await res.clone().text()).toBe(201);
    const [run] = (await res.json()) as { id: string; offers: number }[];
    return run!;
  };

  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    admin = await signIn(t.app, t.admin);
    ebay = createEbayFake({ ...ebayCredentials, seed: 11, autoAdvance: true });
    ebayChannelId = (
      await createChannel(t.system.deps, {
        type: 'ebay',
        name: 'eBay',
        credentials: ebayCredentials,
        settings: { apiBase: 'https://api.ebay.com' },
      })
    ).id;

    // Two products the marketplaces know (the fakes' catalogue, by EAN and SKU), one they do not.
    const header = 'sku;name;ean;category;price;cost;images';
    const rows = [
      `${arrosoir.sku};${arrosoir.name};${arrosoir.ean};maison/jardin;29.90;10;https://img.example/a.jpg`,
      `${secateur.sku};${secateur.name};${secateur.ean};maison/jardin;29.90;10;https://img.example/s.jpg`,
      `FEED-NEW;Nouveauté;${unknownEan};maison/jardin;29.90;10;https://img.example/n.jpg`,
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
    expect(imported.status, await imported.clone().text()).toBe(200);

    const settings = (await (await admin.get('/api/pricing/channels')).json()) as {
      channelId: string;
      rule: Record<string, unknown>;
      quality: Record<string, unknown>;
      feed: Record<string, unknown>;
    }[];
    for (const s of settings.filter((c) => c.channelId === t.channelId || c.channelId === ebayChannelId)) {
      const saved = await admin.call('PUT', `/api/pricing/channels/${s.channelId}`, {
        rule: {
          ...s.rule,
          commissionBps: 1500,
          shippingMode: 'fixed',
          shippingAmount: 490,
          rounding: 'x.90',
        },
        quality: s.quality,
        // No scheduled runs: the runs of this test are the ones it makes.
        feed: { ...s.feed, miraklLogisticClass: 'M', intervalMinutes: 0 },
      });
      expect(saved.status, await saved.clone().text()).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('Mirakl: uploads a run once, reads the import until done, keeps OF03 next to the products', async () => {
    const run = await runNow(t.channelId);
    expect(run.offers).toBeGreaterThanOrEqual(3);
    const store = offerImportsOf(t.simulator.state);
    store.holdNextImport(1);
    recorded.length = 0;

    // The upload answers, then the read right after it is lost: the job fails and the queue retries it.
    failImportReads = 1;
    await expect(deliver({ runId: run.id })).rejects.toThrow(/fetch failed/);
    const sent = await runOf(run.id);
    expect(sent).toMatchObject({ status: 'sent', externalId: String(store.imports[0]!.importId) });
    expect(sent.deliveryError).toMatch(/fetch failed/);

    // The retry reads the same import back (still running: a follow-up job is queued), never uploads again.
    expect(await deliver({ runId: run.id })).toBe('processing');
    expect((await runOf(run.id)).status).toBe('processing');
    expect(queued).toEqual([
      expect.objectContaining({ name: queues.deliverFeed, data: { runId: run.id, poll: 1 } }),
    ]);
    expect(await deliver(queued[0]!.data)).toBe('completed');
    expect(await deliver(queued[0]!.data)).toBe('done_already');

    const uploads = recorded.filter((r) => r.method === 'POST');
    expect(uploads).toHaveLength(1);
    expect(store.imports).toHaveLength(1);
    const done = await runOf(run.id);
    expect(done).toMatchObject({ status: 'completed', errorCount: 1, deliveryError: null });

    // The marketplace holds the two offers it knows, at the file's price; the unknown one is in OF03.
    const file = new TextDecoder().decode(done.file);
    const lineOf = (sku: string) => file.split('\n').findIndex((l) => l.startsWith(`"${sku}"`)) + 1;
    expect(store.offers.get(arrosoir.sku)).toMatchObject({ productEan: arrosoir.ean, price: '25.90' });
    expect(store.offers.has('FEED-NEW')).toBe(false);
    const errors = (await (await admin.get(`/api/feeds/runs/${run.id}/errors`)).json()) as unknown[];
    expect(errors).toEqual([
      expect.objectContaining({
        line: lineOf('FEED-NEW'),
        sku: 'FEED-NEW',
        message: 'The product does not exist',
      }),
    ]);
    expect(await productOn('FEED-NEW', t.channelId)).toMatchObject({
      lastStatus: 'rejected',
      lastReasons: [{ message: 'The product does not exist' }],
    });
    expect((await productOn(arrosoir.sku, t.channelId)).lastStatus).toBe('published');

    // Every call as the spec has it: OF01 in NORMAL mode (never REPLACE), OF02 and OF03 on its import id.
    expect(recorded.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'POST /api/offers/imports',
      'GET /api/offers/imports/2001',
      'GET /api/offers/imports/2001',
      'GET /api/offers/imports/2001',
      'GET /api/offers/imports/2001/error_report',
    ]);
    expect(uploads[0]!.form?.import_mode).toBe('NORMAL');
    for (const r of recorded) {
      if (r.method === 'POST') {
        expect(validateOf01Request(r.url, r.form ?? {})).toEqual([]);
        expect(validateResponse('OF01', r.status!, JSON.parse(r.response))).toEqual([]);
      } else {
        expect(validateOfImportRead(r.url)).toEqual([]);
        if (r.status !== null && !r.url.pathname.endsWith('/error_report'))
          expect(validateResponse('OF02', r.status, JSON.parse(r.response))).toEqual([]);
      }
    }
    expect(recorded.at(-1)!.response.split('\n')[0]).toMatch(/"error-line";"error-message"$/);
  });

  it('Mirakl: an import the marketplace fails as a whole fails the run, with its reason', async () => {
    const run = await runNow(t.channelId);
    const bad = new TextEncoder().encode('"sku";"colour"\n"ARR-1050";"green"\n');
    await t.system.deps.db.update(feedRuns).set({ file: bad }).where(eq(feedRuns.id, run.id));
    expect(await deliver({ runId: run.id })).toBe('failed');
    expect(await runOf(run.id)).toMatchObject({ status: 'failed', externalId: expect.any(String) });
    expect((await runOf(run.id)).deliveryError).toMatch(/FAILED: Unknown column\(s\): colour/);
  });

  it('Mirakl: a run older than another run of its channel is never sent', async () => {
    const older = await runNow(t.channelId);
    const newer = await runNow(t.channelId);
    // Written a second apart, whatever the clock's resolution.
    const at = (await runOf(newer.id)).createdAt;
    await t.system.deps.db
      .update(feedRuns)
      .set({ createdAt: new Date(at.getTime() - 1000) })
      .where(eq(feedRuns.id, older.id));
    const imports = offerImportsOf(t.simulator.state).imports.length;
    expect(await deliver({ runId: older.id })).toBe('superseded');
    expect(offerImportsOf(t.simulator.state).imports).toHaveLength(imports);
    expect(await deliver({ runId: newer.id })).toBe('completed');
    expect(offerImportsOf(t.simulator.state).imports).toHaveLength(imports + 1);
  });

  it("eBay: sends the bulk calls and keeps each SKU's answer as the run's report", async () => {
    const [arr] = await t.system.deps.db.select().from(products).where(eq(products.sku, arrosoir.sku));
    await t.system.deps.db
      .insert(channelOffers)
      .values({ channelId: ebayChannelId, productId: arr!.id, status: 'published', externalId: 'OFR-1' })
      .onConflictDoUpdate({
        target: [channelOffers.channelId, channelOffers.productId],
        set: { externalId: 'OFR-1' },
      });
    const run = await runNow(ebayChannelId);
    expect(await deliver({ runId: run.id })).toBe('completed');
    expect(await deliver({ runId: run.id })).toBe('done_already');

    const calls = ebay.received.filter((c) => c.operationId === 'bulkUpdatePriceQuantity');
    expect(calls).toHaveLength(1);
    expect(ebay.violations).toEqual([]);
    expect(ebay.responseViolations).toEqual([]);
    expect(ebay.state.offers.get('OFR-1')).toMatchObject({ sku: arrosoir.sku, price: { value: '25.90' } });

    expect(await runOf(run.id)).toMatchObject({ status: 'completed', errorCount: 1 });
    const errors = (await (await admin.get(`/api/feeds/runs/${run.id}/errors`)).json()) as unknown[];
    expect(errors).toEqual([expect.objectContaining({ sku: 'FEED-NEW', message: 'SKU not found' })]);
    expect(await productOn('FEED-NEW', ebayChannelId)).toMatchObject({
      lastStatus: 'rejected',
      lastReasons: [{ message: 'SKU not found' }],
    });
    expect((await productOn(arrosoir.sku, ebayChannelId)).lastStatus).toBe('published');
  });

  it('the feed job queues the delivery with the run, and the worker takes it to done', async () => {
    // The workers' own connectors reach the Mirakl simulator only.
    await t.system.deps.db.update(channels).set({ isEnabled: false }).where(eq(channels.id, ebayChannelId));
    // The runs queued by the rule edits (a minute later) would only come after this one.
    await t.system.deps.db.execute(sql`delete from pgboss.job where name = ${queues.generateFeed}`);
    await startWorkers(t.system.deps, { pollingIntervalSeconds: 0.5, defaultPullIntervalSeconds: 3600 });
    const imports = offerImportsOf(t.simulator.state).imports.length;
    const run = await runNow(t.channelId);
    const done = await waitFor(
      async () => {
        const r = await runOf(run.id);
        return r.status === 'completed' || r.status === 'failed' ? r : null;
      },
      30_000,
      'the run delivered',
    );
    expect(done).toMatchObject({ status: 'completed', errorCount: 1 });
    expect(offerImportsOf(t.simulator.state).imports).toHaveLength(imports + 1);
    const listed = (await (await admin.get(`/api/feeds/runs?channelId=${t.channelId}`)).json()) as {
      id: string;
      status: string;
      errorCount: number;
    }[];
    expect(listed.find((r) => r.id === run.id)).toMatchObject({ status: 'completed', errorCount: 1 });
    // The earlier runs' jobs, queued with them, find their runs finished and send nothing more.
    const earlier = await t.system.deps.db
      .select({ status: feedRuns.status })
      .from(feedRuns)
      .where(and(eq(feedRuns.channelId, t.channelId)));
    expect(earlier.every((r) => ['completed', 'failed', 'superseded'].includes(r.status))).toBe(true);
  });
});
