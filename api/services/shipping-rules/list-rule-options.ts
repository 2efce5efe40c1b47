import { asc } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { carrierAccounts, channels } from '../../../db/schema/index.js';
import { CARRIER_SERVICES } from '../../../labels/index.js';
import { selfIssuedCarrier } from '../shipping/self-issued-carrier.js';

/** What the rule editor offers in its lists: channels, carrier accounts and known services. */
export async function listRuleOptions(db: Database) {
  const accounts = await db
    .select({ id: carrierAccounts.id, name: carrierAccounts.name, type: carrierAccounts.type })
    .from(carrierAccounts)
    .orderBy(asc(carrierAccounts.name));
  const channelRows = await db
    .select({ id: channels.id, name: channels.name })
    .from(channels)
    .orderBy(asc(channels.name));
  return {
    channels: channelRows,
    carrierAccounts: accounts,
    selfIssued: { name: selfIssuedCarrier.name, serviceCode: selfIssuedCarrier.service },
    services: CARRIER_SERVICES.map((s) => ({ carrier: s.carrier, service: s.service, name: s.name })),
  };
}
