import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/system.js';
import { artifactsDir } from './browser.js';
import { ean13Video } from './fixtures/fake-camera.js';
import {
  badgeLogin,
  launchPickChromium,
  type PickSystem,
  scan,
  startPickSystem,
  startWaveInBrowser,
  unsyncedOf,
  waveOf,
} from './fixtures/pick-harness.js';

let sys: PickSystem;
let browser: Browser;
let context: BrowserContext | undefined;
let wave: { waveId: string; ean: string };

beforeAll(async () => {
  sys = await startPickSystem();
  const { waveId } = await waveOf(sys, [[{ sku: 'LAM-SOL', quantity: 1 }]]);
  const view = (await (await sys.picker.get(`/api/waves/${waveId}`)).json()) as {
    steps: { barcodes: string[] }[];
  };
  wave = { waveId, ean: view.steps[0]!.barcodes[0]! };
  // The fake camera is chosen when Chromium starts, so the video exists before the launch.
  const video = await ean13Video(`${artifactsDir}/camera`, wave.ean);
  browser = await launchPickChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await sys?.stop();
});

describe('picking with the camera', () => {
  it('the bin by wedge, the item read by the camera from a fake video of its EAN-13', async () => {
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 420, height: 860 } });
    await context.grantPermissions(['camera'], { origin: sys.baseUrl });
    const { page, pageErrors } = await badgeLogin(context, sys.baseUrl);
    await startWaveInBrowser(page, wave.waveId, 'single');
    expect(await page.getByTestId('step-prompt').textContent()).toBe('Scannez l’emplacement');
    await scan(page, 'C-01-01-1');
    expect(await page.getByTestId('step-prompt').getAttribute('data-phase')).toBe('item');
    await page.getByTestId('camera-toggle').click();
    await page.getByTestId('wave-done').waitFor({ timeout: 30_000 });
    await waitFor(async () => (await unsyncedOf(page)) === 0, 20_000, 'camera pick synced');
    const state = (await (await sys.picker.get(`/api/waves/${wave.waveId}`)).json()) as {
      wave: { status: string; unitsPicked: number };
    };
    expect(state.wave).toMatchObject({ status: 'done', unitsPicked: 1 });
    expect(pageErrors).toEqual([]);
  });
});
