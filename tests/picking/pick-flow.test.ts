import { describe, expect, it } from 'vitest';
import {
  applyLocalPick,
  applyLocalShort,
  applyLocalSkip,
  type WaveView,
} from '../../web/src/offline/wave-cache.js';
import { decideScan } from '../../web/src/pages/pick/pick-flow.js';

const step = (key: string, binCode: string, remaining: number, totes: (string | null)[] = [null]) => ({
  key,
  binId: `bin_${key}`,
  binCode,
  productId: `prd_${key}`,
  sku: `SKU-${key}`,
  name: `Product ${key}`,
  imageUrl: null,
  barcodes: [`EAN-${key}`],
  quantity: remaining,
  quantityPicked: 0,
  remaining,
  targets: totes.map((toteCode, i) => ({
    orderId: `ord_${i}`,
    slot: i + 1,
    toteCode,
    remaining: remaining / totes.length,
  })),
});

const view = (steps: ReturnType<typeof step>[]): WaveView => ({
  wave: {
    id: 'wav_1',
    name: 'W',
    status: 'picking',
    mode: 'batch',
    unitsTotal: 10,
    unitsPicked: 0,
    unitsShort: 0,
    pickerUserId: null,
    createdAt: '',
  },
  orders: [],
  steps,
});

describe('the handheld judges scans against its cached pick list', () => {
  it('bin, then item; a wrong bin or item says what was expected and confirms nothing', () => {
    const s = step('a', 'A-01', 3);
    expect(decideScan(s, 'batch', 'bin', 'B-09', { isBulk: false })).toMatchObject({
      type: 'reject',
      feedback: 'wrong_bin',
      vars: { expected: 'A-01' },
    });
    expect(decideScan(s, 'batch', 'bin', 'bin_a', { isBulk: false })).toEqual({
      type: 'advance',
      phase: 'item',
    });
    expect(decideScan(s, 'batch', 'item', 'EAN-zz', { isBulk: false })).toMatchObject({
      type: 'reject',
      feedback: 'wrong_item',
      vars: { expected: 'Product a (SKU-a)' },
    });
    expect(decideScan(s, 'batch', 'item', 'EAN-a', { isBulk: false })).toEqual({
      type: 'confirm',
      itemCode: 'EAN-a',
      toteCode: null,
      quantity: 1,
    });
    expect(decideScan(s, 'batch', 'item', 'EAN-a', { isBulk: true })).toMatchObject({
      type: 'confirm',
      quantity: 3,
    });
  });

  it('cluster: the item scan asks for the tote of the first order still short, and only that tote confirms', () => {
    const s = step('c', 'C-01', 2, ['tot_one', 'tot_two']);
    expect(decideScan(s, 'cluster', 'item', 'EAN-c', { isBulk: false })).toEqual({
      type: 'advance',
      phase: 'tote',
      itemCode: 'EAN-c',
      quantity: 1,
    });
    expect(
      decideScan(s, 'cluster', 'tote', 'tot_two', { itemCode: 'EAN-c', quantity: 1, isBulk: false }),
    ).toMatchObject({ type: 'reject', vars: { expected: 'tot_one' } });
    expect(
      decideScan(s, 'cluster', 'tote', 'tot_one', { itemCode: 'EAN-c', quantity: 1, isBulk: false }),
    ).toEqual({ type: 'confirm', itemCode: 'EAN-c', toteCode: 'tot_one', quantity: 1 });
  });

  it('applies picks, shorts and skips to the cached copy as the server will', () => {
    const v = view([step('a', 'A-01', 2), step('b', 'B-01', 1)]);
    const once = applyLocalPick(v, 'a', 1, null);
    expect(once.steps.map((s) => [s.key, s.remaining])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(applyLocalPick(once, 'a', 1, null).steps.map((s) => s.key)).toEqual(['b']);
    expect(applyLocalSkip(v, 'a').steps.map((s) => s.key)).toEqual(['b', 'a']);
    const short = applyLocalShort(v, 'a');
    expect([short.steps.length, short.wave.unitsShort]).toEqual([1, 2]);
  });
});
