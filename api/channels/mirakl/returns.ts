import { z } from 'zod';
import {
  ChannelError,
  type PulledReturnNotice,
  type ReturnNoticePage,
  type ReturnNoticeState,
} from '../connector.js';
import type { MiraklClient } from './client.js';

/**
 * RT11 (`GET /api/returns`, `RT11_Response_200` in the seller spec): the returns of the shop, filtered by
 * last update and paged by seek tokens. The spec's operation says it "supports seek pagination" and leaves
 * the parameters to a shared section our copy does not carry; they are Mirakl's usual `limit` and
 * `page_token` (the `next_page_token` of the previous answer, which stands for the whole query).
 */

const DateTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO date-time');

const Rt11Return = z.looseObject({
  id: z.string().min(1),
  order_id: z.string().min(1),
  state: z.string().min(1),
  date_created: DateTime,
  last_updated: DateTime,
  reason_code: z.string().nullish(),
  return_lines: z
    .array(
      z.looseObject({
        order_line_id: z.string().min(1),
        quantity: z.number().int().positive(),
        reason_code: z.string().nullish(),
      }),
    )
    .min(1),
  tracking: z.looseObject({ tracking_number: z.string().nullish() }).nullish(),
});

const Rt11Page = z.looseObject({
  data: z.array(z.unknown()),
  next_page_token: z.string().nullish(),
});

/** RT11 states (the spec's enum); a state it does not list is reported, not guessed. */
const states: Record<string, ReturnNoticeState> = {
  WAITING_ACCEPTANCE: 'requested',
  IN_PROGRESS: 'accepted',
  RECEIVED: 'received',
  NO_RECEPTION: 'not_received',
  CLOSED: 'closed',
  REFUSED: 'refused',
  CANCELED: 'cancelled',
};

/**
 * Continuation of one read. RT11 sorts by creation date only, so, as with OR11, the cursor moves once
 * the last page is in, and never past the instant the read started (`until`): a return read on an early
 * page and updated while we page would otherwise fall behind a date taken from a later page.
 */
interface ReturnsToken {
  since: string;
  until: string;
  maxSeen: string | null;
  page: string;
}

function encodeToken(token: ReturnsToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(text: string): ReturnsToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as ReturnsToken;
    if (typeof token.page === 'string' && typeof token.since === 'string') return token;
  } catch {
    // Reported below.
  }
  throw new ChannelError(
    'mirakl returns page token is not one this connector issued',
    'mirakl_bad_page_token',
    false,
  );
}

/** Mirakl dates have second precision; rounding down keeps a bound at or before the instant. */
const toSecond = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export function mapMiraklReturn(raw: unknown): PulledReturnNotice {
  const id = (raw as { id?: unknown } | null)?.id;
  const externalReturnId = typeof id === 'string' && id !== '' ? id : null;
  const parsed = Rt11Return.safeParse(raw);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.') || '(return)'}: ${i.message}`);
    return { ok: false, externalReturnId, raw, reason: `malformed RT11 return: ${reason.join('; ')}` };
  }
  const r = parsed.data;
  const state = states[r.state];
  if (!state) return { ok: false, externalReturnId, raw, reason: `unknown RT11 return state ${r.state}` };
  return {
    ok: true,
    raw,
    notice: {
      externalReturnId: r.id,
      externalOrderId: r.order_id,
      state,
      channelState: r.state,
      reason: r.reason_code ?? r.return_lines.find((l) => l.reason_code)?.reason_code ?? null,
      lines: r.return_lines.map((l) => ({
        externalLineId: l.order_line_id,
        quantity: l.quantity,
        reason: l.reason_code ?? null,
      })),
      trackingNumber: r.tracking?.tracking_number || null,
      createdAt: r.date_created,
      updatedAt: r.last_updated,
    },
  };
}

export interface MiraklReturnsOptions {
  /** RT11 page size (`limit`). */
  pageSize: number;
  now: () => Date;
  /** How far back the first read goes, when the channel has no cursor yet. */
  lookbackDays: number;
}

/** One page of RT11, mapped. */
export async function listMiraklReturns(
  client: MiraklClient,
  input: { cursor: string | null; pageToken: string | null },
  options: MiraklReturnsOptions,
): Promise<ReturnNoticePage> {
  let token: ReturnsToken | null = input.pageToken ? decodeToken(input.pageToken) : null;
  const started = options.now();
  const since =
    token?.since ?? input.cursor ?? toSecond(new Date(started.getTime() - options.lookbackDays * 86_400_000));
  const until = token?.until ?? toSecond(started);
  // A seek token stands for the query it continues: only the page size goes with it.
  const query = token
    ? { page_token: token.page, limit: options.pageSize }
    : { return_last_updated_from: since, limit: options.pageSize };
  const page = Rt11Page.safeParse(await client.get<unknown>('/api/returns', query));
  if (!page.success)
    throw new ChannelError('mirakl RT11 answered a body without data', 'mirakl_bad_response', true);
  let maxSeen = token?.maxSeen ?? null;
  const notices = page.data.data.map((raw) => {
    const pulled = mapMiraklReturn(raw);
    if (pulled.ok) maxSeen = later(maxSeen, pulled.notice.updatedAt);
    return pulled;
  });
  const next = page.data.next_page_token || null;
  const hasMore = next !== null && notices.length > 0;
  token = hasMore ? { since, until, maxSeen, page: next } : null;
  const reached =
    maxSeen === null ? since : later(since, Date.parse(maxSeen) < Date.parse(until) ? maxSeen : until);
  return {
    notices,
    hasMore,
    nextCursor: hasMore ? input.cursor : reached,
    pageToken: token ? encodeToken(token) : null,
  };
}
