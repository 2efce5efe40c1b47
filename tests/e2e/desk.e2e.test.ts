import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippingRules } from '../../db/schema/index.js';
import { type Labelled, labelledOrder } from '../desk/support.js';
import { decodeBarcodesInPdf } from '../support/decode-barcodes.js';
import { launchPickChromium, type PickSystem, startPickSystem } from './fixtures/pick-harness.js';

let sys: PickSystem;
let browser: Browser;
let labelled: Labelled[];
const pageErrors: Error[] = [];

beforeAll(async () => {
  sys = await startPickSystem();
  browser = await launchPickChromium();
  labelled = [
    await labelledOrder(sys.test, [{ sku: 'SEC-220', quantity: 1 }]),
    await labelledOrder(sys.test, [{ sku: 'GAN-M', quantity: 1 }]),
  ];
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

async function deskPage(path: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err));
  await page.goto(`${sys.baseUrl}${path}`);
  await page.getByTestId('login-email').fill('desk@test.local');
  await page.getByTestId('login-password').fill('desk password 1');
  await page.getByTestId('login-submit').click();
  return page;
}

describe('the shipping desk in the browser', () => {
  it('creates a shipping rule, tests it on a sample order, and saves it', async () => {
    const page = await deskPage('/desk/rules');
    await page.getByTestId('rule-new').click();
    const form = page.getByTestId('rule-form');
    await form.getByTestId('rule-name').fill('Corsica by sea');
    await form.getByTestId('rule-countries').fill('FR');
    await form.getByTestId('rule-postcodes').fill('20*');
    await form.getByTestId('rule-serviceCode').fill('CORSE');
    await form.getByTestId('rule-packaging').fill('box-m');

    await form.getByTestId('sample-postalCode').fill('69007');
    await form.getByTestId('rule-test').click();
    await expect
      .poll(() => form.getByTestId('rule-test-match').textContent(), { timeout: 30_000 })
      .toContain('does not match');
    await form.getByTestId('sample-postalCode').fill('20000');
    await form.getByTestId('rule-test').click();
    await expect
      .poll(() => form.getByTestId('rule-test-match').textContent(), { timeout: 30_000 })
      .toContain('matches the sample');
    expect(await form.getByTestId('rule-test-winner').textContent()).toContain('Corsica by sea — CORSE');

    await form.getByTestId('rule-save').click();
    await page.getByTestId('rules-message').waitFor();
    await expect
      .poll(() => page.getByTestId('rule').allTextContents(), { timeout: 30_000 })
      .toEqual([expect.stringContaining('Corsica by sea')]);
    const [saved] = await sys.test.system.deps.db
      .select()
      .from(shippingRules)
      .where(eq(shippingRules.name, 'Corsica by sea'));
    expect(saved).toMatchObject({
      position: 1,
      serviceCode: 'CORSE',
      packaging: 'box-m',
      carrierAccountId: null,
      conditions: { countries: ['FR'], postcodes: ['20*'] },
    });
    await page.context().close();
  });

  it('prints a carrier group as one merged PDF from the desk', async () => {
    const page = await deskPage('/desk');
    const group = page.getByTestId('print-group');
    await page.getByTestId('print-queue').waitFor();
    expect(pageErrors).toEqual([]);
    await expect.poll(() => group.getByTestId('print-row').count(), { timeout: 30_000 }).toBe(2);
    await group.getByTestId('select-group').check();
    // The job goes to the browser's print dialog; its bytes are read on the way through.
    let printed: { status: number; type: string; body: Buffer } | null = null;
    await page.route('**/api/desk/print', async (route) => {
      const response = await route.fetch();
      printed = {
        status: response.status(),
        type: response.headers()['content-type'] ?? '',
        body: await response.body(),
      };
      await route.fulfill({ response });
    });
    await page.getByTestId('print-selected').click();
    await expect.poll(() => printed !== null, { timeout: 30_000 }).toBe(true);
    const res = printed as unknown as { status: number; type: string; body: Buffer };
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const pdf = new Uint8Array(res.body);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(2);
    const decoded = (await decodeBarcodesInPdf(pdf)).map((d) => d.text);
    for (const l of labelled) expect(decoded).toContain(l.trackingNumber);
    await expect
      .poll(() => page.getByTestId('desk-message').textContent(), { timeout: 30_000 })
      .toContain('2 labels');
    // Printed: the "not printed yet" view is now empty.
    await expect.poll(() => page.getByTestId('print-row').count(), { timeout: 30_000 }).toBe(0);
    await page.context().close();
  });
});
