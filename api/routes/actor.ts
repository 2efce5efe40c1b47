import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Actor } from '../services/events/record-event.js';

/** Who did it, for the audit trail: the principal, and the device it says it is (handhelds send X-Device-Id). */
export function actorOf(c: Context<AppEnv>): Actor {
  const p = c.get('principal');
  return {
    userId: p?.userId ?? null,
    tokenId: p?.tokenId ?? null,
    deviceId: c.req.header('x-device-id')?.slice(0, 100) ?? p?.deviceId ?? null,
  };
}
