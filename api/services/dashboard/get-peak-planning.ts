import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/client.js';

export interface DayCount {
  day: string;
  orders: number;
}

export interface SeasonAhead {
  /** The coming `horizonDays`, one and two years back: what the same season looked like. */
  yearsAgo: number;
  from: string;
  to: string;
  averagePerDay: number;
  peakDay: DayCount | null;
}

export interface StockCoverage {
  productId: string;
  sku: string;
  name: string;
  available: number;
  /** Units sold per day over the last 30 days, and in the same coming season last year. */
  recentDailyUnits: number;
  seasonDailyUnits: number;
  /** Days the available stock lasts at each rate; null when nothing sold at that rate. */
  coverageDays: number | null;
  seasonCoverageDays: number | null;
}

export interface PeakPlanning {
  timeZone: string;
  /** Orders placed per calendar day over the last two years (days without orders left out). */
  days: DayCount[];
  recentAveragePerDay: number;
  seasons: SeasonAhead[];
  coverage: StockCoverage[];
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const dayMs = 86_400_000;

/**
 * Peak planning from the seasons behind us: orders per day over two years, what the coming weeks looked
 * like one and two years ago, and how many days each product's available stock lasts at the recent rate
 * and at last season's. Reads orders_placed_at_idx.
 */
export async function getPeakPlanning(
  db: Executor,
  now: Date,
  timeZone: string,
  horizonDays = 28,
  coverageLimit = 50,
): Promise<PeakPlanning> {
  const from = new Date(now.getTime() - 731 * dayMs).toISOString();
  const until = now.toISOString();
  const lastSeasonFrom = new Date(now.getTime() - 365 * dayMs).toISOString();
  const lastSeasonTo = new Date(now.getTime() - (365 - horizonDays) * dayMs).toISOString();
  const recentFrom = new Date(now.getTime() - 30 * dayMs).toISOString();
  const coverageQuery = db.execute(sql`with sold as (
        select l.product_id,
          coalesce(sum(l.quantity) filter (where o.placed_at >= ${recentFrom}::timestamptz and o.placed_at < ${until}::timestamptz), 0) as recent,
          coalesce(sum(l.quantity) filter (where o.placed_at >= ${lastSeasonFrom}::timestamptz and o.placed_at < ${lastSeasonTo}::timestamptz), 0) as season
        from orders o join order_lines l on l.order_id = o.id
        where o.status <> 'cancelled'
          and ((o.placed_at >= ${recentFrom}::timestamptz and o.placed_at < ${until}::timestamptz)
            or (o.placed_at >= ${lastSeasonFrom}::timestamptz and o.placed_at < ${lastSeasonTo}::timestamptz))
        group by 1),
      stock as (select product_id, sum(on_hand - reserved)::int as available from bin_stock group by 1)
      select p.id, p.sku, p.name, coalesce(stock.available, 0)::int as available,
        coalesce(sold.recent, 0)::int as recent, coalesce(sold.season, 0)::int as season
      from products p left join sold on sold.product_id = p.id left join stock on stock.product_id = p.id
      where sold.product_id is not null
      order by coalesce(stock.available, 0)::float8 / greatest(coalesce(sold.recent, 0), 1) asc, p.sku
      limit ${coverageLimit}`);
  // Both statements go out together (each on its own pooled connection on PostgreSQL); the day is
  // formatted once per day, not once per order.
  const [dayRows, coverageRows] = await Promise.all([
    db.execute(sql`select to_char(d.day, 'YYYY-MM-DD') as day, d.n from (
        select (o.placed_at at time zone ${timeZone})::date as day, count(*)::int as n
        from orders o where o.placed_at >= ${from}::timestamptz and o.placed_at < ${until}::timestamptz
        group by 1) d
      order by d.day`),
    coverageQuery,
  ]);
  const days = rowsOf<{ day: string; n: number }>(dayRows).map((r) => ({ day: r.day, orders: Number(r.n) }));
  const coverage = rowsOf<{
    id: string;
    sku: string;
    name: string;
    available: number;
    recent: number;
    season: number;
  }>(coverageRows);
  const byDay = new Map(days.map((d) => [d.day, d.orders]));
  const today = dayOf(now, timeZone);
  const sumRange = (start: string, count: number) => {
    let total = 0;
    let peak: DayCount | null = null;
    for (let i = 0; i < count; i++) {
      const day = addDays(start, i);
      const n = byDay.get(day) ?? 0;
      total += n;
      if (n > 0 && (!peak || n > peak.orders)) peak = { day, orders: n };
    }
    return { total, peak };
  };
  const recent = sumRange(addDays(today, -horizonDays), horizonDays);
  const seasons = [1, 2].map((yearsAgo) => {
    const start = addDays(today, -365 * yearsAgo);
    const { total, peak } = sumRange(start, horizonDays);
    return {
      yearsAgo,
      from: start,
      to: addDays(start, horizonDays - 1),
      averagePerDay: round(total / horizonDays),
      peakDay: peak,
    };
  });
  return {
    timeZone,
    days,
    recentAveragePerDay: round(recent.total / horizonDays),
    seasons,
    coverage: coverage.map((r) => {
      const recentDaily = Number(r.recent) / 30;
      const seasonDaily = Number(r.season) / horizonDays;
      const available = Number(r.available);
      return {
        productId: r.id,
        sku: r.sku,
        name: r.name,
        available,
        recentDailyUnits: round(recentDaily),
        seasonDailyUnits: round(seasonDaily),
        coverageDays: recentDaily > 0 ? round(available / recentDaily, 1) : null,
        seasonCoverageDays: seasonDaily > 0 ? round(available / seasonDaily, 1) : null,
      };
    }),
  };
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function dayOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
}
