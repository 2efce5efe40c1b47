import { call, client, type SuccessBody } from '../api.js';
import { get, put, wavesStore } from './idb.js';

type WaveCall = ReturnType<(typeof client.api.waves)[':id']['$get']>;
export type WaveView = SuccessBody<Awaited<WaveCall>>;
export type WaveStep = WaveView['steps'][number];

/**
 * The wave from the server when it answers (and stored for later), else the stored copy: the picker
 * keeps working through a dead zone in the aisles. With scans still queued, the stored copy (which has
 * them applied) is the truer one.
 */
export async function loadWave(
  waveId: string,
  options: { preferCache: boolean },
): Promise<{ view: WaveView; isCached: boolean }> {
  if (options.preferCache) {
    const cached = await get<WaveView>(wavesStore, waveId);
    if (cached) return { view: cached, isCached: true };
  }
  try {
    const view = await call(client.api.waves[':id'].$get({ param: { id: waveId } }));
    await put(wavesStore, view);
    return { view, isCached: false };
  } catch (err) {
    const cached = await get<WaveView>(wavesStore, waveId);
    if (cached) return { view: cached, isCached: true };
    throw err;
  }
}

export const saveWave = (view: WaveView) => put(wavesStore, view);

/** The tote (cluster) or order that the next unit of this step goes to: the first target still short. */
export const dueTarget = (step: WaveStep) => step.targets.find((t) => t.remaining > 0) ?? null;

/** The cached wave after `units` of the current step were picked on the device (before the server knows). */
export function applyLocalPick(
  view: WaveView,
  key: string,
  units: number,
  toteCode: string | null,
): WaveView {
  const steps = view.steps.flatMap((s) => {
    if (s.key !== key) return [s];
    let left = units;
    const targets = s.targets.map((t) => {
      if (left === 0 || t.remaining === 0 || (toteCode && t.toteCode !== toteCode)) return t;
      const take = Math.min(left, t.remaining);
      left -= take;
      return { ...t, remaining: t.remaining - take };
    });
    const remaining = s.remaining - units;
    return remaining > 0 ? [{ ...s, targets, remaining, quantityPicked: s.quantityPicked + units }] : [];
  });
  return { ...view, steps, wave: { ...view.wave, unitsPicked: view.wave.unitsPicked + units } };
}

export function applyLocalShort(view: WaveView, key: string): WaveView {
  const step = view.steps.find((s) => s.key === key);
  const short = step?.remaining ?? 0;
  return {
    ...view,
    steps: view.steps.filter((s) => s.key !== key),
    wave: { ...view.wave, unitsShort: view.wave.unitsShort + short },
  };
}

export function applyLocalSkip(view: WaveView, key: string): WaveView {
  const step = view.steps.find((s) => s.key === key);
  return step ? { ...view, steps: [...view.steps.filter((s) => s.key !== key), step] } : view;
}
