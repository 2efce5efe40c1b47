import { createFeedback, type FeedbackKind } from '../../../../scanner/index.js';

/**
 * One sound/vibration source for the picking screens. Browsers allow audio only after a gesture; the
 * unlock waits for a tap (starting a wave is one), not a key: creating the audio context mid-scan
 * stalls the page long enough to split a wedge burst.
 */
const feedback = createFeedback();

/**
 * Scan-to-sound latency, kept for diagnostics: from the key that ended the last wedge scan (Enter/Tab,
 * by the event's own timestamp) to the moment the feedback is scheduled. Readable as
 * `window.shipdeskFeedbackLatencies` (the last 500, in ms) — the picking benchmark reads it.
 */
let lastScanEndAt: number | null = null;
const latencies: number[] = [];

export const pickFeedback = {
  play(kind: FeedbackKind) {
    feedback.play(kind);
    if (lastScanEndAt !== null) {
      latencies.push(performance.now() - lastScanEndAt);
      if (latencies.length > 500) latencies.shift();
      lastScanEndAt = null;
    }
  },
  unlock: () => feedback.unlock(),
};

if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', () => void pickFeedback.unlock(), { once: true, capture: true });
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' || e.key === 'Tab') lastScanEndAt = e.timeStamp;
    },
    { capture: true },
  );
  (window as unknown as { shipdeskFeedbackLatencies: number[] }).shipdeskFeedbackLatencies = latencies;
}
