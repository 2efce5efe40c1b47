import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { and, eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  binStock,
  bins,
  channels,
  productBarcodes,
  products,
  refunds,
  stockMovements,
} from '../../db/schema/index.js';
import { signIn, startTestSystem, type TestSystem, waitFor } from '../support/system.js';
import { artifactsDir, ensureWebBuild, launchChromium, webDist } from './browser.js';
import { driveToLabel, pullUntilImported } from './drive-order.js';
import { scan } from './fixtures/pick-harness.js';

let test: TestSystem;
let server: ReturnType<typeof serve>;
let baseUrl: string;
let browser: Browser;

/** A 1×1 PNG standing in for the device camera's photo. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(artifactsDir, { recursive: true });
  test = await startTestSystem({ webRoot: webDist });
  await test.system.deps.db
    .update(channels)
    .set({ settings: sql`${channels.settings} || '{"stockPushIntervalSeconds":1}'::jsonb` })
    .where(eq(channels.id, test.channelId));
  server = serve({ fetch: test.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await test?.stop();
});

/** Frequencies of every tone the page scheduled (the scanner feedback's oscillators). */
const tonesOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tones: number[] }).__tones.slice());

describe('returns bench in Chromium', () => {
  it('scans the parcel and its items, restocks to a scanned bin, and refunds once at Mirakl', async () => {
    const { db } = test.system.deps;
    const sim = test.simulator.createOrder({ lines: [{ sku: 'GAN-M', quantity: 2 }] });
    const admin = await signIn(test.app, test.admin);
    const orderId = (await pullUntilImported(test, admin, [sim.order_id])).get(sim.order_id)!;
    const label = await driveToLabel(test, admin, orderId);
    expect((await admin.post(`/api/shipments/${label.shipmentId}/ship`)).status).toBe(200);

    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 800, height: 1000 } });
    await context.addInitScript(() => {
      const tones: number[] = [];
      (window as unknown as { __tones: number[] }).__tones = tones;
      const create = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        const osc = create.call(this);
        const set = osc.frequency.setValueAtTime.bind(osc.frequency);
        osc.frequency.setValueAtTime = (hz: number, at: number) => {
          tones.push(hz);
          return set(hz, at);
        };
        return osc;
      };
    });
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (err) => pageErrors.push(err));
    await page.goto(`${baseUrl}/returns`);
    await page.getByTestId('login-email').fill('desk@test.local');
    await page.getByTestId('login-password').fill('desk password 1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('returns-bench').waitFor();
    // Audio starts after a gesture, as on a real device.
    await page.getByTestId('return-prompt').click();

    const prompt = page.getByTestId('return-prompt');
    const message = page.getByTestId('return-message');
    expect(await prompt.getAttribute('data-phase')).toBe('parcel');
    await scan(page, 'NOT-A-PARCEL');
    await message.waitFor();
    expect(await message.getAttribute('data-tone')).toBe('bad');
    expect(await message.textContent()).toMatch(/tracking number/);
    await waitFor(async () => (await tonesOf(page)).includes(140), 10_000, 'the error tone');

    await scan(page, label.trackingNumber);
    await page
      .getByTestId('return-detail')
      .waitFor()
      .catch(async (err) => {
        throw new Error(`${err}: ${await message.textContent()} ${await prompt.textContent()} ${pageErrors}`);
      });
    expect(await prompt.getAttribute('data-phase')).toBe('item');
    const returnId = (await page.getByTestId('return-detail').getAttribute('data-return-id'))!;

    const eanOf = async (sku: string) =>
      (
        await db
          .select({ code: productBarcodes.code })
          .from(productBarcodes)
          .innerJoin(products, eq(products.id, productBarcodes.productId))
          .where(eq(products.sku, sku))
      )[0]!.code;
    await scan(page, await eanOf('SEC-220'));
    await waitFor(
      async () => (await message.getAttribute('data-tone')) === 'bad',
      10_000,
      'wrong item refused',
    );
    expect(await message.textContent()).toContain('Expected: GAN-M');
    await waitFor(async () => (await tonesOf(page)).includes(220), 10_000, 'the wrong-item tone');

    const [gloves] = await db.select().from(products).where(eq(products.sku, 'GAN-M'));
    const onHand = async () =>
      Number(
        (
          await db
            .select({ n: sql<number>`coalesce(sum(${binStock.onHand} - ${binStock.reserved}), 0)::int` })
            .from(binStock)
            .where(eq(binStock.productId, gloves!.id))
        )[0]!.n,
      );
    const before = await onHand();

    // First unit: resellable, back on shelf D-01-02-1 by scanning its label.
    await scan(page, await eanOf('GAN-M'));
    expect(await prompt.getAttribute('data-phase')).toBe('condition');
    await page.getByTestId('condition-resellable').click();
    await page.getByTestId('decision-restock').click();
    expect(await prompt.getAttribute('data-phase')).toBe('bin');
    await scan(page, 'D-01-02-1');
    await waitFor(async () => (await prompt.getAttribute('data-phase')) === 'item', 10_000, 'restocked');
    expect(await message.getAttribute('data-tone')).toBe('ok');
    // Second unit: damaged, so restock is not offered; quarantined.
    await scan(page, 'GAN-M');
    await page.getByTestId('condition-damaged').click();
    expect(await page.getByTestId('decision-restock').isDisabled()).toBe(true);
    await page.getByTestId('decision-quarantine').click();
    await waitFor(
      async () => (await page.getByTestId('return-line').first().getAttribute('data-returned')) === '2',
      10_000,
      'both units recorded',
    );
    await page
      .getByTestId('return-photo')
      .setInputFiles({ name: 'damage.png', mimeType: 'image/png', buffer: png });
    await waitFor(
      async () => (await message.textContent())?.includes('Photo saved') ?? false,
      10_000,
      'photo saved',
    );

    expect(await onHand()).toBe(before + 1);
    const [shelf] = await db.select().from(bins).where(eq(bins.code, 'D-01-02-1'));
    const ledger = await db
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.reason, 'return'), eq(stockMovements.reference, returnId)));
    expect(ledger.map((m) => [m.binId, m.delta])).toEqual([[shelf!.id, 1]]);

    // Refund what came back, shipping included; the push reaches Mirakl once.
    await page.getByTestId('refund-shipping').check();
    await page.getByTestId('refund-submit').click();
    await page.locator('[data-testid="refund"][data-status="confirmed"]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(artifactsDir, 'returns-bench.png'), fullPage: true });
    const or28 = test.simulator.received.filter((c) => c.operationId === 'OR28');
    expect(or28).toHaveLength(1);
    const line = test.simulator.state.orders.get(sim.order_id)!.order_lines[0]!;
    expect(line.refunds).toEqual([
      expect.objectContaining({ amount: 19.8, shipping_amount: Number(line.shipping_price) }),
    ]);
    const [row] = await db.select().from(refunds).where(eq(refunds.orderId, orderId));
    expect(row).toMatchObject({ pushStatus: 'confirmed', itemsMinor: 1980, reason: 'return' });

    // The channel is shown the restocked unit.
    await waitFor(
      async () => {
        const files = test.simulator.received
          .filter((c) => c.operationId === 'STO01' && c.status === 201)
          .map((c) => (c.body as { file?: { content?: string } }).file?.content ?? '');
        const last = files
          .flatMap((f) => f.split('\n'))
          .filter((l) => l.startsWith('"GAN-M"'))
          .at(-1);
        return last !== undefined && Number(last.split(';')[1]) === (await onHand());
      },
      60_000,
      'GAN-M pushed to Mirakl with the restocked unit',
    );

    // Customer service sees the return and the refund on the order page.
    await page.goto(`${baseUrl}/orders/${orderId}`);
    await page.locator('[data-testid="after-sales-refund"][data-status="confirmed"]').waitFor();
    const types = await page
      .locator('[data-testid="timeline"] li')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-type')));
    expect(types).toEqual(
      expect.arrayContaining(['return.opened', 'return.item_scanned', 'refund.confirmed_at_channel']),
    );
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
