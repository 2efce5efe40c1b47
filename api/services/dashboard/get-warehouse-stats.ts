import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/client.js';

export interface PickerStats {
  userId: string | null;
  name: string;
  /** Accepted pick scans, and the units they moved. */
  picks: number;
  units: number;
  wrongScans: number;
  shortPicks: number;
  shortUnits: number;
  /** Clock hours in which the picker scanned at least once: the hours they were picking. */
  activeHours: number;
  picksPerHour: number;
  unitsPerHour: number;
  /** 1 − wrong scans / all scans; null without scans. */
  accuracy: number | null;
}

export interface ImportToShip {
  channelId: string;
  channelName: string;
  shipped: number;
  averageHours: number;
  medianHours: number;
  p90Hours: number;
}

export interface WarehouseStats {
  windowDays: number;
  pickers: PickerStats[];
  totals: Omit<PickerStats, 'userId' | 'name'>;
  importToShip: ImportToShip[];
}

const pickTypes = sql.raw(`('pick.scanned','pick.scan_rejected','pick.short')`);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function rates(s: Omit<PickerStats, 'userId' | 'name' | 'picksPerHour' | 'unitsPerHour' | 'accuracy'>) {
  const scans = s.picks + s.wrongScans;
  return {
    picksPerHour: s.activeHours ? round(s.picks / s.activeHours) : 0,
    unitsPerHour: s.activeHours ? round(s.units / s.activeHours) : 0,
    accuracy: scans ? 1 - s.wrongScans / scans : null,
  };
}

/**
 * Pickers' work over the last `windowDays`, from the event log (every scan is an event): picks and
 * units per active hour, pick accuracy (wrong scans over scans), short picks; and per channel the time
 * from import to ship of the orders shipped in the window. Reads events_type_time_idx and
 * orders_shipped_at_idx.
 */
export async function getWarehouseStats(
  db: Executor,
  now: Date,
  windowDays: number,
): Promise<WarehouseStats> {
  const until = now.toISOString();
  const from = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
  const rows = rowsOf<{
    user_id: string | null;
    name: string | null;
    picks: number;
    units: number;
    wrong: number;
    shorts: number;
    short_units: number;
    hours: number;
  }>(
    await db.execute(sql`select e.actor_user_id as user_id, u.name,
        count(*) filter (where e.type = 'pick.scanned')::int as picks,
        coalesce(sum((e.payload->>'units')::int) filter (where e.type = 'pick.scanned'), 0)::int as units,
        count(*) filter (where e.type = 'pick.scan_rejected')::int as wrong,
        count(*) filter (where e.type = 'pick.short')::int as shorts,
        coalesce(sum((e.payload->>'units')::int) filter (where e.type = 'pick.short'), 0)::int as short_units,
        count(distinct floor(extract(epoch from e.occurred_at) / 3600))::int as hours
      from events e left join users u on u.id = e.actor_user_id
      where e.type in ${pickTypes} and e.occurred_at >= ${from}::timestamptz and e.occurred_at < ${until}::timestamptz
      group by 1, 2 order by 3 desc, 1`),
  );
  const pickers = rows.map((r) => {
    const base = {
      picks: Number(r.picks),
      units: Number(r.units),
      wrongScans: Number(r.wrong),
      shortPicks: Number(r.shorts),
      shortUnits: Number(r.short_units),
      activeHours: Number(r.hours),
    };
    return { userId: r.user_id, name: r.name ?? r.user_id ?? '—', ...base, ...rates(base) };
  });
  const sum = (k: 'picks' | 'units' | 'wrongScans' | 'shortPicks' | 'shortUnits' | 'activeHours') =>
    pickers.reduce((n, p) => n + p[k], 0);
  const totalsBase = {
    picks: sum('picks'),
    units: sum('units'),
    wrongScans: sum('wrongScans'),
    shortPicks: sum('shortPicks'),
    shortUnits: sum('shortUnits'),
    activeHours: sum('activeHours'),
  };
  const ship = rowsOf<{ channel_id: string; name: string; n: number; avg: number; p50: number; p90: number }>(
    await db.execute(sql`select o.channel_id, c.name, count(*)::int as n,
        avg(extract(epoch from o.shipped_at - o.created_at) / 3600)::float8 as avg,
        percentile_cont(0.5) within group (order by extract(epoch from o.shipped_at - o.created_at) / 3600)::float8 as p50,
        percentile_cont(0.9) within group (order by extract(epoch from o.shipped_at - o.created_at) / 3600)::float8 as p90
      from orders o join channels c on c.id = o.channel_id
      where o.shipped_at >= ${from}::timestamptz and o.shipped_at < ${until}::timestamptz
      group by 1, 2 order by 2`),
  );
  return {
    windowDays,
    pickers,
    totals: { ...totalsBase, ...rates(totalsBase) },
    importToShip: ship.map((r) => ({
      channelId: r.channel_id,
      channelName: r.name,
      shipped: Number(r.n),
      averageHours: round(Number(r.avg)),
      medianHours: round(Number(r.p50)),
      p90Hours: round(Number(r.p90)),
    })),
  };
}
