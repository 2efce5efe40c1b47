import { client } from '../../api.js';
import { locale } from '../../i18n.js';

const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
const decimalFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });

/** A rate as the marketplaces print it: 0.0345 → "3.45 %". */
export const formatPercent = (rate: number | null) => (rate === null ? '—' : percentFormat.format(rate));
export const formatDecimal = (n: number | null) => (n === null ? '—' : decimalFormat.format(n));
/** A calendar day (YYYY-MM-DD, already in the warehouse's zone) in words, without shifting it. */
export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

/** The browser's IANA zone: "today" on the dashboard is the day on the wall where the desk sits. */
export const warehouseTimeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

type ExportArgs = Parameters<(typeof client.api.dashboard.export)[':table']['$path']>[0];
export type ExportTable = NonNullable<ExportArgs>['param']['table'];
export type ExportQuery = NonNullable<ExportArgs>['query'];

/** The CSV of one dashboard table, through the typed client so a renamed route breaks the build. */
export const exportPath = (table: ExportTable, query: ExportQuery = {}) =>
  client.api.dashboard.export[':table'].$path({ param: { table }, query });

/** Today's calendar day (YYYY-MM-DD) in a time zone. */
export const dayIn = (timeZone: string, at = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );
