import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/client.js';

export const deadlineBuckets = ['late', 'today', 'tomorrow', 'later', 'no_date'] as const;
export type DeadlineBucket = (typeof deadlineBuckets)[number];

/** Orders still to ship: everything before `shipped` that has not been cancelled. */
const openStatuses = sql.raw(`('pending','ready','picking','picked','packed','on_hold')`);

export interface WorkCount {
  channelId: string;
  channelName: string;
  status: string;
  bucket: DeadlineBucket;
  orders: number;
}

export interface AtRiskOrder {
  orderId: string;
  externalId: string;
  channelName: string;
  status: string;
  shipBy: string;
  bucket: DeadlineBucket;
  units: number;
}

export interface TodaysWork {
  /** Calendar days are the warehouse's (`timeZone`); the deadlines themselves are instants. */
  timeZone: string;
  totals: Record<DeadlineBucket, number>;
  counts: WorkCount[];
  /** Late, due today and due tomorrow, most urgent first. */
  atRisk: AtRiskOrder[];
}

// Midnight tonight and tomorrow night in the warehouse's time zone, as instants.
const bucketOf = (now: string, tz: string) => sql`case
  when o.ship_by is null then 'no_date'
  when o.ship_by < ${now}::timestamptz then 'late'
  when o.ship_by < ((((${now}::timestamptz at time zone ${tz})::date + 1)::timestamp) at time zone ${tz}) then 'today'
  when o.ship_by < ((((${now}::timestamptz at time zone ${tz})::date + 2)::timestamp) at time zone ${tz}) then 'tomorrow'
  else 'later' end`;

/**
 * Today's work: open orders by ship-by deadline (late, due today, due tomorrow, later), by status and by
 * channel, and the at-risk ones listed most urgent first. Reads orders_queue_idx (status, ship_by).
 */
export async function getTodaysWork(
  db: Executor,
  now: Date,
  timeZone: string,
  limit = 200,
): Promise<TodaysWork> {
  const at = now.toISOString();
  const counts = rowsOf<{
    channel_id: string;
    name: string;
    status: string;
    bucket: DeadlineBucket;
    n: number;
  }>(
    await db.execute(sql`select o.channel_id, c.name, o.status, ${bucketOf(at, timeZone)} as bucket, count(*)::int as n
      from orders o join channels c on c.id = o.channel_id
      where o.status in ${openStatuses}
      group by 1, 2, 3, 4 order by 2, 3, 4`),
  );
  const atRisk = rowsOf<{
    id: string;
    external_id: string;
    name: string;
    status: string;
    ship_by: string;
    bucket: DeadlineBucket;
    units: number;
  }>(
    await db.execute(sql`select o.id, o.external_id, c.name, o.status, o.ship_by, ${bucketOf(at, timeZone)} as bucket,
        (select coalesce(sum(l.quantity), 0)::int from order_lines l where l.order_id = o.id and l.status <> 'cancelled') as units
      from orders o join channels c on c.id = o.channel_id
      where o.status in ${openStatuses}
        and o.ship_by < ((((${at}::timestamptz at time zone ${timeZone})::date + 2)::timestamp) at time zone ${timeZone})
      order by o.ship_by asc, o.id limit ${limit}`),
  );
  const totals = Object.fromEntries(deadlineBuckets.map((b) => [b, 0])) as Record<DeadlineBucket, number>;
  for (const c of counts) totals[c.bucket] += Number(c.n);
  return {
    timeZone,
    totals,
    counts: counts.map((c) => ({
      channelId: c.channel_id,
      channelName: c.name,
      status: c.status,
      bucket: c.bucket,
      orders: Number(c.n),
    })),
    atRisk: atRisk.map((r) => ({
      orderId: r.id,
      externalId: r.external_id,
      channelName: r.name,
      status: r.status,
      shipBy: new Date(r.ship_by).toISOString(),
      bucket: r.bucket,
      units: Number(r.units),
    })),
  };
}
