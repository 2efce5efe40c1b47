import { describe, expect, it } from 'vitest';
import type { WedgeOptions } from './types.js';
import { attachWedge, createWedgeDetector } from './wedge.js';

/** A fake clock and a keyboard that types with a given gap between keys; returns what was consumed. */
function setup(options: Omit<WedgeOptions, 'now'> = {}) {
  let t = 1000;
  const scans: string[] = [];
  const detector = createWedgeDetector({ ...options, now: () => t, onScan: (raw) => scans.push(raw) });
  const type = (keys: string[] | string, gapMs: number) => {
    const consumed: boolean[] = [];
    for (const key of typeof keys === 'string' ? [...keys] : keys) {
      t += gapMs;
      consumed.push(detector.handleKey({ key }));
    }
    return consumed;
  };
  const wait = (ms: number) => {
    t += ms;
  };
  return { detector, scans, type, wait };
}

describe('wedge detector: timing', () => {
  it('takes a fast burst ending in Enter as a scan and consumes only the Enter', () => {
    const { scans, type } = setup();
    const consumed = type([...'4006381333931', 'Enter'], 4);
    expect(scans).toEqual(['4006381333931']);
    expect(consumed.slice(0, -1).every((c) => c === false)).toBe(true);
    expect(consumed.at(-1)).toBe(true);
  });

  it('lets slow typing pass through, Enter included', () => {
    const { scans, type } = setup();
    expect(type([...'hello', 'Enter'], 120)).toEqual([false, false, false, false, false, false]);
    expect(scans).toEqual([]);
  });

  it('splits typing from a scan that follows it', () => {
    const { scans, type, wait } = setup();
    type('qty', 150);
    wait(400);
    type([...'bin_01hzy3k4', 'Enter'], 6);
    expect(scans).toEqual(['bin_01hzy3k4']);
  });

  it('does not take a burst whose Enter comes late, or one shorter than minLength', () => {
    const { scans, type } = setup();
    type('ABCDEF', 5);
    type(['Enter'], 200);
    type([...'ab', 'Enter'], 5);
    expect(scans).toEqual([]);
    const short = setup({ minLength: 2 });
    short.type([...'ab', 'Enter'], 5);
    expect(short.scans).toEqual(['ab']);
  });

  it('respects maxInterKeyMs', () => {
    const strict = setup({ maxInterKeyMs: 10 });
    strict.type([...'12345678', 'Enter'], 20);
    expect(strict.scans).toEqual([]);
    const loose = setup({ maxInterKeyMs: 60 });
    loose.type([...'12345678', 'Enter'], 50);
    expect(loose.scans).toEqual(['12345678']);
  });

  it('uses the events’ own timeStamps: keys the browser held back while busy keep their spacing', () => {
    let t = 0;
    const scans: string[] = [];
    const detector = createWedgeDetector({ now: () => t, onScan: (raw) => scans.push(raw) });
    // A person typed these 150 ms apart while the page was busy; they are all handled at once.
    t = 5000;
    for (const [i, key] of [...'abcd', 'Enter'].entries())
      detector.handleKey({ key, timeStamp: 1000 + i * 150 });
    expect(scans).toEqual([]);
    for (const [i, key] of [...'9638507', '4', 'Enter'].entries())
      detector.handleKey({ key, timeStamp: 6000 + i * 3 });
    expect(scans).toEqual(['96385074']);
  });
});

describe('wedge detector: keys around the data', () => {
  it('ends a scan with Tab too, and only with the configured terminators', () => {
    const { scans, type } = setup();
    expect(type([...'tot_42', 'Tab'], 5).at(-1)).toBe(true);
    expect(scans).toEqual(['tot_42']);
    const enterOnly = setup({ terminators: ['Enter'] });
    expect(enterOnly.type([...'tot_42', 'Tab'], 5).at(-1)).toBe(false);
    enterOnly.type([...'tot_43', 'Enter'], 5);
    expect(enterOnly.scans).toEqual(['tot_43']);
  });

  it('strips and consumes a prefix, and accepts short codes after it', () => {
    const { scans, type } = setup({ prefix: '§' });
    const consumed = type(['§', ...'A7', 'Enter'], 5);
    expect(consumed).toEqual([true, true, true, true]);
    expect(scans).toEqual(['A7']);
    const multi = setup({ prefix: '$$' });
    expect(multi.type(['$', '$', ...'ord_9', 'Enter'], 5).every(Boolean)).toBe(true);
    expect(multi.scans).toEqual(['ord_9']);
  });

  it('still reads an unprefixed burst when a prefix is configured', () => {
    const { scans, type } = setup({ prefix: '§' });
    type([...'4006381333931', 'Enter'], 5);
    expect(scans).toEqual(['4006381333931']);
  });

  it('ignores Shift between characters and turns Ctrl+] into the GS separator', () => {
    const { scans, type } = setup();
    type(['Shift', 'B', 'Shift', 'I', 'Shift', 'N', ...'_1', 'Enter'], 3);
    expect(scans).toEqual(['BIN_1']);
    const t = setup();
    let now = 0;
    const det = createWedgeDetector({ now: () => now, onScan: (raw) => t.scans.push(raw) });
    for (const key of [...'10AB', ']', ...'17251231', 'Enter']) {
      now += 3;
      det.handleKey({ key, ctrlKey: key === ']' });
    }
    expect(t.scans).toEqual(['10AB\u001d17251231']);
  });

  it('breaks a burst on a navigation key', () => {
    const { scans, type } = setup();
    type(['1', '2', '3', 'ArrowDown', '4', 'Enter'], 5);
    expect(scans).toEqual([]);
  });
});

describe('wedge detector: double scans', () => {
  it('drops the same code read again within the window, keeps it after, keeps different codes', () => {
    const { scans, type, wait } = setup();
    type([...'96385074', 'Enter'], 4);
    wait(40);
    type([...'96385074', 'Enter'], 4);
    expect(scans).toEqual(['96385074']);
    wait(300);
    type([...'96385074', 'Enter'], 4);
    type([...'4006381333931', 'Enter'], 4);
    expect(scans).toEqual(['96385074', '96385074', '4006381333931']);
  });

  it('uses the configured window', () => {
    const { scans, type, wait } = setup({ duplicateWindowMs: 500 });
    type([...'96385074', 'Enter'], 4);
    wait(300);
    expect(type([...'96385074', 'Enter'], 4).at(-1)).toBe(true);
    expect(scans).toEqual(['96385074']);
  });
});

describe('wedge detector: a slow handler', () => {
  it('delivers scans arriving back to back one at a time, in order, none lost', async () => {
    let t = 0;
    const delivered: string[] = [];
    const finish: Array<() => void> = [];
    let running = 0;
    let maxRunning = 0;
    const detector = createWedgeDetector({
      now: () => t,
      onScan: (raw) => {
        delivered.push(raw);
        running++;
        maxRunning = Math.max(maxRunning, running);
        return new Promise<void>((resolve) => {
          finish.push(() => {
            running--;
            resolve();
          });
        });
      },
    });
    const codes = ['bin_a1', '96385074', 'tot_7', '4006381333931'];
    for (const code of codes) {
      for (const key of [...code, 'Enter']) {
        t += 3;
        detector.handleKey({ key });
      }
      t += 30;
    }
    expect(delivered).toEqual(['bin_a1']);
    while (finish.length > 0) {
      finish.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(delivered).toEqual(codes);
    expect(maxRunning).toBe(1);
  });

  it('keeps delivering after a handler throws', async () => {
    let t = 0;
    const delivered: string[] = [];
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    try {
      const detector = createWedgeDetector({
        now: () => t,
        onScan: (raw) => {
          delivered.push(raw);
          if (raw === 'boom1') throw new Error('handler failed');
        },
      });
      for (const code of ['boom1', 'next1']) {
        for (const key of [...code, 'Enter']) {
          t += 3;
          detector.handleKey({ key });
        }
      }
      expect(delivered).toEqual(['boom1', 'next1']);
      await new Promise((r) => setTimeout(r, 5));
      expect(errors).toHaveLength(1);
    } finally {
      process.off('uncaughtException', onError);
    }
  });
});

describe('attachWedge', () => {
  const keydown = (key: string, timeStamp: number) => {
    const e = new Event('keydown', { cancelable: true });
    Object.defineProperty(e, 'key', { value: key });
    Object.defineProperty(e, 'timeStamp', { value: timeStamp });
    return e;
  };

  it('listens for keydown, prevents the default of consumed keys, and detaches', () => {
    const target = new EventTarget();
    const scans: string[] = [];
    const detach = attachWedge(target, { onScan: (raw) => scans.push(raw) });
    const events = [...'shp_1x', 'Enter'].map((key, i) => keydown(key, 100 + i * 4));
    for (const e of events) target.dispatchEvent(e);
    expect(scans).toEqual(['shp_1x']);
    expect(events.map((e) => e.defaultPrevented)).toEqual([false, false, false, false, false, false, true]);
    detach();
    for (const [i, key] of [...'shp_2y', 'Enter'].entries()) target.dispatchEvent(keydown(key, 500 + i * 4));
    expect(scans).toEqual(['shp_1x']);
  });
});
