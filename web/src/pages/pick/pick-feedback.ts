import { createFeedback } from '../../../../scanner/index.js';

/**
 * One sound/vibration source for the picking screens. Browsers allow audio only after a gesture; the
 * unlock waits for a tap (starting a wave is one), not a key: creating the audio context mid-scan
 * stalls the page long enough to split a wedge burst.
 */
export const pickFeedback = createFeedback();

if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', () => void pickFeedback.unlock(), { once: true, capture: true });
}
