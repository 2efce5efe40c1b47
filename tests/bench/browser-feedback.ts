import {
  badgeLogin,
  launchPickChromium,
  remainingOf,
  scanInRealTime as scan,
  startPickSystem,
  startWaveInBrowser,
  waveOf,
} from '../e2e/fixtures/pick-harness.js';
import { percentile, type Row } from './row.js';

/**
 * In the real picking PWA in headless Chromium: time from the key that ends a wedge scan to the sound
 * being scheduled (the page records it, see web/src/pages/pick/pick-feedback.ts). Keys are typed in real
 * time, so the Enter key's own timestamp is when it arrived. Scans are checked on
 * the device against the cached pick list, so the server's time is not part of this figure.
 */
export async function benchBrowserFeedback(): Promise<Row[]> {
  const sys = await startPickSystem();
  const browser = await launchPickChromium();
  try {
    const orders = Array.from({ length: 8 }, () => [{ sku: 'GRA-TOM', quantity: 5 }]);
    const { waveId } = await waveOf(sys, orders);
    const context = await browser.newContext({ viewport: { width: 420, height: 860 } });
    const { page } = await badgeLogin(context, sys.baseUrl);
    await startWaveInBrowser(page, waveId, 'single');
    const view = (await (await sys.picker.get(`/api/waves/${waveId}`)).json()) as {
      steps: { binCode: string; barcodes: string[] }[];
    };
    const item = view.steps[0]!.barcodes[0]!;
    for (let guard = 0; guard < 30 && !(await page.getByTestId('wave-done').isVisible()); guard++) {
      const bin = (await page.getByTestId('step-bin').textContent())!.trim();
      await scan(page, bin);
      const remaining = await remainingOf(page);
      for (let i = 0; i < remaining; i++) await scan(page, item);
    }
    const latencies = (
      await page.evaluate(() =>
        (window as unknown as { shipdeskFeedbackLatencies: number[] }).shipdeskFeedbackLatencies.slice(),
      )
    ).sort((a, b) => a - b);
    // A time below zero means the key events were not stamped when they arrived: the figure would lie.
    if (latencies.length === 0 || latencies[0]! < 0)
      throw new Error(`scan → sound times are not measurable: ${latencies.slice(0, 3).join(', ')}`);
    return [
      {
        figure: `scan → sound in the PWA (${latencies.length} wedge scans) p50`,
        value: +percentile(latencies, 50).toFixed(1),
        unit: 'ms',
        target: '< 100',
      },
      {
        figure: 'scan → sound in the PWA p95',
        value: +percentile(latencies, 95).toFixed(1),
        unit: 'ms',
        target: '< 100',
      },
      {
        figure: 'scan → sound in the PWA max',
        value: +(latencies.at(-1) ?? 0).toFixed(1),
        unit: 'ms',
        target: '< 100',
      },
    ];
  } finally {
    await browser.close();
    await sys.stop();
  }
}
