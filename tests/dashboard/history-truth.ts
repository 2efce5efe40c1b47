import { type KpiName, policyFor } from '../../api/services/dashboard/kpi-policies.js';
import { genChannels, genPickers, genProducts, orderFacts } from './history-rules.js';

export interface HistoryTruth {
  /** `${channelId}:${kpi}:${windowDays}` → defects and population. */
  kpis: Map<string, { numerator: number; denominator: number }>;
  today: Record<'late' | 'today' | 'tomorrow' | 'later' | 'no_date', number>;
  pickers: Map<
    string,
    { picks: number; units: number; wrong: number; shorts: number; shortUnits: number; hours: number }
  >;
  importToShip: Map<string, { shipped: number; averageHours: number }>;
  ordersPerDay: Map<string, number>;
  recentUnitsBySku: Map<string, number>;
  availableBySku: Map<string, number>;
}

const day = 86_400;

/**
 * The true figures of a generated history, from the generation rules alone (orderFacts) and the KPI
 * definitions as the marketplaces word them, without the database: what the dashboard must answer.
 * Calendar days are UTC here.
 */
export function historyTruth(size: number, nowS: number, warehouseDays = 7): HistoryTruth {
  const kpis = new Map<string, { numerator: number; denominator: number }>();
  const add = (channelId: string, kpi: KpiName, windowDays: number, isDefect: boolean) => {
    const key = `${channelId}:${kpi}:${windowDays}`;
    const c = kpis.get(key) ?? { numerator: 0, denominator: 0 };
    c.denominator++;
    if (isDefect) c.numerator++;
    kpis.set(key, c);
  };
  const windows = genChannels.map((ch) => {
    const policy = policyFor(ch.type);
    return (kpi: KpiName) => policy.kpis.filter((k) => k.kpi === kpi).map((k) => k.windowDays);
  });
  const inWindow = (t: number | null, d: number) => t !== null && t >= nowS - d * day && t < nowS;
  const today = { late: 0, today: 0, tomorrow: 0, later: 0, no_date: 0 };
  const midnight = Math.floor(nowS / day) * day;
  const pickers = new Map<
    string,
    { picks: number; units: number; wrong: number; shorts: number; shortUnits: number; hours: number }
  >();
  const hours = new Map<string, Set<number>>();
  const ship = new Map<string, { shipped: number; totalHours: number }>();
  const ordersPerDay = new Map<string, number>();
  const recentUnitsBySku = new Map<string, number>();
  const sku = (p: number) => `GEN-${String(p).padStart(2, '0')}`;
  for (let i = 0; i < size; i++) {
    const f = orderFacts(i, size, nowS);
    const ch = genChannels[f.channel]!;
    const w = windows[f.channel]!;
    const notCancelled = f.status !== 'cancelled';
    for (const d of w('late_shipment'))
      if (inWindow(f.shipBy, d) && notCancelled)
        add(ch.id, 'late_shipment', d, f.shipped === null || f.shipped > f.shipBy);
    for (const d of w('cancellation'))
      if (inWindow(f.placed, d))
        add(ch.id, 'cancellation', d, f.status === 'cancelled' && f.shipped === null);
    for (const d of w('valid_tracking'))
      if (inWindow(f.shipped, d)) add(ch.id, 'valid_tracking', d, !f.pushConfirmed);
    for (const d of w('on_time_delivery'))
      if (inWindow(f.delivered, d))
        add(ch.id, 'on_time_delivery', d, f.delivered! > f.shipBy + ch.promise * day);
    for (const d of w('return_rate'))
      if (inWindow(f.shipped, d)) add(ch.id, 'return_rate', d, f.returnStatus === 'closed');

    if (f.status !== 'cancelled' && f.status !== 'shipped') {
      if (f.shipBy < nowS) today.late++;
      else if (f.shipBy < midnight + day) today.today++;
      else if (f.shipBy < midnight + 2 * day) today.tomorrow++;
      else today.later++;
    }
    if (f.shipped !== null) {
      const picker = genPickers[f.picker]!.id;
      const p = pickers.get(picker) ?? { picks: 0, units: 0, wrong: 0, shorts: 0, shortUnits: 0, hours: 0 };
      const seen = hours.get(picker) ?? new Set<number>();
      const pickAt = f.shipped - 3 * 3600;
      const isRecent = f.shipped >= nowS - 8 * day;
      const touch = (t: number) => seen.add(Math.floor(t / 3600));
      if (isRecent && inWindow(pickAt, warehouseDays)) {
        p.picks++;
        p.units += f.quantity;
        touch(pickAt);
      }
      if (isRecent && f.wrongScan && inWindow(pickAt - 60, warehouseDays)) {
        p.wrong++;
        touch(pickAt - 60);
      }
      if (isRecent && f.shortPick && inWindow(pickAt + 30, warehouseDays)) {
        p.shorts++;
        p.shortUnits++;
        touch(pickAt + 30);
      }
      p.hours = seen.size;
      if (p.picks || p.wrong || p.shorts) {
        pickers.set(picker, p);
        hours.set(picker, seen);
      }
      if (inWindow(f.shipped, warehouseDays)) {
        const s = ship.get(ch.id) ?? { shipped: 0, totalHours: 0 };
        s.shipped++;
        s.totalHours += (f.shipped - f.created) / 3600;
        ship.set(ch.id, s);
      }
    }
    if (inWindow(f.placed, 731)) {
      const key = new Date(f.placed * 1000).toISOString().slice(0, 10);
      ordersPerDay.set(key, (ordersPerDay.get(key) ?? 0) + 1);
    }
    if (notCancelled && inWindow(f.placed, 30))
      recentUnitsBySku.set(sku(f.product), (recentUnitsBySku.get(sku(f.product)) ?? 0) + f.quantity);
  }
  const availableBySku = new Map<string, number>();
  for (let p = 0; p < genProducts; p++) availableBySku.set(sku(p), 100 + 37 * p);
  return {
    kpis,
    today,
    pickers,
    importToShip: new Map(
      [...ship].map(([id, s]) => [id, { shipped: s.shipped, averageHours: s.totalHours / s.shipped }]),
    ),
    ordersPerDay,
    recentUnitsBySku,
    availableBySku,
  };
}
