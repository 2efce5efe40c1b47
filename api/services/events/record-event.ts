import type { Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { events } from '../../../db/schema/index.js';

export interface Actor {
  userId?: string | null;
  tokenId?: string | null;
  deviceId?: string | null;
}

export const systemActor: Actor = {};

export interface EventInput {
  type: string;
  orderId?: string | null;
  entityType?: string;
  entityId?: string;
  clientScanId?: string | null;
  payload?: Record<string, unknown>;
}

/** Writes one audit row; call it inside the transaction that makes the change it records. */
export async function recordEvent(tx: Executor, actor: Actor, input: EventInput, at: Date): Promise<void> {
  await tx.insert(events).values({
    id: newId('evt'),
    occurredAt: at,
    type: input.type,
    orderId: input.orderId ?? null,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    actorUserId: actor.userId ?? null,
    actorTokenId: actor.tokenId ?? null,
    deviceId: actor.deviceId ?? null,
    clientScanId: input.clientScanId ?? null,
    payload: input.payload ?? {},
  });
}
