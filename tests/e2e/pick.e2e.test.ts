import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cycleCounts, events, orders } from '../../db/schema/index.js';
import { waitFor } from '../support/system.js';
import {
  badgeLogin,
  launchPickChromium,
  type PickSystem,
  remainingOf,
  scan,
  startPickSystem,
  startWaveInBrowser,
  unsyncedOf,
  waveOf,
} from './fixtures/pick-harness.js';

let sys: PickSystem;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  sys = await startPickSystem();
  browser = await launchPickChromium();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

async function openPicker(): Promise<{ page: Page; pageErrors: Error[] }> {
  context = await browser.newContext({ locale: 'en-GB', viewport: { width: 420, height: 860 } });
  return badgeLogin(context, sys.baseUrl);
}

/** Barcodes by bin code, as the labels on the shelves and boxes would read. */
async function codesOf(waveId: string) {
  const view = (await (await sys.picker.get(`/api/waves/${waveId}`)).json()) as {
    steps: { binCode: string; barcodes: string[] }[];
  };
  return new Map(view.steps.map((s) => [s.binCode, s.barcodes[0]!]));
}

/** Walks the wave the way the picker does: bin scan, then one item scan per unit (and the tote in cluster). */
async function walk(page: Page, codes: Map<string, string>, mode: 'single' | 'batch' | 'cluster') {
  for (let guard = 0; guard < 40; guard++) {
    if (await page.getByTestId('wave-done').isVisible()) return;
    const bin = (await page.getByTestId('step-bin').textContent())!.trim();
    await scan(page, bin);
    expect(await page.getByTestId('step-prompt').getAttribute('data-phase')).toBe('item');
    const remaining = await remainingOf(page);
    for (let i = 0; i < remaining; i++) {
      await scan(page, codes.get(bin)!);
      if (mode === 'cluster') {
        expect(await page.getByTestId('step-prompt').getAttribute('data-phase')).toBe('tote');
        await scan(page, (await page.getByTestId('step-target').textContent())!.trim());
      }
    }
  }
  throw new Error('the wave did not finish');
}

async function pickedEvents(waveId: string) {
  return (await sys.test.system.deps.db.select().from(events).where(eq(events.entityId, waveId))).filter(
    (e) => e.type === 'pick.scanned',
  );
}

async function waveState(waveId: string) {
  return (
    (await (await sys.picker.get(`/api/waves/${waveId}`)).json()) as {
      wave: { status: string; unitsPicked: number; unitsShort: number };
    }
  ).wave;
}

describe('picking in the browser with a keyboard-wedge scanner', () => {
  it('badge login, then a single-mode wave picked by wedge scans only', async () => {
    const { waveId, orderIds } = await waveOf(sys, [
      [
        { sku: 'SEC-220', quantity: 2 },
        { sku: 'GAN-M', quantity: 1 },
      ],
    ]);
    const { page, pageErrors } = await openPicker();
    expect(await page.getByTestId('current-user').textContent()).toContain('Camille');
    await startWaveInBrowser(page, waveId, 'single');
    expect(await page.getByTestId('step-bin').textContent()).toBe('A-01-02-1');
    await walk(page, await codesOf(waveId), 'single');
    await waitFor(async () => (await unsyncedOf(page)) === 0, 20_000, 'queue drained');
    expect(await waveState(waveId)).toMatchObject({ status: 'done', unitsPicked: 3 });
    expect(await pickedEvents(waveId)).toHaveLength(3);
    const [order] = await sys.test.system.deps.db.select().from(orders).where(eq(orders.id, orderIds[0]!));
    expect(order?.status).toBe('picked');
    expect(pageErrors).toEqual([]);
  });

  it('batch: one walk for two orders, each step shows which order the unit is for', async () => {
    const { waveId, orderIds } = await waveOf(sys, [
      [{ sku: 'GRA-TOM', quantity: 1 }],
      [
        { sku: 'GRA-TOM', quantity: 2 },
        { sku: 'GAN-L', quantity: 1 },
      ],
    ]);
    const { page } = await openPicker();
    await startWaveInBrowser(page, waveId, 'batch');
    expect(await page.getByTestId('step-bin').textContent()).toBe('A-02-01-2');
    await walk(page, await codesOf(waveId), 'batch');
    await waitFor(async () => (await unsyncedOf(page)) === 0, 20_000, 'queue drained');
    expect(await waveState(waveId)).toMatchObject({ status: 'done', unitsPicked: 4 });
    const allocated = (await pickedEvents(waveId)).flatMap(
      (e) => e.payload.allocations as { orderId: string; units: number }[],
    );
    const unitsFor = (id: string) =>
      allocated.filter((a) => a.orderId === id).reduce((n, a) => n + a.units, 0);
    expect([unitsFor(orderIds[0]!), unitsFor(orderIds[1]!)]).toEqual([1, 3]);
  });

  it('cluster: totes scanned at start; each unit goes into the tote the screen names, confirmed by the tote scan', async () => {
    const { waveId, orderIds } = await waveOf(sys, [
      [{ sku: 'NIC-BOIS', quantity: 1 }],
      [{ sku: 'NIC-BOIS', quantity: 1 }],
    ]);
    const { page } = await openPicker();
    await startWaveInBrowser(page, waveId, 'cluster');
    await page.getByTestId('tote-assign').waitFor();
    await scan(page, 'tot_e2ecart1');
    // The picker takes the next tote once the cart screen shows the first one placed.
    await page.getByTestId('tote-slot').first().filter({ hasText: 'tot_e2ecart1' }).waitFor();
    await scan(page, 'tot_e2ecart2');
    await page.getByTestId('pick-step').waitFor();
    await scan(page, 'C-02-01-1');
    await scan(page, (await codesOf(waveId)).get('C-02-01-1')!);
    await scan(page, 'tot_e2ecart2'); // the wrong tote: the first unit belongs to the first order
    expect(await page.getByTestId('scan-message').textContent()).toContain('tot_e2ecart1');
    await scan(page, 'tot_e2ecart1');
    await walk(page, await codesOf(waveId), 'cluster');
    await waitFor(async () => (await unsyncedOf(page)) === 0, 20_000, 'queue drained');
    const allocated = (await pickedEvents(waveId)).flatMap(
      (e) => e.payload.allocations as { orderId: string; toteCode: string }[],
    );
    expect(allocated.map((a) => [a.orderId, a.toteCode])).toEqual([
      [orderIds[0], 'tot_e2ecart1'],
      [orderIds[1], 'tot_e2ecart2'],
    ]);
  });

  it('a wrong item: error message saying what was expected, nothing picked', async () => {
    const { waveId } = await waveOf(sys, [[{ sku: 'TER-40', quantity: 1 }]]);
    const { page } = await openPicker();
    await startWaveInBrowser(page, waveId, 'single');
    await scan(page, 'B-01-01-1');
    await scan(page, '3760123450010'); // graines de tomates: not this step's product
    const message = page.getByTestId('scan-message');
    expect(await message.textContent()).toContain('TER-40');
    expect(await message.getAttribute('class')).toContain('notice-error');
    expect(await remainingOf(page)).toBe(1);
    await scan(page, 'A-01-01-1'); // still waiting for the item: a bin is not the item
    expect(await unsyncedOf(page)).toBe(0);
    expect((await waveState(waveId)).unitsPicked).toBe(0);
    expect(await pickedEvents(waveId)).toHaveLength(0);
  });

  it('a short pick: confirm dialog, the server moves the reservation or backorders and raises a count', async () => {
    const { waveId } = await waveOf(sys, [[{ sku: 'TUY-25', quantity: 1 }]]);
    const { page } = await openPicker();
    await startWaveInBrowser(page, waveId, 'single');
    await page.getByTestId('pick-short').click();
    await page.getByTestId('confirm-no').click();
    expect(await page.getByTestId('step-bin').textContent()).toBe('C-01-02-1');
    await page.getByTestId('pick-short').click();
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('wave-done').waitFor();
    await waitFor(async () => (await unsyncedOf(page)) === 0, 20_000, 'queue drained');
    expect(await waveState(waveId)).toMatchObject({ status: 'done', unitsShort: 1 });
    const counts = await sys.test.system.deps.db
      .select()
      .from(cycleCounts)
      .where(eq(cycleCounts.reason, 'short_pick'));
    expect(counts.length).toBeGreaterThan(0);
  });

  it('offline: the wave is picked with the network off; every scan reaches the server once after reconnecting', async () => {
    const { waveId, orderIds } = await waveOf(sys, [
      [
        { sku: 'LAM-SOL', quantity: 2 },
        { sku: 'BAL-FEU', quantity: 1 },
      ],
    ]);
    const { page } = await openPicker();
    await startWaveInBrowser(page, waveId, 'single');
    const codes = await codesOf(waveId);
    await context!.setOffline(true);
    await walk(page, codes, 'single');
    await page.getByTestId('offline-notice').waitFor();
    expect(await unsyncedOf(page)).toBe(3);
    expect((await waveState(waveId)).unitsPicked).toBe(0);
    await context!.setOffline(false);
    await waitFor(async () => (await unsyncedOf(page)) === 0, 30_000, 'offline scans synced');
    expect(await waveState(waveId)).toMatchObject({ status: 'done', unitsPicked: 3, unitsShort: 0 });
    expect(await pickedEvents(waveId)).toHaveLength(3);
    const [order] = await sys.test.system.deps.db.select().from(orders).where(eq(orders.id, orderIds[0]!));
    expect(order?.status).toBe('picked');
  });

  it('a queued scan the server refuses after reconnecting is shown as a conflict to resolve', async () => {
    const { waveId } = await waveOf(sys, [
      [
        { sku: 'GAN-M', quantity: 1 },
        { sku: 'POT-30T', quantity: 1 },
      ],
    ]);
    const { page } = await openPicker();
    await startWaveInBrowser(page, waveId, 'single');
    const codes = await codesOf(waveId);
    await context!.setOffline(true);
    await scan(page, 'A-02-01-1');
    await scan(page, codes.get('A-02-01-1')!);
    expect(await unsyncedOf(page)).toBe(1);
    // Meanwhile another device reports that step short: the queued pick no longer has anything to pick.
    const view = (await (await sys.picker.get(`/api/waves/${waveId}`)).json()) as {
      steps: { key: string; binCode: string }[];
    };
    const stepKey = view.steps.find((s) => s.binCode === 'A-02-01-1')!.key;
    expect(
      (
        await sys.picker.post(`/api/waves/${waveId}/shorts`, {
          clientScanId: `other-device-${waveId}`,
          stepKey,
          reason: 'short',
        })
      ).status,
    ).toBe(200);
    await context!.setOffline(false);
    const conflict = page.getByTestId('sync-conflict');
    await conflict.waitFor({ timeout: 30_000 });
    expect(await conflict.textContent()).toContain('A-02-01-1');
    expect(await unsyncedOf(page)).toBe(0);
    await conflict.getByRole('button').click();
    await conflict.waitFor({ state: 'detached' });
    expect(await page.getByTestId('step-bin').textContent()).toBe('B-02-01-1');
    expect((await waveState(waveId)).unitsPicked).toBe(0);
  });
});
