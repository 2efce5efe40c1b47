import { eq } from 'drizzle-orm';
import { channels } from '../../../db/schema/index.js';
import { ChannelError } from '../../channels/connector.js';
import type { AppDeps } from '../../deps.js';
import { type BatchItem, ingestOrders } from '../orders/ingest-orders.js';
import { loadChannel } from './load-channel.js';
import { parkOrder } from './park-order.js';

export interface PullSummary {
  pages: number;
  created: number;
  updated: number;
  unchanged: number;
  parked: number;
  cursor: string | null;
}

/** Safety bound: one pull never runs forever; the next scheduled pull carries on from the cursor. */
const maxPagesPerPull = 50;

/**
 * Pulls every order changed since the channel's cursor. Each order is ingested in its own transaction;
 * a malformed or unknown-product order is parked and the pull goes on. The cursor moves only after the
 * pages it covers are stored, so a crash re-delivers (harmless) rather than skips (lost orders).
 */
export async function pullChannel(
  deps: Pick<AppDeps, 'db' | 'jobs' | 'secrets' | 'connectors' | 'clock' | 'logger'>,
  channelId: string,
): Promise<PullSummary> {
  const channel = await loadChannel(deps, channelId);
  const summary: PullSummary = {
    pages: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    parked: 0,
    cursor: channel.pullCursor,
  };
  let pageToken: string | null = null;
  let nextCursor = channel.pullCursor;
  try {
    do {
      const page = await channel.connector.pullOrders({ cursor: channel.pullCursor, pageToken });
      summary.pages++;
      const now = deps.clock.now();
      const good: BatchItem[] = [];
      for (const pulled of page.orders) {
        if (pulled.ok) good.push({ order: pulled.order, raw: pulled.raw });
        else {
          await parkOrder(
            deps.db,
            { channelId, externalId: pulled.externalId, raw: pulled.raw, reason: pulled.reason },
            now,
          );
          summary.parked++;
        }
      }
      const outcomes = await ingestOrders(deps, channel, good, now);
      for (const [i, result] of outcomes.entries()) {
        if (result.outcome !== 'rejected') {
          summary[result.outcome]++;
          continue;
        }
        const item = good[i]!;
        await parkOrder(
          deps.db,
          { channelId, externalId: item.order.externalId, raw: item.raw, reason: result.rejection.message },
          now,
        );
        summary.parked++;
      }
      if (page.nextCursor && (!nextCursor || page.nextCursor > nextCursor)) nextCursor = page.nextCursor;
      pageToken = page.hasMore ? page.pageToken : null;
    } while (pageToken && summary.pages < maxPagesPerPull);
  } catch (err) {
    const message =
      err instanceof ChannelError ? `${err.code}: ${err.message}` : String((err as Error).message ?? err);
    // Pages already ingested keep their progress: a connector reports a cursor past the pull's start
    // only once everything before it is in, so the next pull resumes there instead of starting over
    // (a channel that fails every few pages would otherwise never get past the first ones).
    await deps.db
      .update(channels)
      .set({ lastPullError: message, pullCursor: nextCursor })
      .where(eq(channels.id, channelId));
    throw err;
  }
  await deps.db
    .update(channels)
    .set({ pullCursor: nextCursor, lastPulledAt: deps.clock.now(), lastPullError: null })
    .where(eq(channels.id, channelId));
  summary.cursor = nextCursor;
  return summary;
}
