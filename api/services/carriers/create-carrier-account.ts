import type { Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { type CarrierType, carrierAccounts } from '../../../db/schema/index.js';
import type { SecretBox } from '../../security/secret-box.js';

/** Stores a carrier account; its keys are sealed before they reach the database. */
export async function createCarrierAccount(
  deps: { db: Executor; secrets: SecretBox },
  input: {
    type: CarrierType;
    name: string;
    credentials: Record<string, string>;
    settings?: Record<string, unknown>;
  },
): Promise<{ id: string }> {
  const id = newId('cac');
  await deps.db.insert(carrierAccounts).values({
    id,
    type: input.type,
    name: input.name,
    credentialsSealed: deps.secrets.seal(input.credentials),
    settings: input.settings ?? {},
  });
  return { id };
}
