import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyOrder } from '../picking/fixtures.js';
import { launchPickChromium, type PickSystem, startPickSystem } from './fixtures/pick-harness.js';

let sys: PickSystem;
let browser: Browser;

beforeAll(async () => {
  sys = await startPickSystem();
  browser = await launchPickChromium();
});

afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

describe('the desk builds waves from the app', () => {
  it('plans waves from the ready orders, capped per cart, and pickers see them', async () => {
    for (let i = 0; i < 5; i++) {
      await createReadyOrder(sys.test.system.deps.db, sys.test.channelId, [{ sku: 'GAN-M', quantity: 1 }]);
    }
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${sys.baseUrl}/pick`);
    await page.getByTestId('login-email').fill('desk@test.local');
    await page.getByTestId('login-password').fill('desk password 1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('wave-planner').waitFor();
    await page.getByTestId('wave-planner').locator('input[type="number"]').first().fill('2');
    await page.getByTestId('plan-waves').click();
    await expect.poll(() => page.getByTestId('wave').count(), { timeout: 15_000 }).toBe(3);
    const waves = (await (await sys.picker.get('/api/waves')).json()) as { unitsTotal: number }[];
    expect(waves.map((w) => w.unitsTotal).sort()).toEqual([1, 2, 2]);
    await context.close();
  });
});
