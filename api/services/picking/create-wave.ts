import type { Database } from '../../../db/client.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../events/record-event.js';
import { isUniqueViolation } from '../scans/scan-replay.js';
import { buildWave } from './build-wave.js';

/** The desk builds a wave from orders it chose; their order in the request is their slot on the cart. */
export async function createWave(
  db: Database,
  actor: Actor,
  input: { orderIds: string[]; name?: string | undefined },
  now: Date,
): Promise<{ waveId: string }> {
  const orderIds = [...new Set(input.orderIds)];
  try {
    const waveId = await db.transaction((tx) =>
      buildWave(tx, actor, { orderIds, name: input.name, criteria: { orderIds } }, now),
    );
    return { waveId };
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError(
        'order_already_in_wave',
        409,
        'One of these orders is already in a live wave; finish or cancel that wave first.',
      );
    }
    throw err;
  }
}
