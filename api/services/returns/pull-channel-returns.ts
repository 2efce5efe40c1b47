import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import { channelReturnCursors, channelReturnNotices, channels } from '../../../db/schema/index.js';
import { ChannelError, type ReturnNotice } from '../../channels/connector.js';
import type { AppDeps } from '../../deps.js';
import { loadChannel } from '../channels/load-channel.js';
import { type NoticeOutcome, parkUnreadableNotice, settleReturnNotice } from './record-return-notice.js';

export interface ReturnPullSummary {
  /** False when the channel's API gives no return signal (its connector has no `listReturns`). */
  isSupported: boolean;
  pages: number;
  opened: number;
  linked: number;
  unchanged: number;
  parked: number;
  ignored: number;
  /** Notices too malformed to name themselves: counted, with their reasons, and nothing else. */
  unreadable: string[];
  /** Parked notices tried again whose return could now be opened. */
  resolved: number;
  cursor: string | null;
}

/** Safety bounds: one read never runs forever; the next one carries on from the cursor. */
const maxPagesPerPull = 50;
const maxParkedRetries = 1000;
const parkedBatch = 100;

/**
 * Reads the returns a channel signals (Mirakl RT11…) since its cursor and opens ours (`source:
 * 'channel'`), idempotent by the channel's return id. A notice for an order we do not know, or one not
 * shipped yet, is parked with the reason and tried again on each read; nothing a notice holds stops the
 * read. The cursor moves only after the pages it covers are settled, as with orders.
 */
export async function pullChannelReturns(
  deps: Pick<AppDeps, 'db' | 'secrets' | 'connectors' | 'clock'>,
  channelId: string,
): Promise<ReturnPullSummary> {
  const channel = await loadChannel(deps, channelId);
  const [saved] = await deps.db
    .select()
    .from(channelReturnCursors)
    .where(eq(channelReturnCursors.channelId, channelId));
  const summary: ReturnPullSummary = {
    isSupported: typeof channel.connector.listReturns === 'function',
    pages: 0,
    opened: 0,
    linked: 0,
    unchanged: 0,
    parked: 0,
    ignored: 0,
    unreadable: [],
    resolved: 0,
    cursor: saved?.cursor ?? null,
  };
  const listReturns = channel.connector.listReturns?.bind(channel.connector);
  if (!listReturns) return summary;
  const start = saved?.cursor ?? null;
  let nextCursor = start;
  let pageToken: string | null = null;
  const count = (outcome: NoticeOutcome) => {
    summary[outcome]++;
  };
  try {
    // Parked notices first: an order imported since the last read lets its return open now.
    summary.resolved = await retryParked(deps, channelId);
    do {
      const page = await listReturns({ cursor: start, pageToken });
      summary.pages++;
      const now = deps.clock.now();
      for (const pulled of page.notices) {
        if (pulled.ok) count(await settleReturnNotice(deps.db, channelId, pulled.notice, pulled.raw, now));
        else if (await parkUnreadableNotice(deps.db, channelId, pulled, now)) summary.parked++;
        else summary.unreadable.push(pulled.reason);
      }
      if (page.nextCursor && (!nextCursor || Date.parse(page.nextCursor) > Date.parse(nextCursor)))
        nextCursor = page.nextCursor;
      pageToken = page.hasMore ? page.pageToken : null;
    } while (pageToken && summary.pages < maxPagesPerPull);
  } catch (err) {
    const message =
      err instanceof ChannelError ? `${err.code}: ${err.message}` : String((err as Error).message ?? err);
    await saveCursor(deps, channelId, { cursor: nextCursor, lastError: message });
    throw err;
  }
  await saveCursor(deps, channelId, {
    cursor: nextCursor,
    lastError: null,
    lastPulledAt: deps.clock.now(),
  });
  summary.cursor = nextCursor;
  return summary;
}

async function saveCursor(
  deps: Pick<AppDeps, 'db'>,
  channelId: string,
  values: { cursor: string | null; lastError: string | null; lastPulledAt?: Date },
) {
  await deps.db
    .insert(channelReturnCursors)
    .values({ channelId, ...values })
    .onConflictDoUpdate({ target: channelReturnCursors.channelId, set: values });
}

/** Tries every parked notice of the channel again, from its row; returns how many opened a return. */
async function retryParked(deps: Pick<AppDeps, 'db' | 'clock'>, channelId: string): Promise<number> {
  let resolved = 0;
  let after: { lastSeenAt: Date; externalReturnId: string } | null = null;
  for (let tried = 0; tried < maxParkedRetries; ) {
    const rows: (typeof channelReturnNotices.$inferSelect)[] = await deps.db
      .select()
      .from(channelReturnNotices)
      .where(
        and(
          eq(channelReturnNotices.channelId, channelId),
          eq(channelReturnNotices.status, 'parked'),
          after
            ? or(
                gt(channelReturnNotices.lastSeenAt, after.lastSeenAt),
                and(
                  eq(channelReturnNotices.lastSeenAt, after.lastSeenAt),
                  gt(channelReturnNotices.externalReturnId, after.externalReturnId),
                ),
              )
            : sql`true`,
        ),
      )
      .orderBy(asc(channelReturnNotices.lastSeenAt), asc(channelReturnNotices.externalReturnId))
      .limit(parkedBatch);
    for (const row of rows) {
      tried++;
      const notice = noticeFromRow(row);
      if (!notice) continue;
      const outcome = await settleReturnNotice(deps.db, channelId, notice, row.raw, deps.clock.now(), false);
      if (outcome === 'opened' || outcome === 'linked') resolved++;
    }
    const last = rows.at(-1);
    if (!last || rows.length < parkedBatch) break;
    after = { lastSeenAt: last.lastSeenAt, externalReturnId: last.externalReturnId };
  }
  return resolved;
}

/** A parked notice as its row keeps it; one parked as unreadable has no mapped content to try again. */
function noticeFromRow(row: typeof channelReturnNotices.$inferSelect): ReturnNotice | null {
  if (!row.externalOrderId || !row.channelState || !row.channelUpdatedAt || row.lines.length === 0)
    return null;
  return {
    externalReturnId: row.externalReturnId,
    externalOrderId: row.externalOrderId,
    // Only notices in a state that opens a return are parked; the state decides nothing more here.
    state: 'requested',
    channelState: row.channelState,
    reason: row.reason,
    lines: row.lines.map((l) => ({
      externalLineId: l.externalLineId,
      quantity: l.quantity,
      reason: l.reason,
    })),
    trackingNumber: row.trackingNumber,
    createdAt: row.firstSeenAt.toISOString(),
    updatedAt: row.channelUpdatedAt.toISOString(),
  };
}

/** Enabled channels whose connector reads returns: the scheduled fan-out queues one read for each. */
export async function listReturnChannels(
  deps: Pick<AppDeps, 'db' | 'secrets' | 'connectors'>,
): Promise<string[]> {
  const rows = await deps.db
    .select({ id: channels.id })
    .from(channels)
    .where(eq(channels.isEnabled, true))
    .orderBy(asc(channels.id));
  const ids: string[] = [];
  for (const row of rows) {
    const channel = await loadChannel(deps, row.id);
    if (typeof channel.connector.listReturns === 'function') ids.push(row.id);
  }
  return ids;
}
