import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { carrierAccounts, orderCarrierChoices, orders } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';

/**
 * Sets (or changes) the carrier and service an order will ship with. The shipping rules and the desk's
 * override decide through here; a null account means our own self-issued labels (no choice row).
 */
export async function chooseCarrier(
  db: Executor,
  input: {
    orderId: string;
    carrierAccountId: string | null;
    serviceCode: string;
    relayPointId?: string | null;
  },
): Promise<void> {
  const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.id, input.orderId));
  if (!order) throw notFound('order_not_found', `Order ${input.orderId} does not exist.`);
  if (input.carrierAccountId === null) {
    await db.delete(orderCarrierChoices).where(eq(orderCarrierChoices.orderId, input.orderId));
    return;
  }
  const [account] = await db
    .select({ id: carrierAccounts.id })
    .from(carrierAccounts)
    .where(eq(carrierAccounts.id, input.carrierAccountId));
  if (!account)
    throw notFound('carrier_account_not_found', `Carrier account ${input.carrierAccountId} does not exist.`);
  const values = {
    orderId: input.orderId,
    carrierAccountId: input.carrierAccountId,
    serviceCode: input.serviceCode,
    relayPointId: input.relayPointId ?? null,
  };
  await db
    .insert(orderCarrierChoices)
    .values(values)
    .onConflictDoUpdate({ target: orderCarrierChoices.orderId, set: values });
}
