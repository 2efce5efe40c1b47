import { createFeedback } from '../../../../scanner/index.js';

/** Sounds and vibration of the returns bench; audio unlocks on the first tap, as browsers require. */
export const returnFeedback = createFeedback();

if (typeof window !== 'undefined')
  window.addEventListener('pointerdown', () => void returnFeedback.unlock(), { once: true, capture: true });
