import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import {
  channelReturnNotices,
  orderLines,
  orders,
  type ReturnNoticeLine,
  type ReturnNoticeStatus,
} from '../../../db/schema/index.js';
import type { PulledReturnNotice, ReturnNotice, ReturnNoticeState } from '../../channels/connector.js';
import { AppError } from '../../errors.js';
import { systemActor } from '../events/record-event.js';
import { openReturn } from './open-return.js';

/**
 * `opened`: a return opened here; `linked`: the notice joined the return already open for its order;
 * `unchanged`: a notice whose return is already known; `parked`/`ignored`: kept with the reason.
 */
export type NoticeOutcome = 'opened' | 'linked' | 'unchanged' | 'parked' | 'ignored';

/** While the goods are on their way back, or already here, a return is opened for them. */
const openableStates = new Set<ReturnNoticeState>(['requested', 'accepted', 'received']);

type NoticeRow = typeof channelReturnNotices.$inferSelect;

type Decision =
  | { kind: 'open'; orderId: string; lines: ReturnNoticeLine[] }
  | {
      kind: 'park' | 'ignore';
      reason: string;
      orderId: string | null;
      lines: ReturnNoticeLine[];
    };

const unmapped = (notice: ReturnNotice): ReturnNoticeLine[] =>
  notice.lines.map((l) => ({ ...l, orderLineId: null }));

async function findNotice(db: Database, channelId: string, externalReturnId: string) {
  const [row] = await db
    .select()
    .from(channelReturnNotices)
    .where(
      and(
        eq(channelReturnNotices.channelId, channelId),
        eq(channelReturnNotices.externalReturnId, externalReturnId),
      ),
    );
  return row ?? null;
}

/** What to do with a notice not yet tied to a return: open one, park it until we can, or ignore it. */
async function decide(db: Database, channelId: string, notice: ReturnNotice): Promise<Decision> {
  if (!openableStates.has(notice.state))
    return {
      kind: 'ignore',
      reason: `the return is ${notice.channelState} at the channel: no parcel is coming back`,
      orderId: null,
      lines: unmapped(notice),
    };
  const [order] = await db
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(and(eq(orders.channelId, channelId), eq(orders.externalId, notice.externalOrderId)));
  if (!order)
    return {
      kind: 'park',
      reason: `order_unknown: no order ${notice.externalOrderId} from this channel`,
      orderId: null,
      lines: unmapped(notice),
    };
  const known = await db
    .select({ id: orderLines.id, externalLineId: orderLines.externalLineId })
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id));
  const byExternal = new Map(known.map((l) => [l.externalLineId, l.id]));
  const lines = notice.lines.map((l) => ({ ...l, orderLineId: byExternal.get(l.externalLineId) ?? null }));
  const stranger = lines.find((l) => l.orderLineId === null);
  if (stranger)
    return {
      kind: 'park',
      reason: `line_unknown: line ${stranger.externalLineId} is not on order ${notice.externalOrderId}`,
      orderId: order.id,
      lines,
    };
  if (order.status !== 'shipped')
    return {
      kind: 'park',
      reason: `order_not_shipped: the order is ${order.status} here`,
      orderId: order.id,
      lines,
    };
  return { kind: 'open', orderId: order.id, lines };
}

const isNewer = (updatedAt: string, known: Date | null) =>
  known === null || Date.parse(updatedAt) > known.getTime();

/** The notice's own columns, as the channel last gave them. */
function noticeColumns(notice: ReturnNotice, raw: unknown) {
  return {
    externalOrderId: notice.externalOrderId,
    channelState: notice.channelState,
    reason: notice.reason,
    trackingNumber: notice.trackingNumber,
    raw: (raw ?? null) as object,
    channelUpdatedAt: new Date(notice.updatedAt),
  };
}

/**
 * Settles one notice. Idempotent by (channel, channel return id): a notice whose return is known changes
 * nothing here (its channel state is kept up to date, our return goes on at the bench). `isDelivery`
 * is false when a parked notice is tried again from its row: a try that changes nothing writes nothing.
 */
export async function settleReturnNotice(
  db: Database,
  channelId: string,
  notice: ReturnNotice,
  raw: unknown,
  now: Date,
  isDelivery = true,
): Promise<NoticeOutcome> {
  const existing = await findNotice(db, channelId, notice.externalReturnId);
  if (existing?.returnId) {
    if (isDelivery && isNewer(notice.updatedAt, existing.channelUpdatedAt))
      await db
        .update(channelReturnNotices)
        .set({ ...noticeColumns(notice, raw), lastSeenAt: now })
        .where(
          and(
            eq(channelReturnNotices.channelId, channelId),
            eq(channelReturnNotices.externalReturnId, notice.externalReturnId),
          ),
        );
    return 'unchanged';
  }
  const decision = await decide(db, channelId, notice);
  if (decision.kind === 'open') {
    try {
      const opened = await openReturn(
        db,
        systemActor,
        {
          orderId: decision.orderId,
          source: 'channel',
          reason: notice.reason,
          channelReturnId: notice.externalReturnId,
          trackingNumber: notice.trackingNumber,
          announcedLines: decision.lines.map((l) => ({
            orderLineId: l.orderLineId,
            externalLineId: l.externalLineId,
            quantity: l.quantity,
          })),
        },
        now,
      );
      await saveNotice(db, channelId, notice, raw, now, existing, {
        status: 'opened',
        statusReason: null,
        orderId: decision.orderId,
        returnId: opened.returnId,
        lines: decision.lines,
      });
      return opened.isNew ? 'opened' : 'linked';
    } catch (err) {
      // The order moved on between the decision and the opening (cancelled, say): parked, not fatal.
      if (!(err instanceof AppError)) throw err;
      return park(db, channelId, notice, raw, now, existing, isDelivery, {
        kind: 'park',
        reason: `${err.code}: ${err.message}`,
        orderId: decision.orderId,
        lines: decision.lines,
      });
    }
  }
  return park(db, channelId, notice, raw, now, existing, isDelivery, decision);
}

async function park(
  db: Database,
  channelId: string,
  notice: ReturnNotice,
  raw: unknown,
  now: Date,
  existing: NoticeRow | null,
  isDelivery: boolean,
  decision: Extract<Decision, { kind: 'park' | 'ignore' }>,
): Promise<NoticeOutcome> {
  const status: ReturnNoticeStatus = decision.kind === 'park' ? 'parked' : 'ignored';
  const isSame = existing?.status === status && existing.statusReason === decision.reason;
  if (!(isSame && (!isDelivery || !isNewer(notice.updatedAt, existing.channelUpdatedAt))))
    await saveNotice(db, channelId, notice, raw, now, isDelivery ? existing : null, {
      status,
      statusReason: decision.reason,
      orderId: decision.orderId,
      returnId: null,
      lines: decision.lines,
    });
  return decision.kind === 'park' ? 'parked' : 'ignored';
}

async function saveNotice(
  db: Database,
  channelId: string,
  notice: ReturnNotice,
  raw: unknown,
  now: Date,
  /** The row this delivery re-sees (its count goes up), or null when nothing was re-delivered. */
  seen: NoticeRow | null,
  outcome: {
    status: ReturnNoticeStatus;
    statusReason: string | null;
    orderId: string | null;
    returnId: string | null;
    lines: ReturnNoticeLine[];
  },
): Promise<void> {
  const values = { ...noticeColumns(notice, raw), ...outcome };
  await db
    .insert(channelReturnNotices)
    .values({
      channelId,
      externalReturnId: notice.externalReturnId,
      ...values,
      firstSeenAt: now,
      lastSeenAt: now,
    })
    .onConflictDoUpdate({
      target: [channelReturnNotices.channelId, channelReturnNotices.externalReturnId],
      set: {
        ...values,
        ...(seen ? { lastSeenAt: now, timesSeen: sql`${channelReturnNotices.timesSeen} + 1` } : {}),
      },
      // A notice another worker tied to its return meanwhile stays tied to it.
      ...(outcome.returnId === null ? { setWhere: sql`${channelReturnNotices.returnId} is null` } : {}),
    });
}

/**
 * A notice the connector could not map is parked with its reason when it names itself; one that does
 * not is only counted (and logged by the caller), having no key to be found again by.
 */
export async function parkUnreadableNotice(
  db: Database,
  channelId: string,
  pulled: Extract<PulledReturnNotice, { ok: false }>,
  now: Date,
): Promise<boolean> {
  if (!pulled.externalReturnId) return false;
  const orderId = (pulled.raw as { order_id?: unknown } | null)?.order_id;
  const values = {
    externalOrderId: typeof orderId === 'string' ? orderId : null,
    status: 'parked' as const,
    statusReason: pulled.reason,
    raw: (pulled.raw ?? null) as object,
  };
  await db
    .insert(channelReturnNotices)
    .values({
      channelId,
      externalReturnId: pulled.externalReturnId,
      ...values,
      firstSeenAt: now,
      lastSeenAt: now,
    })
    .onConflictDoUpdate({
      target: [channelReturnNotices.channelId, channelReturnNotices.externalReturnId],
      set: { ...values, lastSeenAt: now, timesSeen: sql`${channelReturnNotices.timesSeen} + 1` },
      setWhere: sql`${channelReturnNotices.returnId} is null`,
    });
  return true;
}
