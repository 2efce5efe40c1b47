import type { AppDeps } from '../../deps.js';
import { loadChannel } from './load-channel.js';

/** Runs the connector's own connection test; a failure is an answer, not an error. */
export async function testChannel(deps: Pick<AppDeps, 'db' | 'secrets' | 'connectors'>, channelId: string) {
  const channel = await loadChannel(deps, channelId);
  try {
    return await channel.connector.testConnection();
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
