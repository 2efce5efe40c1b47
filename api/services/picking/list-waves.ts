import { desc, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { waves } from '../../../db/schema/index.js';
import { waveSummary } from './get-wave.js';

/** Waves a picker can work on: not yet started, or under way. */
export async function listWaves(tx: Executor) {
  const rows = await tx
    .select()
    .from(waves)
    .where(inArray(waves.status, ['open', 'picking']))
    .orderBy(desc(waves.createdAt))
    .limit(200);
  return rows.map(waveSummary);
}
