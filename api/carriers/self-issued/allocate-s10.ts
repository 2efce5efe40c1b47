import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { numberRanges } from '../../../db/schema/index.js';
import { formatS10 } from '../../../labels/index.js';
import { AppError } from '../../errors.js';

/**
 * Takes the next number of a self-issued range (UPU S10: two letters, eight digits, check digit, country)
 * with one conditional UPDATE … RETURNING, so concurrent packers never share a number. The range is
 * created on first use; a carrier contract gives the real prefix and bounds.
 */
export async function allocateTrackingNumber(
  tx: Executor,
  range: { id: string; prefix: string; country: string; first: number; last: number },
): Promise<string> {
  await tx
    .insert(numberRanges)
    .values({
      id: range.id,
      prefix: range.prefix,
      country: range.country,
      nextSerial: range.first,
      lastSerial: range.last,
    })
    .onConflictDoNothing();
  const [row] = await tx
    .update(numberRanges)
    .set({ nextSerial: sql`${numberRanges.nextSerial} + 1` })
    .where(sql`${numberRanges.id} = ${range.id} and ${numberRanges.nextSerial} <= ${numberRanges.lastSerial}`)
    .returning({
      serial: sql<number>`${numberRanges.nextSerial} - 1`,
      prefix: numberRanges.prefix,
      country: numberRanges.country,
    });
  if (!row) {
    const [exhausted] = await tx.select().from(numberRanges).where(eq(numberRanges.id, range.id));
    throw new AppError(
      'tracking_range_exhausted',
      409,
      `Tracking number range ${exhausted?.id ?? range.id} is used up.`,
    );
  }
  return formatS10(row.prefix, Number(row.serial), row.country);
}
