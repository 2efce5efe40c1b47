import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../labels/check-digits.js';
import { artifactsDir } from './browser.js';
import { launchPickChromium, type PickSystem, startPickSystem } from './fixtures/pick-harness.js';

const ean = (n: number) => {
  const body = `378${String(n).padStart(9, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};

/** An ERP export with its own column names: three good rows (one textile without care instructions,
 * one whose cost leaves no margin) and one with a price that is not a number. */
const erpCsv = [
  'Ref;Designation;EAN;Famille;Prix TTC;PA HT;Composition;Entretien;Photos',
  `E2E-1;Nappe lin;${ean(1)};maison/table;29.90;10;;;https://img.example/1.jpg`,
  `E2E-2;T-shirt coton;${ean(2)};textile/t-shirts;19.90;6;coton;;https://img.example/2.jpg`,
  `E2E-3;Vase;${ean(3)};maison/deco;12.00;11;;;https://img.example/3.jpg`,
  `E2E-4;Bougie;${ean(4)};maison/deco;douze;3;;;https://img.example/4.jpg`,
].join('\n');

let sys: PickSystem;
let browser: Browser;
let page: Page;
const pageErrors: Error[] = [];

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  sys = await startPickSystem();
  browser = await launchPickChromium();
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err));
  await page.goto(`${sys.baseUrl}/catalog`);
  await page.getByTestId('login-email').fill(sys.test.admin.email);
  await page.getByTestId('login-password').fill(sys.test.admin.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('product-import').waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

/** Opens a product's row on the products page and returns its channel card. */
async function openProduct(sku: string) {
  await page.goto(`${sys.baseUrl}/catalog?q=${sku}`);
  await page.locator(`[data-testid="catalog-row"][data-sku="${sku}"]`).click();
  return page.getByTestId('product-channel').first();
}

describe('catalogue, price rules and feeds in the browser', () => {
  it('imports an ERP file through a column mapping saved on the page', async () => {
    await page.getByTestId('import-file').setInputFiles({
      name: 'erp.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(erpCsv),
    });
    const columns = {
      sku: 'Ref',
      name: 'Designation',
      ean: 'EAN',
      category: 'Famille',
      basePrice: 'Prix TTC',
      cost: 'PA HT',
      images: 'Photos',
    };
    for (const [field, column] of Object.entries(columns))
      await page.getByTestId(`map-${field}`).fill(column);
    await page.getByTestId('attr-add').click();
    await page.getByTestId('attr-name-0').fill('composition');
    await page.getByTestId('attr-column-0').fill('Composition');
    await page.getByTestId('attr-add').click();
    await page.getByTestId('attr-name-1').fill('care_instructions');
    await page.getByTestId('attr-column-1').fill('Entretien');
    await page.getByTestId('mapping-name').fill('ERP export');
    await page.getByTestId('mapping-save').click();
    await expect
      .poll(() => page.getByTestId('import-mapping').locator('option:checked').textContent(), {
        timeout: 30_000,
      })
      .toBe('ERP export');

    await page.getByTestId('import-submit').click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.getByTestId('import-created').textContent()).toBe('3');
    expect(await report.getByTestId('import-bad').textContent()).toBe('1');
    const problems = await report.getByTestId('import-problem').allTextContents();
    expect(problems).toEqual([expect.stringMatching(/^5basePrice/)]);
    await expect
      .poll(() => page.getByTestId('catalog-row').count(), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: `${artifactsDir}/catalog-products.png`, fullPage: true });
  });

  it('sets a price rule, previews it on a product, saves it, and shows prices and blocked products', async () => {
    await page.goto(`${sys.baseUrl}/catalog/rules`);
    const form = page.getByTestId('rules-form');
    await form.waitFor();
    await form.getByTestId('rule-commission').fill('15');
    await form.getByTestId('rule-shipping-mode').selectOption('fixed');
    await form.getByTestId('rule-shipping-amount').fill('4.90');
    await form.getByTestId('rule-rounding').selectOption('x.90');
    await form.getByTestId('rule-min-margin').fill('20');

    // 29.90 franco − 4.90 shipping = 25.00 → 25.90; commission 15 % of 30.80 = 4.62.
    const preview = page.getByTestId('price-preview');
    await preview.getByTestId('preview-sku').fill('E2E-1');
    await preview.getByTestId('preview-run').click();
    const result = preview.getByTestId('preview-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getByTestId('price-item').textContent()).toContain('25.90');
    expect(await result.getByTestId('price-shipping').textContent()).toContain('4.90');
    expect(await result.getByTestId('price-commission').textContent()).toContain('4.62');
    // 30.80 − 4.62 − 10.00 cost.
    expect(await result.getByTestId('price-margin').textContent()).toContain('16.18');
    await page.screenshot({ path: `${artifactsDir}/catalog-rules.png`, fullPage: true });

    await form.getByTestId('rules-save').click();
    await form.getByTestId('rules-saved').waitFor({ timeout: 30_000 });

    const priced = await openProduct('E2E-1');
    expect(await priced.getByTestId('price-item').textContent()).toContain('25.90');
    expect(await priced.getByTestId('price-total').textContent()).toContain('30.80');
    expect(await priced.getByTestId('reason').count()).toBe(0);

    const thin = await openProduct('E2E-3');
    expect(await thin.textContent()).toContain('blocked');
    const marginReason = thin.locator('[data-code="margin_below_floor"]');
    expect(await marginReason.textContent()).toContain('price rule');

    const textile = await openProduct('E2E-2');
    const careReason = textile.locator('[data-code="attribute_missing"]');
    expect(await careReason.textContent()).toContain('quality check');
    expect(await careReason.textContent()).toContain('care_instructions');
    await page.screenshot({ path: `${artifactsDir}/catalog-blocked.png`, fullPage: true });
  });

  it('runs a feed, lists it, serves its file, and ties the channel report back to the product', async () => {
    await page.goto(`${sys.baseUrl}/catalog/feeds`);
    await page.getByTestId('feed-run-now').click();
    await page.getByTestId('feed-message').waitFor({ timeout: 60_000 });
    const run = page.getByTestId('feed-run').first();
    await run.waitFor({ timeout: 30_000 });
    expect(await run.getByTestId('run-offers').textContent()).toBe('1');
    expect(await run.getByTestId('run-blocked').textContent()).toBe('2');

    const href = await run.locator('a[download]').getAttribute('href');
    const file = await page.context().request.get(`${sys.baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect((await file.text()).split('\n')[1]).toContain(`"E2E-1";"${ean(1)}";"EAN";"25.90"`);

    await run.getByTestId('run-details').click();
    const detail = page.getByTestId('run-detail');
    await detail
      .getByTestId('report-text')
      .fill(
        [
          `"sku";"product-id";"price";"error-line";"error-message"`,
          `"E2E-1";"${ean(1)}";"25.90";"2";"The product does not exist in the catalogue"`,
        ].join('\n'),
      );
    await detail.getByTestId('report-attach').click();
    await expect
      .poll(() => detail.getByTestId('report-message').textContent(), { timeout: 30_000 })
      .toContain('1 error(s), 1 matched');
    await expect
      .poll(() => detail.getByTestId('run-error').allTextContents(), { timeout: 30_000 })
      .toEqual([expect.stringContaining('E2E-1')]);
    await page.screenshot({ path: `${artifactsDir}/catalog-feeds.png`, fullPage: true });

    const rejected = await openProduct('E2E-1');
    const channelReason = rejected.locator('[data-code="channel_rejected"]');
    expect(await channelReason.textContent()).toContain('channel rejection');
    expect(await channelReason.textContent()).toContain('does not exist in the catalogue');
    expect(pageErrors).toEqual([]);
  });
});
