import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { carrierAccounts, shippingRules } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';

/**
 * Puts a rule at a 1-based position and renumbers the others 1…n, so positions stay a plain sequence the
 * editor shows as is. `position` past the end means last.
 */
export async function placeRule(tx: Executor, ruleId: string, position: number | undefined): Promise<void> {
  const rows = await tx
    .select({ id: shippingRules.id, position: shippingRules.position })
    .from(shippingRules)
    .orderBy(asc(shippingRules.position), asc(shippingRules.createdAt))
    .for('update');
  const others = rows.filter((r) => r.id !== ruleId);
  const at = Math.min(Math.max((position ?? others.length + 1) - 1, 0), others.length);
  const ordered = [...others.slice(0, at), { id: ruleId, position: -1 }, ...others.slice(at)];
  for (const [index, row] of ordered.entries()) {
    if (row.position !== index + 1)
      await tx
        .update(shippingRules)
        .set({ position: index + 1 })
        .where(eq(shippingRules.id, row.id));
  }
}

export async function assertCarrierAccount(tx: Executor, carrierAccountId: string | null): Promise<void> {
  if (carrierAccountId === null) return;
  const [account] = await tx
    .select({ id: carrierAccounts.id })
    .from(carrierAccounts)
    .where(eq(carrierAccounts.id, carrierAccountId));
  if (!account)
    throw notFound('carrier_account_not_found', `Carrier account ${carrierAccountId} does not exist.`);
}
