import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { pickTasks } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';

/** The open tasks behind a step key (`bin|product`, or `order|bin|product` in single mode). */
export async function findStepTasks(tx: Executor, waveId: string, key: string) {
  const parts = key.split('|');
  const [orderId, binId, productId] = parts.length === 3 ? parts : [undefined, parts[0], parts[1]];
  if (!binId || !productId || parts.length > 3) {
    throw new AppError(
      'step_key_invalid',
      422,
      `"${key}" is not a step key; expected bin|product or order|bin|product.`,
      {
        expected: 'bin|product',
      },
    );
  }
  const tasks = await tx
    .select()
    .from(pickTasks)
    .where(
      and(
        eq(pickTasks.waveId, waveId),
        eq(pickTasks.binId, binId),
        eq(pickTasks.productId, productId),
        eq(pickTasks.status, 'open'),
        orderId ? eq(pickTasks.orderId, orderId) : undefined,
      ),
    )
    .for('update');
  return { tasks, binId, productId };
}
