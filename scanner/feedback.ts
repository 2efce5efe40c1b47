import type { FeedbackKind } from './types.js';

interface Tone {
  /** Start, after the previous tone ended, in seconds. */
  gap: number;
  hz: number;
  seconds: number;
  wave: OscillatorType;
}

const beep = (hz: number, seconds: number, gap = 0): Tone => ({ gap, hz, seconds, wave: 'sine' });
const buzz = (hz: number, seconds: number, gap = 0): Tone => ({ gap, hz, seconds, wave: 'square' });

/**
 * Sounds a picker can tell apart without looking: one short high beep for a good scan, low buzzes
 * counted out for the two kinds of mistake, a rising run for "done", one long low tone for an error.
 */
export const tonePatterns: Record<FeedbackKind, Tone[]> = {
  ok: [beep(2000, 0.07)],
  wrong_item: [buzz(220, 0.15), buzz(220, 0.15, 0.08)],
  wrong_bin: [buzz(180, 0.12), buzz(180, 0.12, 0.07), buzz(180, 0.12, 0.07)],
  done: [beep(1047, 0.09), beep(1319, 0.09, 0.02), beep(1568, 0.16, 0.02)],
  error: [buzz(140, 0.6)],
};

/** Vibration felt through a glove: the same rhythm as the sounds. */
export const vibrationPatterns: Record<FeedbackKind, number[]> = {
  ok: [40],
  wrong_item: [150, 80, 150],
  wrong_bin: [120, 70, 120, 70, 120],
  done: [60, 30, 60, 30, 160],
  error: [600],
};

// Scheduling a few ms ahead keeps the first tone's attack whole without a delay anyone notices.
const leadSeconds = 0.005;
const volume = 0.25;

/**
 * Scan feedback. The AudioContext is created up front and resumed by `unlock()` (call it from the first
 * tap or key press: browsers keep audio suspended until a user gesture), so `play()` only schedules
 * oscillators on a running context and the sound starts within a few ms.
 */
export function createFeedback(options?: {
  audioContext?: AudioContext;
  vibrate?: (pattern: number[]) => boolean;
}): { play(kind: FeedbackKind): void; unlock(): Promise<void> } {
  const ctx = options?.audioContext ?? createAudioContext();
  const vibrate = options?.vibrate ?? defaultVibrate();

  const play = (kind: FeedbackKind) => {
    vibrate?.(vibrationPatterns[kind]);
    if (!ctx) return;
    // A context suspended again (tab in background, phone locked) resumes here; the tones are
    // scheduled on its clock and play as soon as it runs.
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    let at = ctx.currentTime + leadSeconds;
    for (const tone of tonePatterns[kind]) {
      at += tone.gap;
      scheduleTone(ctx, tone, at);
      at += tone.seconds;
    }
  };

  const unlock = async () => {
    if (!ctx) return;
    if (ctx.state !== 'running') await ctx.resume();
    // iOS Safari also wants a sound started inside the gesture before it plays later ones.
    const silent = ctx.createBufferSource();
    silent.buffer = ctx.createBuffer(1, 1, ctx.sampleRate);
    silent.connect(ctx.destination);
    silent.start();
  };

  return { play, unlock };
}

function scheduleTone(ctx: AudioContext, tone: Tone, at: number) {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = tone.wave;
  osc.frequency.setValueAtTime(tone.hz, at);
  // Short ramps at both ends avoid the click of a square cut.
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(volume, at + 0.004);
  gain.gain.setValueAtTime(volume, at + tone.seconds - 0.01);
  gain.gain.linearRampToValueAtTime(0, at + tone.seconds);
  osc.connect(gain);
  gain.connect(ctx.destination);
  osc.start(at);
  osc.stop(at + tone.seconds);
  osc.onended = () => {
    osc.disconnect();
    gain.disconnect();
  };
}

function createAudioContext(): AudioContext | null {
  const Ctor =
    globalThis.AudioContext ??
    (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  // 'interactive' asks for the smallest output buffer the device allows: the beep must follow the scan.
  return new Ctor({ latencyHint: 'interactive' });
}

function defaultVibrate(): ((pattern: number[]) => boolean) | null {
  const nav = globalThis.navigator as Navigator | undefined;
  return nav && typeof nav.vibrate === 'function' ? (pattern) => nav.vibrate(pattern) : null;
}
