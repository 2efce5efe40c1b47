import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullChannel } from '../../api/services/channels/pull-channel.js';
import { events, shipments } from '../../db/schema/index.js';
import { type FakePrinter, startFakePrinter, zplProblems } from '../fakes/printer/raw-tcp-printer.js';
import { barcodeOf } from '../picking/fixtures.js';
import { signIn, startTestSystem, type TestSystem, waitFor } from '../support/system.js';
import { decodeSymbolsInZpl } from '../support/zpl-render.js';
import { ensureWebBuild, launchChromium, webDist } from './browser.js';
import { pullUntilImported } from './drive-order.js';
import { scan } from './fixtures/pick-harness.js';

type Client = Awaited<ReturnType<typeof signIn>>;

async function json<T>(res: Response, expected = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A keyboard-wedge read (scanner or scale): real key events at scanner speed, then Enter. */
const wedge = scan;

/** Last scan → printer, as measured by this run (reported, never asserted). */
const packTimings: { lastScanToPrinterMs: number | null; pageMs: number | null } = {
  lastScanToPrinterMs: null,
  pageMs: null,
};

describe('packing station in the browser', () => {
  let t: TestSystem;
  let baseUrl: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let printer: FakePrinter;
  let desk: Client;
  let picker: Client;

  beforeAll(async () => {
    ensureWebBuild();
    t = await startTestSystem({ webRoot: webDist });
    const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
    picker = await signIn(t.app, { badge: 'BADGE-0001', pin: '1234' });
    printer = await startFakePrinter();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await printer?.close();
    await close?.();
    await t?.stop();
  });

  /** A marketplace order pulled, accepted at the channel, and picked into a tote in a cluster wave. */
  async function orderInTote(tote: string) {
    const simOrder = t.simulator.createOrder({
      lines: [
        { sku: 'SEC-220', quantity: 2 },
        { sku: 'GAN-M', quantity: 1 },
      ],
    });
    const ids = await pullUntilImported(t, desk, [simOrder.order_id]);
    const orderId = ids.get(simOrder.order_id)!;
    // The worker accepts the order at the channel (OR21); the next pull brings it back ready to pick.
    await waitFor(
      async () => {
        await pullChannel(t.system.deps, t.channelId);
        const order = await json<{ status: string }>(await desk.get(`/api/orders/${orderId}`));
        return order.status === 'ready';
      },
      60_000,
      'order ready after acceptance',
    );
    const { waveId } = await json<{ waveId: string }>(
      await desk.post('/api/waves', { orderIds: [orderId] }),
      201,
    );
    await json(await picker.post(`/api/waves/${waveId}/start`, { mode: 'cluster' }));
    await json(await picker.post(`/api/waves/${waveId}/totes`, { toteCode: tote }));
    const wave = await json<{ steps: { binCode: string; barcodes: string[]; remaining: number }[] }>(
      await picker.get(`/api/waves/${waveId}`),
    );
    for (const step of wave.steps)
      await json(
        await picker.post(`/api/waves/${waveId}/pick-scans`, {
          clientScanId: randomUUID(),
          binCode: step.binCode,
          itemCode: step.barcodes[0],
          toteCode: tote,
          quantity: step.remaining,
        }),
      );
    const picked = await json<{ status: string }>(await desk.get(`/api/orders/${orderId}`));
    expect(picked.status).toBe('picked');
    return { orderId, externalId: simOrder.order_id };
  }

  it('tote scan → item scans → two parcels → ZPL labels at the network printer → both numbers at the channel', async () => {
    const { db } = t.system.deps;
    const zebra = await json<{ id: string }>(
      await desk.post('/api/printers', {
        name: 'Zebra pack 1',
        kind: 'zpl_network',
        host: printer.host,
        port: printer.port,
      }),
      201,
    );
    const { orderId, externalId } = await orderInTote('tot_pack0001');

    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (err) => pageErrors.push(err));
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(m.text()));
    await page.goto(`${baseUrl}/pack`);
    await page.getByTestId('login-tab-badge').click();
    await page.getByTestId('login-badge').click();
    await page.keyboard.type('BADGE-0002', { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByTestId('login-pin').fill('5678');
    await page.getByTestId('badge-submit').click();
    await page.getByTestId('pack-prompt').waitFor();
    await page.getByTestId('pack-printer').selectOption(zebra.id);
    await page.getByTestId('pack-printer-check').click();
    await expect.poll(() => page.getByTestId('pack-printer-status').getAttribute('data-ready')).toBe('true');
    expect(printer.statusQueries).toBeGreaterThan(0);
    // The selects keep focus otherwise; scans go to the page, as on a station with a scanner.
    await page.locator('h1').click();

    await wedge(page, 'tot_pack0001');
    const order = page.getByTestId('pack-order');
    await page
      .locator('[data-testid=pack-order],[data-testid=pack-message]')
      .first()
      .waitFor()
      .catch(async (err) => {
        throw new Error(
          `${err}\n${pageErrors.join('\n')}\n${await page.textContent('body')}\n${consoleLines.join('\n')}`,
        );
      });
    expect(await page.getByTestId('pack-message').count(), (await page.textContent('main')) ?? '').toBe(0);
    expect(await order.getAttribute('data-order-id')).toBe(orderId);

    // A wrong item is refused, with the error sound's message saying what was expected.
    await wedge(page, await barcodeOf(db, 'GAN-L'));
    const message = page.getByTestId('pack-message');
    await expect.poll(() => message.getAttribute('data-kind')).toBe('error');
    expect(await message.textContent()).toMatch(/not in this order.*Expected.*SEC-220/);

    const secateur = await barcodeOf(db, 'SEC-220');
    await page.locator('h1').click();
    await wedge(page, secateur);
    await expect.poll(() => page.getByTestId('pack-box-units').textContent()).toBe('(1)');
    await wedge(page, secateur);
    await expect.poll(() => page.getByTestId('pack-box-units').textContent()).toBe('(2)');
    // The scale types its reading like a scanner; it lands in the parcel's weight.
    await wedge(page, '1.250 kg');
    await expect.poll(() => page.getByTestId('pack-weight').inputValue()).toBe('1.25');
    await page.getByTestId('pack-packaging').selectOption('box-s');
    await page.getByTestId('pack-close').click();
    await expect.poll(() => page.getByTestId('pack-box').getAttribute('data-seq')).toBe('2');

    // The last scan closes parcel 2 and sends both labels to the printer.
    await page.getByTestId('pack-packaging').selectOption('mailer');
    await page.locator('h1').click();
    const gloves = await barcodeOf(db, 'GAN-M');
    const lastScanAt = performance.now();
    await wedge(page, gloves);
    const formats = await printer.waitForFormats(2, 30_000);
    packTimings.lastScanToPrinterMs = Math.round(printer.receivedAt.at(-1)! - lastScanAt);
    await expect.poll(() => page.getByTestId('pack-print-status').getAttribute('data-via')).toBe('sent');
    packTimings.pageMs = Math.round(
      await page.evaluate(
        () => (window as unknown as { shipdeskPackTimings: number[] }).shipdeskPackTimings.at(-1)!,
      ),
    );
    console.log(
      `packing: last scan → printer ${packTimings.lastScanToPrinterMs} ms (page: scan Enter → printed answer ${packTimings.pageMs} ms)`,
    );

    const parcels = page.getByTestId('pack-parcel');
    await expect.poll(() => parcels.count()).toBe(2);
    const tracking = [
      await parcels.nth(0).getAttribute('data-tracking'),
      await parcels.nth(1).getAttribute('data-tracking'),
    ] as string[];
    expect(tracking.every((n) => /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(n))).toBe(true);
    expect(new Set(tracking).size).toBe(2);

    // What the printer received is valid ZPL, and each label's barcode, read by an independent
    // renderer and decoder, is its parcel's tracking number.
    expect(printer.jobs).toHaveLength(1);
    expect(zplProblems(printer.jobs[0]!)).toEqual([]);
    expect(formats).toHaveLength(2);
    for (const [i, format] of formats.entries()) {
      const decoded = await decodeSymbolsInZpl(format, { widthMm: 101.6, heightMm: 152.4, dpi: 203 });
      expect(decoded.filter((d) => d.format.startsWith('Code128')).map((d) => d.text)).toContain(tracking[i]);
    }
    const printed = (await db.select().from(events).where(eq(events.orderId, orderId))).filter(
      (e) => e.type === 'parcel.label_printed',
    );
    expect(printed).toHaveLength(2);

    // The dock scans the parcels out; the push carries both tracking numbers to the channel (OR23).
    const [shipment] = await db.select().from(shipments).where(eq(shipments.orderId, orderId));
    await json(await desk.post(`/api/shipments/${shipment!.id}/ship`));
    await waitFor(
      async () => {
        const [s] = await db.select().from(shipments).where(eq(shipments.id, shipment!.id));
        return s?.channelPushStatus === 'confirmed';
      },
      60_000,
      'tracking confirmed at the channel',
    );
    const or23 = t.simulator.received.filter(
      (c) => c.operationId === 'OR23' && c.path.startsWith(`/api/orders/${externalId}/`),
    );
    expect(or23).toHaveLength(1);
    const sent = (or23[0]!.body as { tracking_number: string }).tracking_number;
    expect(sent.split(',').sort()).toEqual([...tracking].sort());
    expect(t.simulator.state.orders.get(externalId)?.order_state).toBe('SHIPPED');
    expect(pageErrors).toEqual([]);
  });
});
