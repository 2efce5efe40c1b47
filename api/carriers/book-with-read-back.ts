import { CarrierError, type CreatedCarrierShipment } from './carrier.js';

export interface BookingSteps {
  /** One booking request. */
  book(): Promise<CreatedCarrierShipment>;
  /**
   * Finds a booking made earlier with the same key (null when there is none); absent for carriers whose
   * API offers no lookup: those may book twice after a timeout, as their README says.
   */
  readBack?: () => Promise<CreatedCarrierShipment | null>;
  attempts?: number;
  /** Pause before attempt n (1-based), in ms. */
  delayMs?: (attempt: number) => number;
}

/**
 * Books a shipment, retrying what the carrier may retry. After an ambiguous failure (a timeout or a 5xx
 * after the request left) or a "duplicate key" refusal, the carrier is read back first, so a booking that
 * did go through is taken rather than made twice.
 */
export async function bookWithReadBack(steps: BookingSteps): Promise<CreatedCarrierShipment> {
  const attempts = steps.attempts ?? 3;
  const delayMs = steps.delayMs ?? ((n) => 200 * 2 ** (n - 1));
  let mustReadBack = false;
  for (let attempt = 1; ; attempt++) {
    if (mustReadBack && steps.readBack) {
      const found = await steps.readBack();
      if (found) return found;
    }
    try {
      return await steps.book();
    } catch (err) {
      if (!(err instanceof CarrierError)) throw err;
      if (err.code === 'carrier_duplicate' && steps.readBack) {
        const found = await steps.readBack();
        if (found) return found;
        throw err;
      }
      if (!err.retryable || attempt >= attempts) throw err;
      mustReadBack = err.ambiguous;
      await new Promise((resolve) => setTimeout(resolve, delayMs(attempt)));
    }
  }
}
