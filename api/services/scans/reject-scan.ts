import type { Database } from '../../../db/client.js';
import { AppError } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { isUniqueViolation } from './scan-replay.js';

/**
 * A wrong scan is answered with a message that says what was expected, and recorded (pick accuracy is
 * wrong scans over scans) under its client scan id, once.
 */
export async function rejectScan(
  db: Database,
  actor: Actor,
  input: { orderId: string; clientScanId: string; stage: 'pick' | 'pack'; scanned: Record<string, unknown> },
  error: AppError,
  now: Date,
): Promise<never> {
  try {
    await recordEvent(
      db,
      actor,
      {
        type: `${input.stage}.scan_rejected`,
        orderId: input.orderId,
        clientScanId: input.clientScanId,
        payload: { ...input.scanned, code: error.code, expected: error.details.expected ?? null },
      },
      now,
    );
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  throw error;
}

export const scanError = (code: string, message: string, expected: unknown) =>
  new AppError(code, 422, message, { expected });
