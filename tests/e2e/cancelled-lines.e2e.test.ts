import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullChannel } from '../../api/services/channels/pull-channel.js';
import { channels, orders } from '../../db/schema/index.js';
import { miraklDate } from '../fakes/mirakl/order-factory.js';
import { acceptOrder } from '../fakes/mirakl/store.js';
import { signIn, simulatorKey, startTestSystem, type TestSystem } from '../support/system.js';
import { ensureWebBuild, launchChromium, webDist } from './browser.js';

/**
 * Units the channel cancelled, as people see them: struck through or counted on the order page with a
 * "put back on the shelf" banner for units already picked, flagged "do not pack" at the pack station; and
 * a channel's credential replaced through the Channels page without the secret ever coming back.
 */
describe('cancelled lines and channel credentials in Chromium', () => {
  let t: TestSystem;
  let baseUrl: string;
  let close: () => Promise<void>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let clock = Date.now();
  const later = () => {
    clock += 60_000;
    return new Date(clock);
  };

  beforeAll(async () => {
    ensureWebBuild();
    t = await startTestSystem({ webRoot: webDist, workers: false });
    const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await close?.();
    await t?.stop();
  });

  async function newPage(locale: string): Promise<{ page: Page; errors: Error[] }> {
    const context = await browser.newContext({ locale, viewport: { width: 1100, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (err) => errors.push(err));
    return { page, errors };
  }

  async function signInAt(page: Page, path: string) {
    await page.goto(`${baseUrl}${path}`);
    await page.getByTestId('login-email').fill(t.admin.email);
    await page.getByTestId('login-password').fill(t.admin.password);
    await page.getByTestId('login-submit').click();
  }

  /** An order pulled, accepted, and picked in full; then the channel cancels one line whole and one unit of another. */
  async function pickedThenCancelled() {
    const { db } = t.system.deps;
    const sim = t.simulator.createOrder({
      lines: [
        { sku: 'SEC-220', quantity: 2 },
        { sku: 'POT-30T', quantity: 2 },
        { sku: 'GAN-L', quantity: 1 },
      ],
    });
    await pullChannel(t.system.deps, t.channelId);
    acceptOrder(
      t.simulator.state,
      sim.order_id,
      sim.order_lines.map((l) => ({ id: l.order_line_id, accepted: true })),
      later(),
    );
    await pullChannel(t.system.deps, t.channelId);
    const [order] = await db.select().from(orders).where(eq(orders.externalId, sim.order_id));
    expect(order?.status).toBe('ready');
    const orderId = order!.id;

    const picker = await signIn(t.app, { badge: 'BADGE-0001', pin: '1234' });
    const steps = (await (await picker.get(`/api/orders/${orderId}/pick-list`)).json()) as {
      binCode: string;
      barcodes: string[];
      quantity: number;
    }[];
    let n = 0;
    for (const step of steps)
      for (let i = 0; i < step.quantity; i++) {
        const res = await picker.post(`/api/orders/${orderId}/pick-scans`, {
          clientScanId: `cl-${orderId}-${n++}`,
          binCode: step.binCode,
          itemCode: step.barcodes[0],
        });
        expect(res.status).toBe(200);
      }

    const stamp = miraklDate(later());
    const atChannel = t.simulator.state.orders.get(sim.order_id)!;
    for (const line of atChannel.order_lines) {
      if (line.offer_sku === 'POT-30T') line.order_line_state = 'CANCELED';
      if (line.offer_sku === 'SEC-220')
        line.cancelations = [
          {
            id: `${line.order_line_id}-c1`,
            quantity: 1,
            amount: 0,
            commission_amount: 0,
            commission_taxes: [],
            commission_total_amount: 0,
            created_date: stamp,
            reason_code: '34',
          },
        ];
      line.last_updated_date = stamp;
    }
    atChannel.last_updated_date = stamp;
    await pullChannel(t.system.deps, t.channelId);
    return { orderId, externalId: sim.order_id };
  }

  it('shows cancelled units on the order page, in English and in French, and flags them at the pack station', async () => {
    const { orderId, externalId } = await pickedThenCancelled();
    const desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
    const detail = (await (await desk.get(`/api/orders/${orderId}`)).json()) as {
      status: string;
      lines: { sku: string; quantity: number; quantityCancelled: number; quantityCancelledPicked: number }[];
    };
    expect(detail.status).toBe('picked');
    const bySku = new Map(detail.lines.map((l) => [l.sku, l]));
    expect(bySku.get('SEC-220')).toMatchObject({
      quantity: 1,
      quantityCancelled: 1,
      quantityCancelledPicked: 1,
    });
    expect(bySku.get('POT-30T')).toMatchObject({ quantityCancelled: 2, quantityCancelledPicked: 2 });

    const { page, errors } = await newPage('en-GB');
    await signInAt(page, `/orders/${orderId}`);
    const line = (sku: string) => page.locator(`[data-testid=order-line][data-sku="${sku}"]`);
    await line('POT-30T').waitFor();
    expect(await line('POT-30T').getAttribute('class')).toContain('line-cancelled');
    expect(await line('POT-30T').getByTestId('line-cancelled').textContent()).toBe(
      '2 of 2 cancelled by the channel',
    );
    expect(
      await line('POT-30T')
        .locator('.line-title')
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe('line-through');
    expect((await line('SEC-220').getAttribute('class')) ?? '').not.toContain('line-cancelled');
    expect(await line('SEC-220').getByTestId('line-cancelled').textContent()).toBe(
      '1 of 2 cancelled by the channel',
    );
    expect(await line('SEC-220').getByTestId('line-put-back').textContent()).toBe(
      '1 already picked: put back on the shelf',
    );
    expect(await line('GAN-L').getByTestId('line-cancelled').count()).toBe(0);
    const banner = page.getByTestId('put-back-banner');
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.textContent()).toContain('put them back on the shelf');
    const putBack = await banner
      .getByTestId('put-back-line')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-sku')));
    expect(putBack.sort()).toEqual(['POT-30T', 'SEC-220']);

    const fr = await newPage('fr-FR');
    await signInAt(fr.page, `/orders/${orderId}`);
    const frLine = fr.page.locator('[data-testid=order-line][data-sku="SEC-220"]');
    await frLine.waitFor();
    expect(await frLine.getByTestId('line-cancelled').textContent()).toBe('1 sur 2 annulé(s) par le canal');
    expect(await fr.page.getByTestId('put-back-banner').textContent()).toContain('remettez-les en rayon');

    // The pack station: the order opens from its number; what was cancelled is not to go in the box.
    await page.goto(`${baseUrl}/pack`);
    await page.getByTestId('pack-prompt').waitFor();
    await page.evaluate((burst) => {
      for (const key of [...burst, 'Enter'])
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }, externalId);
    await page.getByTestId('pack-order').waitFor();
    expect(await page.getByTestId('pack-order').getAttribute('data-order-id')).toBe(orderId);
    expect(await page.getByTestId('pack-put-back').textContent()).toContain('Do not pack them');
    const packLine = page.locator('[data-testid=pack-line][data-sku="SEC-220"]');
    expect(await packLine.getByTestId('pack-line-cancelled').textContent()).toBe(
      '1 of 2 cancelled by the channel',
    );
    expect(await packLine.getByTestId('pack-return-to-shelf').textContent()).toBe(
      'Do not pack — return 1 to the shelf',
    );
    expect(await packLine.locator('.pack-count').textContent()).toBe('0 / 1');
    const whole = page.locator('[data-testid=pack-line-cancelled-whole][data-sku="POT-30T"]');
    expect(await whole.getByTestId('pack-return-to-shelf').getAttribute('data-count')).toBe('2');
    expect(await whole.locator('.pack-count').textContent()).toBe('Cancelled by the channel');
    expect(
      await page
        .locator('[data-testid=pack-line][data-sku="GAN-L"]')
        .getByTestId('pack-return-to-shelf')
        .count(),
    ).toBe(0);
    // The whole-cancelled line is not one to pack: the lines to pack are the two still wanted.
    expect(await page.getByTestId('pack-line').count()).toBe(2);
    expect([...errors, ...fr.errors]).toEqual([]);
  });

  it('replaces a channel credential through the form: only what changed is sent, the secret never comes back', async () => {
    const { db, secrets } = t.system.deps;
    const sealed = async () => (await db.select().from(channels).where(eq(channels.id, t.channelId)))[0]!;
    const before = await sealed();
    const { page, errors } = await newPage('en-GB');
    const patches: string[] = [];
    const answers: Promise<string>[] = [];
    page.on('request', (req) => {
      if (req.method() === 'PATCH') patches.push(req.postData() ?? '');
    });
    page.on('response', (res) => {
      if (res.url().includes('/api/channels')) answers.push(res.text().catch(() => ''));
    });
    await signInAt(page, '/channels');
    const card = page.locator(`[data-testid=channel][data-channel-id="${t.channelId}"]`);
    await card.getByTestId('channel-edit').click();
    const form = card.getByTestId('channel-form');
    await form.waitFor();
    expect(await form.getByTestId('credential-state-apiKey').getAttribute('data-set')).toBe('true');
    expect(await form.getByTestId('credential-state-apiKey').textContent()).toBe('set');
    expect(await form.getByTestId('credential-apiKey').inputValue()).toBe('');
    expect(await form.getByTestId('setting-baseUrl').inputValue()).toBe(String(before.settings.baseUrl));

    async function replaceKey(value: string) {
      const saves = patches.length;
      await form.getByTestId('credential-apiKey').fill(value);
      await form.getByTestId('channel-save').click();
      await form.getByTestId('channel-saved').waitFor();
      await expect.poll(() => patches.length).toBe(saves + 1);
      await expect.poll(() => form.getByTestId('credential-apiKey').inputValue()).toBe('');
    }
    /** The result replaces the previous one once the test has run. */
    async function expectConnection(result: RegExp) {
      await card.getByTestId('channel-test').click();
      await expect
        .poll(async () => {
          const shown = card.getByTestId('connection-result');
          return (await shown.count()) > 0 ? await shown.textContent() : '';
        })
        .toMatch(result);
    }

    await replaceKey('wrong-key-from-the-form');
    expect(JSON.parse(patches.at(-1)!)).toEqual({ credentials: { apiKey: 'wrong-key-from-the-form' } });
    const after = await sealed();
    expect(secrets.open(after.credentialsSealed)).toEqual({ apiKey: 'wrong-key-from-the-form' });
    expect(after.settings).toEqual(before.settings);
    expect(after.name).toBe(before.name);
    await expectConnection(/^✗/);

    await replaceKey(simulatorKey);
    expect(secrets.open(after.credentialsSealed)).not.toEqual(
      secrets.open((await sealed()).credentialsSealed),
    );
    expect(secrets.open<{ apiKey: string }>((await sealed()).credentialsSealed).apiKey).toBe(simulatorKey);
    await expectConnection(/^✓/);

    // A setting edit sends that setting alone.
    await form.getByTestId('setting-pullIntervalSeconds').fill('1800');
    await form.getByTestId('channel-save').click();
    await expect.poll(() => patches.length).toBe(3);
    expect(JSON.parse(patches.at(-1)!)).toEqual({ settings: { pullIntervalSeconds: 1800 } });
    await expect.poll(async () => (await sealed()).settings.pullIntervalSeconds).toBe(1800);
    expect(secrets.open<{ apiKey: string }>((await sealed()).credentialsSealed).apiKey).toBe(simulatorKey);

    for (const text of await Promise.all(answers)) {
      expect(text).not.toContain('wrong-key-from-the-form');
      expect(text).not.toContain(simulatorKey);
    }
    expect(answers.length).toBeGreaterThan(2);
    expect(errors).toEqual([]);
  });
});
