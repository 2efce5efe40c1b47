import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { ssccCounters } from '../../../db/schema/index.js';
import { gs1CheckDigit } from '../../../labels/index.js';
import { AppError } from '../../errors.js';

/**
 * SSCC-18 for pallet labels: extension digit, GS1 company prefix (7 to 10 digits), serial reference
 * filling the rest up to 17 digits, and the GS1 mod-10 check digit. The element string printed in
 * GS1-128 is `(00)` followed by these 18 digits.
 */
export function formatSscc(extensionDigit: number, companyPrefix: string, serial: number): string {
  if (!Number.isInteger(extensionDigit) || extensionDigit < 0 || extensionDigit > 9)
    throw new AppError('sscc_extension_invalid', 422, 'The SSCC extension digit must be 0 to 9.');
  if (!/^\d{7,10}$/.test(companyPrefix))
    throw new AppError('gs1_prefix_invalid', 422, 'A GS1 company prefix has 7 to 10 digits.');
  const width = 16 - companyPrefix.length;
  const body = `${extensionDigit}${companyPrefix}${String(serial).padStart(width, '0')}`;
  if (!Number.isInteger(serial) || serial < 0 || body.length !== 17)
    throw new AppError('sscc_serial_invalid', 422, `The serial reference must fit in ${width} digits.`);
  return `${body}${gs1CheckDigit(body)}`;
}

export function isValidSscc(code: string): boolean {
  return /^\d{18}$/.test(code) && gs1CheckDigit(code.slice(0, 17)) === Number(code[17]);
}

/** Takes the next serial of a company prefix with one conditional UPDATE, so no two pallets share one. */
export async function allocateSscc(
  tx: Executor,
  config: { companyPrefix: string; extensionDigit: number },
): Promise<string> {
  const last = 10 ** (16 - config.companyPrefix.length) - 1;
  await tx
    .insert(ssccCounters)
    .values({
      companyPrefix: config.companyPrefix,
      extensionDigit: config.extensionDigit,
      nextSerial: 1,
      lastSerial: last,
    })
    .onConflictDoNothing();
  const [row] = await tx
    .update(ssccCounters)
    .set({ nextSerial: sql`${ssccCounters.nextSerial} + 1` })
    .where(
      sql`${ssccCounters.companyPrefix} = ${config.companyPrefix} and ${ssccCounters.nextSerial} <= ${ssccCounters.lastSerial}`,
    )
    .returning({
      serial: sql<number>`${ssccCounters.nextSerial} - 1`,
      extensionDigit: ssccCounters.extensionDigit,
    });
  if (!row) {
    const [used] = await tx
      .select({ prefix: ssccCounters.companyPrefix })
      .from(ssccCounters)
      .where(eq(ssccCounters.companyPrefix, config.companyPrefix));
    throw new AppError(
      'sscc_range_exhausted',
      409,
      `Every SSCC of prefix ${used?.prefix ?? config.companyPrefix} is used.`,
    );
  }
  return formatSscc(row.extensionDigit, config.companyPrefix, Number(row.serial));
}
