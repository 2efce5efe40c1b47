import { describe, expect, it } from 'vitest';
import { createFeedback } from './feedback.js';
import type { FeedbackKind } from './types.js';

/** Records what would be played: one entry per oscillator, with its wave, frequency and times. */
class FakeAudioContext {
  state: 'suspended' | 'running' = 'running';
  currentTime = 12.5;
  sampleRate = 48000;
  destination = {};
  resumed = 0;
  sources: string[] = [];
  tones: Array<{ type: string; hz: number; start: number; stop: number }> = [];

  resume() {
    this.resumed++;
    this.state = 'running';
    return Promise.resolve();
  }
  createOscillator() {
    const tone = { type: '', hz: 0, start: Number.NaN, stop: Number.NaN };
    const param = {
      setValueAtTime: (v: number) => {
        tone.hz = v;
      },
    };
    this.tones.push(tone);
    return {
      set type(v: string) {
        tone.type = v;
      },
      frequency: param,
      connect: () => undefined,
      disconnect: () => undefined,
      start: (at: number) => {
        tone.start = at;
      },
      stop: (at: number) => {
        tone.stop = at;
      },
      onended: null,
    };
  }
  createGain() {
    const noop = () => undefined;
    return { gain: { setValueAtTime: noop, linearRampToValueAtTime: noop }, connect: noop, disconnect: noop };
  }
  createBuffer() {
    return {};
  }
  createBufferSource() {
    return { buffer: null, connect: () => undefined, start: () => this.sources.push('silent') };
  }
}

function setup() {
  const ctx = new FakeAudioContext();
  const vibrations: number[][] = [];
  const feedback = createFeedback({
    audioContext: ctx as unknown as AudioContext,
    vibrate: (p) => vibrations.push(p) > 0,
  });
  return { ctx, vibrations, feedback };
}

describe('createFeedback', () => {
  it.each([
    ['ok', 1],
    ['wrong_item', 2],
    ['wrong_bin', 3],
    ['done', 3],
    ['error', 1],
  ] as Array<[FeedbackKind, number]>)('%s schedules %i tone(s), one after the other', (kind, count) => {
    const { ctx, feedback } = setup();
    feedback.play(kind);
    expect(ctx.tones).toHaveLength(count);
    for (const [i, tone] of ctx.tones.entries()) {
      expect(tone.stop).toBeGreaterThan(tone.start);
      if (i > 0)
        expect(tone.start).toBeGreaterThanOrEqual(ctx.tones[i - 1]?.stop ?? Number.POSITIVE_INFINITY);
    }
  });

  it('starts the first tone within a few ms of play()', () => {
    const { ctx, feedback } = setup();
    feedback.play('ok');
    expect(ctx.tones[0]?.start).toBeGreaterThanOrEqual(ctx.currentTime);
    expect(ctx.tones[0]?.start).toBeLessThanOrEqual(ctx.currentTime + 0.01);
  });

  it('makes the kinds sound different: high beep, low buzzes, rising run, long low tone', () => {
    const heard = (kind: FeedbackKind) => {
      const { ctx, feedback } = setup();
      feedback.play(kind);
      return ctx.tones;
    };
    const ok = heard('ok');
    const wrongItem = heard('wrong_item');
    const done = heard('done');
    const error = heard('error');
    expect(ok[0]?.hz).toBeGreaterThan(1000);
    expect(wrongItem.every((t) => t.hz < 400 && t.type === 'square')).toBe(true);
    expect(done.map((t) => t.hz)).toEqual([...done.map((t) => t.hz)].sort((a, b) => a - b));
    expect(new Set(done.map((t) => t.hz)).size).toBe(3);
    const errorLength = (error[0]?.stop ?? 0) - (error[0]?.start ?? 0);
    expect(errorLength).toBeGreaterThan(0.4);
    expect(error[0]?.hz).toBeLessThan(400);
    expect((ok[0]?.stop ?? 0) - (ok[0]?.start ?? 0)).toBeLessThan(0.15);
  });

  it('vibrates with a different pattern for every kind', () => {
    const { vibrations, feedback } = setup();
    const kinds: FeedbackKind[] = ['ok', 'wrong_item', 'wrong_bin', 'done', 'error'];
    for (const kind of kinds) feedback.play(kind);
    expect(vibrations).toHaveLength(5);
    expect(new Set(vibrations.map((p) => p.join(','))).size).toBe(5);
    // Pulses (odd positions are pauses) match the tones: 2 for wrong item, 3 for wrong bin.
    expect(Math.ceil((vibrations[1]?.length ?? 0) / 2)).toBe(2);
    expect(Math.ceil((vibrations[2]?.length ?? 0) / 2)).toBe(3);
  });

  it('play() resumes a context that was suspended again and still schedules the tones', () => {
    const { ctx, feedback } = setup();
    ctx.state = 'suspended';
    feedback.play('wrong_bin');
    expect(ctx.resumed).toBe(1);
    expect(ctx.tones).toHaveLength(3);
  });

  it('unlock() resumes a suspended context and starts a silent sound inside the gesture', async () => {
    const { ctx, feedback } = setup();
    ctx.state = 'suspended';
    await feedback.unlock();
    expect(ctx.state).toBe('running');
    expect(ctx.resumed).toBe(1);
    expect(ctx.sources).toEqual(['silent']);
  });

  it('works without audio (no AudioContext in this environment) and still vibrates', () => {
    const vibrations: number[][] = [];
    const feedback = createFeedback({ vibrate: (p) => vibrations.push(p) > 0 });
    expect(() => feedback.play('error')).not.toThrow();
    expect(vibrations).toEqual([[600]]);
  });
});
