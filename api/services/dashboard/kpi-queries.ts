import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/client.js';
import type { KpiName } from './kpi-policies.js';

/** Defects over the population a KPI is measured on, for one channel and one window. */
export interface KpiCount {
  channelId: string;
  windowDays: number;
  numerator: number;
  denominator: number;
}

export interface KpiQueryInput {
  now: Date;
  windows: number[];
  /** Per channel: days after ship-by a delivery still counts as on time. */
  deliveryPromiseDays: Map<string, number>;
}

const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;
const since = (now: Date, days: number) =>
  sql`(${now.toISOString()}::timestamptz - ${sql.raw(String(Math.trunc(days)))} * interval '1 day')`;

/** How one KPI is measured: the rows (`from`), the instant that places each in a window, and a defect. */
export interface KpiDefinition {
  /** Joins that yield one row per measured order / shipment / parcel, with the order as `o`. */
  from: SQL;
  /** The instant compared with the window (ship-by, placed, shipped, delivered). */
  time: SQL;
  /** Further conditions on the population. */
  where: SQL;
  defect: SQL;
  orderBy: SQL;
}

/**
 * Each KPI as one statement for every channel and window: one index range scan over the widest window,
 * then a filtered count per window. The defect condition of each is also what lists "the orders that
 * caused it" (list-kpi-orders.ts), so the list and the figure always agree.
 */
export const kpiDefinitions: Record<KpiName, (input: Omit<KpiQueryInput, 'windows'>) => KpiDefinition> = {
  // Orders whose ship-by date fell in the window (deadline passed), not cancelled: late when confirmed
  // shipped after it, or still not shipped. Uses orders_ship_by_idx.
  late_shipment: () => ({
    from: sql`orders o`,
    time: sql`o.ship_by`,
    where: sql`o.status <> 'cancelled'`,
    defect: sql`(o.shipped_at is null or o.shipped_at > o.ship_by)`,
    orderBy: sql`o.ship_by desc`,
  }),
  // Orders placed in the window; cancelled before anything shipped. The channels do not say who asked
  // for a cancellation, so buyer-requested ones count too: the figure errs on the safe side.
  // Uses orders_placed_at_idx.
  cancellation: () => ({
    from: sql`orders o`,
    time: sql`o.placed_at`,
    where: sql`true`,
    defect: sql`(o.status = 'cancelled' and o.shipped_at is null)`,
    orderBy: sql`o.placed_at desc`,
  }),
  // Shipments confirmed shipped in the window. Every tracking number we print has passed its carrier's
  // check digit already (labels/validate-tracking-number.ts), so what remains to know is whether the
  // channel accepted it: valid = the channel push confirmed. (A shipment is created with its labelled
  // parcels and tracking numbers, so a shipped one always has them.) A push still under way in its first
  // day is left out rather than counted either way.
  // Uses shipments_shipped_at_idx.
  valid_tracking: ({ now }) => ({
    from: sql`shipments s cross join lateral (${orderOf(sql`s.order_id`)}) o`,
    time: sql`s.shipped_at`,
    where: sql`s.status = 'shipped' and not (s.channel_push_status in ('pending', 'not_sent') and s.shipped_at > ${at(now)} - interval '1 day')`,
    defect: sql`s.channel_push_status <> 'confirmed'`,
    orderBy: sql`s.shipped_at desc`,
  }),
  // Parcels the carrier reported delivered in the window (parcel_tracking, filled by the tracking job):
  // on time when delivered within the channel's promise after ship-by. Known only where tracked.
  on_time_delivery: ({ deliveryPromiseDays }) => ({
    from: sql`parcel_tracking pt cross join lateral (${orderOf(sql`pt.order_id`)}) o
      left join (values ${promiseValues(deliveryPromiseDays)}) as promise(channel_id, days) on promise.channel_id = o.channel_id`,
    time: sql`pt.delivered_at`,
    where: sql`o.ship_by is not null`,
    defect: sql`pt.delivered_at > o.ship_by + coalesce(promise.days, 3) * interval '1 day'`,
    orderBy: sql`pt.delivered_at desc`,
  }),
  // Orders shipped in the window with a return opened (the returns table; a cancelled return does not
  // count). Uses orders_shipped_at_idx.
  return_rate: () => ({
    from: sql`orders o`,
    time: sql`o.shipped_at`,
    where: sql`true`,
    // `in (subquery)` is hashed once per statement; a correlated `exists` inside count(*) filter would
    // probe the returns index once per shipped order.
    defect: sql`o.id in (select r.order_id from returns r where r.status <> 'cancelled')`,
    orderBy: sql`o.shipped_at desc`,
  }),
};

/**
 * The order of a shipment or parcel, looked up by primary key one row at a time. `offset 0` keeps the
 * planner from flattening it into a hash join that reads all 100,000 orders to find a few thousand.
 */
function orderOf(orderId: SQL): SQL {
  return sql`select o.id, o.channel_id, o.external_id, o.status, o.placed_at, o.ship_by, o.shipped_at
    from orders o where o.id = ${orderId} offset 0`;
}

function promiseValues(days: Map<string, number>): SQL {
  const rows = [...days].map(([channelId, d]) => sql`(${channelId}::text, ${Math.trunc(d)}::int)`);
  return rows.length ? sql.join(rows, sql`, `) : sql`(null::text, null::int)`;
}

/** The population of one window: `from … where` with the window on the KPI's instant. */
export function inWindow(def: KpiDefinition, now: Date, days: number): SQL {
  return sql`from ${def.from} where ${def.time} >= ${since(now, days)} and ${def.time} < ${at(now)} and ${def.where}`;
}

export async function countKpi(db: Executor, kpi: KpiName, input: KpiQueryInput): Promise<KpiCount[]> {
  if (input.windows.length === 0) return [];
  const def = kpiDefinitions[kpi](input);
  const widest = Math.max(...input.windows);
  const columns = input.windows.map(
    (d, i) => sql`count(*) filter (where ${def.time} >= ${since(input.now, d)})::int as ${sql.raw(`p${i}`)},
      count(*) filter (where ${def.time} >= ${since(input.now, d)} and ${def.defect})::int as ${sql.raw(`d${i}`)}`,
  );
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(
      sql`select o.channel_id, ${sql.join(columns, sql`, `)} ${inWindow(def, input.now, widest)} group by o.channel_id`,
    ),
  );
  return rows.flatMap((r) =>
    input.windows.map((windowDays, i) => ({
      channelId: String(r.channel_id),
      windowDays,
      denominator: Number(r[`p${i}`]),
      numerator: Number(r[`d${i}`]),
    })),
  );
}
