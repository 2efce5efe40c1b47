import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { generateHistory } from '../dashboard/generate-history.js';
import { genChannels, genPickers } from '../dashboard/history-rules.js';
import type { HistoryTruth } from '../dashboard/history-truth.js';
import { signIn, startTestSystem, type TestSystem, waitFor } from '../support/system.js';
import { artifactsDir, ensureWebBuild, launchChromium, webDist } from './browser.js';

/**
 * The dashboard in Chromium over a generated history whose true figures are known: the KPI tiles show
 * them, a tile opens the orders behind it and each is a link to its order page. The API runs on a clock
 * fixed at the instant the history was generated against, so the windows are exactly the truth's.
 */
const size = 6_000;

let test: TestSystem;
let server: ReturnType<typeof serve>;
let baseUrl: string;
let browser: Browser;
let truth: HistoryTruth;
let app: ReturnType<typeof createApp>;

type Api = Awaited<ReturnType<typeof signIn>>;
interface Figure {
  kpi: string;
  windowDays: number;
  numerator: number;
  denominator: number;
  rate: number | null;
  level: string;
}
interface ChannelKpis {
  channelId: string;
  channelName: string;
  kpis: Figure[];
}

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(artifactsDir, { recursive: true });
  test = await startTestSystem({ webRoot: webDist, workers: false });
  const generated = await generateHistory(test.system.deps.db, size, new Date());
  truth = generated.truth;
  app = createApp({ ...test.system.deps, clock: { now: () => generated.now } }, { webRoot: webDist });
  server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await test?.stop();
});

/** What the page must print for a rate: the same locale and rounding, from the true counts. */
const percent = (rate: number) =>
  new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 2 }).format(rate);

async function signInAt(page: Page, path: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.getByTestId('login-email').fill(test.admin.email);
  await page.getByTestId('login-password').fill(test.admin.password);
  await page.getByTestId('login-submit').click();
}

describe('dashboard in Chromium', () => {
  it('shows the true KPI figures, drills down to the orders behind one, and exports every table', async () => {
    const api: Api = await signIn(app, test.admin);
    // Open the alerts the history deserves, as the worker's 5-minute job would.
    const evaluated = (await (await api.post('/api/dashboard/alerts/evaluate')).json()) as { opened: number };
    expect(evaluated.opened).toBeGreaterThan(0);
    const kpis = (await (await api.get('/api/dashboard/kpis')).json()) as ChannelKpis[];

    const context = await browser.newContext({
      locale: 'en-GB',
      timezoneId: 'UTC',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (err) => pageErrors.push(err));
    await signInAt(page, '/dashboard');
    await page.getByTestId('dashboard').waitFor();
    const tiles = page.getByTestId('kpi-tile');
    await tiles.first().waitFor();

    // Every tile of every generated channel: the counts and the rate are the truth's, the level the API's.
    let compared = 0;
    for (const channel of genChannels) {
      const fromApi = kpis.find((c) => c.channelId === channel.id)!;
      for (const k of fromApi.kpis) {
        const tile = page.locator(
          `[data-testid="kpi-tile"][data-channel="${channel.id}"][data-kpi="${k.kpi}"][data-window="${k.windowDays}"]`,
        );
        const expected = truth.kpis.get(`${channel.id}:${k.kpi}:${k.windowDays}`)!;
        expect(expected.denominator, `${channel.name} ${k.kpi} ${k.windowDays}d`).toBeGreaterThan(0);
        const defectRate = expected.numerator / expected.denominator;
        const isMin = k.kpi === 'valid_tracking' || k.kpi === 'on_time_delivery';
        expect(await tile.getByTestId('kpi-rate').textContent()).toBe(
          percent(isMin ? 1 - defectRate : defectRate),
        );
        expect(await tile.getByTestId('kpi-count').textContent()).toMatch(
          new RegExp(`^${expected.numerator}\\D.*\\D${expected.denominator}\\D`),
        );
        expect(await tile.getAttribute('data-level')).toBe(k.level);
        compared++;
      }
    }
    expect(compared).toBe(
      genChannels.reduce((n, c) => n + kpis.find((k) => k.channelId === c.id)!.kpis.length, 0),
    );
    // The generated rates put at least one figure near or past its threshold, coloured as such.
    expect(
      await page
        .locator(
          '[data-testid="kpi-tile"][data-level="breach"], [data-testid="kpi-tile"][data-level="warning"]',
        )
        .count(),
    ).toBeGreaterThan(0);

    // Today's work: the deadlines of the open orders, counted in the warehouse's (UTC) days.
    for (const bucket of ['late', 'today', 'tomorrow'] as const) {
      expect(
        Number(await page.getByTestId(`today-total-${bucket}`).locator('.dash-total-value').textContent()),
        bucket,
      ).toBe(truth.today[bucket]);
    }
    expect(await page.getByTestId('at-risk-row').count()).toBe(
      truth.today.late + truth.today.today + truth.today.tomorrow,
    );
    // Warehouse, last 7 days: one row per picker with the true number of picks.
    for (const picker of genPickers) {
      const row = page.getByTestId('picker-row').filter({ hasText: picker.name });
      expect(await row.locator('td').nth(1).textContent()).toBe(
        String(truth.pickers.get(picker.id)?.picks ?? 0),
      );
    }
    // The chart is drawn (uPlot's canvas and legend), with this year and the past seasons.
    await page.getByTestId('orders-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('orders-chart').locator('.u-legend').textContent()).toContain(
      '1 year(s) ago',
    );

    // Drill down: Amazon's 30-day late shipments, the orders behind the figure.
    const late = truth.kpis.get('chn_gen_amazon:late_shipment:30')!;
    expect(late.numerator).toBeGreaterThan(0);
    await page
      .locator(
        '[data-testid="kpi-tile"][data-channel="chn_gen_amazon"][data-kpi="late_shipment"][data-window="30"]',
      )
      .click();
    const drill = page.getByTestId('kpi-orders');
    await drill.getByTestId('kpi-orders-total').waitFor();
    expect(await drill.getByTestId('kpi-orders-total').textContent()).toBe(` (${late.numerator})`);
    expect(await drill.getByTestId('kpi-order-row').count()).toBe(Math.min(late.numerator, 100));
    expect(new URL(page.url()).searchParams.get('kpi')).toBe('chn_gen_amazon,late_shipment,30');

    // The drill-down's CSV holds the same orders as the API's list.
    const listed = (await (
      await api.get(
        '/api/dashboard/kpis/orders?channelId=chn_gen_amazon&kpi=late_shipment&windowDays=30&limit=1000',
      )
    ).json()) as { orders: { externalId: string }[] };
    const csvHref = (await drill.getByTestId('csv-kpi-orders').getAttribute('href'))!;
    const csv = await (await context.request.get(`${baseUrl}${csvHref}`)).text();
    const csvRows = csv.trim().split(/\r?\n/);
    expect(csvRows[0]).toBe('order_id,external_id,status,placed_at,ship_by,shipped_at');
    expect(
      csvRows
        .slice(1)
        .map((r) => r.split(',')[1])
        .sort(),
    ).toEqual(listed.orders.map((o) => o.externalId).sort());

    // Every table on the page has its CSV link, and each answers a CSV with a header.
    for (const table of [
      'kpis',
      'alerts',
      'today',
      'at-risk',
      'pickers',
      'import-to-ship',
      'orders-per-day',
      'stock-coverage',
    ]) {
      const link = page.getByTestId(`csv-${table}`);
      const res = await context.request.get(`${baseUrl}${await link.getAttribute('href')}`);
      expect(res.status(), table).toBe(200);
      expect(res.headers()['content-type'], table).toContain('text/csv');
    }

    // One click more: the order page of the first order behind the figure.
    const first = drill.getByTestId('kpi-order-link').first();
    const externalId = (await first.textContent())!;
    await first.click();
    await page.getByTestId('order-external-id').waitFor();
    expect(await page.getByTestId('order-external-id').textContent()).toBe(externalId);
    expect(new URL(page.url()).pathname).toMatch(/^\/orders\/ord_gen_\d+$/);
    // Back returns to the dashboard with the same figure open.
    await page.goBack();
    await page.getByTestId('kpi-orders').getByTestId('kpi-orders-total').waitFor();

    // An open alert, acknowledged from the page, is acknowledged in the API.
    const alert = page.locator('[data-testid="alert"][data-acknowledged="no"]').first();
    await alert.waitFor();
    const before = await page.locator('[data-testid="alert"][data-acknowledged="no"]').count();
    await alert.getByTestId('alert-acknowledge').click();
    await waitFor(
      async () =>
        (await page.locator('[data-testid="alert"][data-acknowledged="no"]').count()) === before - 1,
      20_000,
      'the alert marked as seen',
    );
    const alerts = (await (await api.get('/api/dashboard/alerts')).json()) as {
      acknowledgedAt: string | null;
    }[];
    expect(alerts.filter((a) => a.acknowledgedAt).length).toBe(1);

    // Alert webhook (admin): the secret is written, never read back.
    const secret = 'a webhook secret of some length';
    await page.getByTestId('webhook-url').fill('https://hooks.example.test/shipdesk');
    await page.getByTestId('webhook-secret').fill(secret);
    await page.getByTestId('webhook-enabled').check();
    await page.getByTestId('settings-save').click();
    await page.getByTestId('dash-alert-settings').getByRole('status').waitFor();
    expect(await page.getByTestId('webhook-secret').inputValue()).toBe('');
    // The form reads the settings back after saving: the placeholder follows a moment after the status.
    await page.waitForFunction(() =>
      /secret is saved/.test(
        document.querySelector('[data-testid="webhook-secret"]')?.getAttribute('placeholder') ?? '',
      ),
    );
    expect(await page.getByTestId('webhook-secret').getAttribute('placeholder')).toMatch(/secret is saved/);
    const settingsText = await (await api.get('/api/dashboard/alert-settings')).text();
    expect(JSON.parse(settingsText)).toMatchObject({
      webhookUrl: 'https://hooks.example.test/shipdesk',
      isWebhookEnabled: true,
      hasWebhookSecret: true,
    });
    expect(settingsText).not.toContain(secret);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(artifactsDir, 'dashboard.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('fits a phone: tables turn into cards, the chart follows the width', async () => {
    const context = await browser.newContext({
      locale: 'en-GB',
      timezoneId: 'UTC',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await signInAt(page, '/dashboard');
    await page.getByTestId('orders-chart').locator('canvas').waitFor();
    await page.getByTestId('picker-row').first().waitFor();
    await page.screenshot({ path: join(artifactsDir, 'dashboard-phone.png'), fullPage: true });
    // Nothing on the page wider than the screen (the culprits named if so); wide tables scroll in their box.
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main *')]
        .filter(
          (el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.table-wrap'),
        )
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`,
        )
        .slice(0, 10),
    );
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('main')!.scrollWidth)).toBeLessThanOrEqual(390);
    // The top bar too: its links scroll sideways in their own row rather than widen the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
