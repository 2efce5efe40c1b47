import { useMemo } from 'react';
import uPlot from 'uplot';
import { locale, t } from '../../i18n.js';
import { UPlotChart } from './UPlotChart.js';

const dayS = 86_400;
/** Weeks behind and ahead of today: the recent trend, then the coming weeks as past seasons lived them. */
const behind = 12 * 7;
const ahead = 28;

const toS = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
const tick = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * Orders per day over the last twelve weeks, with the same calendar days one and two years ago laid over
 * them and carried four weeks past today, so a coming peak shows before it arrives.
 */
export function OrdersPerDayChart({
  days,
  today,
}: {
  days: { day: string; orders: number }[];
  today: string;
}) {
  const data = useMemo<uPlot.AlignedData>(() => {
    const byDay = new Map(days.map((d) => [toS(d.day), d.orders]));
    const first = days.length ? toS(days[0]!.day) : Number.POSITIVE_INFINITY;
    const todayS = toS(today);
    // Days before the first one the API covered are unknown, not zero; the first itself is cut by the
    // two-year window, so it is unknown too rather than a dip.
    const at = (s: number) => (s <= first ? null : (byDay.get(s) ?? 0));
    const xs: number[] = [];
    const thisYear: (number | null)[] = [];
    const oneYear: (number | null)[] = [];
    const twoYears: (number | null)[] = [];
    for (let s = todayS - behind * dayS; s < todayS + ahead * dayS; s += dayS) {
      xs.push(s);
      // Today is not over: its half-day would read as a drop.
      thisYear.push(s < todayS ? at(s) : null);
      oneYear.push(at(s - 365 * dayS));
      twoYears.push(at(s - 730 * dayS));
    }
    return [xs, thisYear, oneYear, twoYears];
  }, [days, today]);

  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      // The days are calendar days already: draw them as such, whatever the browser's zone.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'UTC'),
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } },
      axes: [
        { values: (_u, splits) => splits.map((s) => tick.format(new Date(s * 1000))) },
        { label: t('dashOrdersAxis'), size: 56 },
      ],
      cursor: { drag: { x: false, y: false } },
      legend: { live: false },
      series: [
        {},
        { label: t('dashThisYear'), stroke: '#0b3d91', width: 2.5, fill: 'rgba(11, 61, 145, 0.08)' },
        { label: t('dashYearsAgo', { years: 1 }), stroke: '#a34700', width: 1.5, dash: [6, 4] },
        { label: t('dashYearsAgo', { years: 2 }), stroke: '#6b7280', width: 1.5, dash: [2, 4] },
      ],
    }),
    [],
  );

  return <UPlotChart options={options} data={data} label={t('dashPeakChartTitle')} testId="orders-chart" />;
}
