import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { shippingRules } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';

/** Orders already decided by the rule keep its name on their decision; only future orders change. */
export async function deleteShippingRule(db: Database, actor: Actor, ruleId: string, now: Date) {
  await db.transaction(async (tx) => {
    const [deleted] = await tx.delete(shippingRules).where(eq(shippingRules.id, ruleId)).returning();
    if (!deleted) throw notFound('shipping_rule_not_found', `Shipping rule ${ruleId} does not exist.`);
    const rest = await tx
      .select({ id: shippingRules.id, position: shippingRules.position })
      .from(shippingRules)
      .orderBy(asc(shippingRules.position));
    for (const [index, row] of rest.entries())
      if (row.position !== index + 1)
        await tx
          .update(shippingRules)
          .set({ position: index + 1 })
          .where(eq(shippingRules.id, row.id));
    await recordEvent(
      tx,
      actor,
      {
        type: 'shipping_rule.deleted',
        entityType: 'shipping_rule',
        entityId: ruleId,
        payload: { name: deleted.name },
      },
      now,
    );
  });
}
