import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { carrierAccounts } from '../../../db/schema/index.js';
import type { CarrierAdapter } from '../../carriers/carrier.js';
import { createCarrierAdapterFactory } from '../../carriers/registry.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../errors.js';

const defaultFactory = createCarrierAdapterFactory();

export type CarrierDeps = Pick<AppDeps, 'secrets' | 'carriers'>;

/** The adapter of a carrier account, with its credentials opened only in memory. */
export async function loadCarrier(
  db: Executor,
  deps: CarrierDeps,
  accountId: string,
): Promise<CarrierAdapter> {
  const [account] = await db.select().from(carrierAccounts).where(eq(carrierAccounts.id, accountId));
  if (!account) throw notFound('carrier_account_not_found', `Carrier account ${accountId} does not exist.`);
  if (!account.isEnabled)
    throw new AppError('carrier_account_disabled', 409, `Carrier account ${account.name} is disabled.`);
  return (deps.carriers ?? defaultFactory)({
    id: account.id,
    type: account.type,
    settings: account.settings,
    credentials: deps.secrets.open<Record<string, string>>(account.credentialsSealed),
  });
}

/** PDF where the carrier gives it (the desk printers take PDF), otherwise the carrier's own format. */
export function preferredLabelFormat(adapter: CarrierAdapter, wanted?: unknown): 'pdf' | 'zpl' {
  if ((wanted === 'pdf' || wanted === 'zpl') && adapter.labelFormats.includes(wanted)) return wanted;
  return adapter.labelFormats.includes('pdf') ? 'pdf' : 'zpl';
}
