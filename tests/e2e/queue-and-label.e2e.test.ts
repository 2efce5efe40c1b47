import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pullChannel } from '../../api/services/channels/pull-channel.js';
import { decodeBarcodesInPdf } from '../support/decode-barcodes.js';
import { signIn, startTestSystem, type TestSystem } from '../support/system.js';
import { artifactsDir, ensureWebBuild, launchChromium, webDist } from './browser.js';
import { driveToLabel, pullUntilImported } from './drive-order.js';

let test: TestSystem;
let server: ReturnType<typeof serve>;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext | undefined;
const orders: { externalId: string; id: string }[] = [];
let shipped: { id: string; externalId: string; trackingNumber: string };

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(artifactsDir, { recursive: true });
  test = await startTestSystem({ webRoot: webDist });
  server = serve({ fetch: test.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The second order is past its ship-by date: the queue must flag it as late.
  const lateDeadline = new Date(Date.now() - 3 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const created = [
    test.simulator.createOrder(),
    test.simulator.createOrder({ patch: { shipping_deadline: lateDeadline } }),
  ];
  const api = await signIn(test.app, test.admin);
  const ids = await pullUntilImported(
    test,
    api,
    created.map((o) => o.order_id),
  );
  for (const o of created) orders.push({ externalId: o.order_id, id: ids.get(o.order_id)! });
  const first = orders[0]!;
  const label = await driveToLabel(test, api, first.id);
  shipped = { ...first, trackingNumber: label.trackingNumber };

  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await test?.stop();
});

async function openPage(): Promise<{ page: Page; pageErrors: Error[] }> {
  context = await browser.newContext({
    acceptDownloads: true,
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (err) => pageErrors.push(err));
  await page.goto(baseUrl);
  return { page, pageErrors };
}

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('order queue and shipping label in the browser', () => {
  it('signs in, lists the orders, opens the shipped one and downloads a label that scans', async () => {
    const { page, pageErrors } = await openPage();
    await signInThroughForm(page, test.admin.email, test.admin.password);

    await expect.poll(() => page.getByTestId('current-user').textContent()).toBeTruthy();
    for (const o of orders) {
      await page.locator(`[data-testid="queue-row"][data-external-id="${o.externalId}"]`).waitFor();
    }
    const shownIds = await page.getByTestId('queue-order-link').allTextContents();
    expect(shownIds).toEqual(expect.arrayContaining(orders.map((o) => o.externalId)));
    // Sorted by ship-by as the API returns it: the late order comes first, in red.
    expect(shownIds[0]).toBe(orders[1]!.externalId);
    const lateShipBy = page.locator(
      `[data-testid="queue-row"][data-external-id="${orders[1]!.externalId}"] [data-tone]`,
    );
    expect(await lateShipBy.getAttribute('data-tone')).toBe('late');
    await page.screenshot({ path: join(artifactsDir, 'queue.png'), fullPage: true });

    await page.locator(`[data-testid="queue-row"][data-external-id="${shipped.externalId}"]`).click();
    await expect.poll(() => page.getByTestId('order-external-id').textContent()).toBe(shipped.externalId);
    expect(new URL(page.url()).pathname).toBe(`/orders/${shipped.id}`);
    const trackingOnPage = (await page.getByTestId('tracking-number').first().textContent())?.trim() ?? '';
    expect(trackingOnPage).toBe(shipped.trackingNumber);
    await page.screenshot({ path: join(artifactsDir, 'order.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-label').first().click(),
    ]);
    const savedAt = join(artifactsDir, 'label.pdf');
    await download.saveAs(savedAt);
    expect(download.suggestedFilename()).toBe(`${trackingOnPage}.pdf`);
    const pdf = new Uint8Array(readFileSync(savedAt));
    expect(Buffer.from(pdf.subarray(0, 4)).toString('latin1')).toBe('%PDF');
    const decoded = await decodeBarcodesInPdf(pdf);
    expect(decoded.map((b) => b.text)).toContain(trackingOnPage);

    expect(pageErrors).toEqual([]);
  });

  it('shows a malformed order on the parked page with its reason and raw payload', async () => {
    const raw = test.simulator.buildOrder({ lines: [{ sku: 'GAN-L', quantity: 1 }] });
    (raw.order_lines[0] as Record<string, unknown>).quantity = -3;
    test.simulator.addRawOrder(raw);
    await pullChannel(test.system.deps, test.channelId);

    const { page, pageErrors } = await openPage();
    await signInThroughForm(page, test.admin.email, test.admin.password);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${baseUrl}/parked`);
    const card = page.getByTestId('parked-order').filter({ hasText: raw.order_id });
    await card.waitFor();
    expect(await card.textContent()).toMatch(/quantity/i);
    await card.locator('summary').first().click();
    expect(await card.locator('pre').first().textContent()).toContain(raw.order_id);
    await page.screenshot({ path: join(artifactsDir, 'parked.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('shows an error on the login form when the password is wrong', async () => {
    const { page, pageErrors } = await openPage();
    await signInThroughForm(page, test.admin.email, 'not the password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Email or password is wrong.');
    await page.screenshot({ path: join(artifactsDir, 'login-error.png') });
    expect(await page.getByTestId('login-form').isVisible()).toBe(true);
    expect(await page.getByTestId('queue-table').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
