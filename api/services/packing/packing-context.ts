import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import { carrierAccounts, channels, orderCarrierChoices, orders } from '../../../db/schema/index.js';
import { findCarrierService, findMarketplaceRules, type ServiceLevel } from '../../../labels/index.js';
import { notFound } from '../../errors.js';
import { selfIssuedCarrier } from '../shipping/self-issued-carrier.js';

/**
 * How a carrier account's service reads in the packaging rules (`labels/rules`): which carrier service's
 * limits apply, and the carrier code each marketplace is sent. Kept in the account's settings as
 * `packagingRules: { "<serviceCode>": { carrier, service, marketplaceCarrierCodes } }`.
 */
export const PackagingRuleKey = z.object({
  carrier: z.string().min(1),
  service: z.string().min(1),
  marketplaceCarrierCodes: z.record(z.string(), z.string()).optional(),
});
export type PackagingRuleKey = z.infer<typeof PackagingRuleKey>;

const AccountPackagingRules = z.record(z.string(), PackagingRuleKey);

/** The self-issued range's carrier, in rule terms (`SELF_PACKAGING_RULES=carrier/service`). */
function selfIssuedRuleKey(): PackagingRuleKey {
  const [carrier = 'colissimo', service = 'home'] = (
    process.env.SELF_PACKAGING_RULES ?? 'colissimo/home'
  ).split('/');
  return { carrier, service };
}

export interface PackingContext {
  orderId: string;
  /** Marketplace whose confirmation rules apply; null for web shops and manual orders. */
  marketplace: string | null;
  serviceLevel: ServiceLevel;
  carrier: string;
  service: string;
  /** Human name of the service for the station's header. */
  serviceName: string;
  carrierCode: string;
  /** Mirakl: the operator's carrier list (SH21) when the channel has it loaded; null when unknown. */
  operatorCarrierCodes: readonly string[] | null;
  isTracked: boolean;
  shipBy: Date | null;
}

function serviceLevelOf(raw: string | null, relayPointId: string | null): ServiceLevel {
  if (relayPointId) return 'relay';
  const level = (raw ?? '').toLowerCase();
  if (level.includes('express')) return 'express';
  if (level.includes('relay') || level.includes('pickup')) return 'relay';
  return 'standard';
}

/** What the packaging rules need to know about an order: marketplace, service level, carrier service, code. */
export async function loadPackingContext(db: Executor, orderId: string): Promise<PackingContext> {
  const [row] = await db
    .select({ order: orders, channelType: channels.type, channelSettings: channels.settings })
    .from(orders)
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .where(eq(orders.id, orderId));
  if (!row) throw notFound('order_not_found', `Order ${orderId} does not exist.`);
  const [choice] = await db
    .select({ choice: orderCarrierChoices, type: carrierAccounts.type, settings: carrierAccounts.settings })
    .from(orderCarrierChoices)
    .innerJoin(carrierAccounts, eq(carrierAccounts.id, orderCarrierChoices.carrierAccountId))
    .where(eq(orderCarrierChoices.orderId, orderId));

  let key: PackagingRuleKey;
  let fallbackCode: string;
  if (choice) {
    const rules = AccountPackagingRules.safeParse(choice.settings.packagingRules ?? {});
    const byService = rules.success ? rules.data[choice.choice.serviceCode] : undefined;
    // An account without a mapping is checked under its own names: the check then says so.
    key = byService ?? { carrier: choice.type, service: choice.choice.serviceCode };
    fallbackCode = choice.type;
  } else {
    key = selfIssuedRuleKey();
    fallbackCode = selfIssuedCarrier.code;
  }
  const marketplace = findMarketplaceRules(row.channelType) ? row.channelType : null;
  const operator = z.array(z.string()).safeParse(row.channelSettings.operatorCarrierCodes);
  const service = findCarrierService(key.carrier, key.service);
  return {
    orderId,
    marketplace,
    serviceLevel: serviceLevelOf(row.order.serviceLevel, choice?.choice.relayPointId ?? null),
    carrier: key.carrier,
    service: key.service,
    serviceName: service?.name ?? `${key.carrier} ${key.service}`,
    carrierCode: (marketplace && key.marketplaceCarrierCodes?.[marketplace]) || fallbackCode,
    operatorCarrierCodes: operator.success ? operator.data : null,
    isTracked: service?.isTracked ?? true,
    shipBy: row.order.shipBy,
  };
}
