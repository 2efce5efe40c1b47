import type { Database } from '../../../db/client.js';
import { AppError } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { isUniqueViolation } from '../scans/scan-replay.js';

/**
 * A wrong scan in a wave: answered with what was expected and recorded once under its client scan id
 * (pick accuracy is wrong scans over scans). Nothing is picked.
 */
export async function rejectWaveScan(
  db: Database,
  actor: Actor,
  input: { waveId: string; clientScanId: string; scanned: Record<string, unknown> },
  error: AppError,
  now: Date,
): Promise<never> {
  try {
    await recordEvent(
      db,
      actor,
      {
        type: 'pick.scan_rejected',
        entityType: 'wave',
        entityId: input.waveId,
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

export const waveScanError = (code: string, message: string, expected: unknown) =>
  new AppError(code, 422, message, { expected });

export const waveNotFound = (waveId: string) =>
  new AppError('wave_not_found', 404, `Wave ${waveId} does not exist.`);
