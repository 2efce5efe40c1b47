import { locale } from './i18n.js';

const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatTime = (date: Date) => timeOnly.format(date);

/** Money arrives as integer minor units; it is shown through a decimal string, never a float. */
export function formatMoney(minor: number, currency: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const sign = minor < 0 ? '-' : '';
  const units = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal = digits ? `${units.slice(0, -digits)}.${units.slice(-digits)}` : units;
  return format.format(`${sign}${decimal}` as `${number}`);
}

export type ShipByTone = 'late' | 'today' | 'later' | 'none';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "in 3 hours", "2 days ago"… and whether it is late, due today (local day) or later. */
export function describeShipBy(iso: string | null, now: Date): { text: string; tone: ShipByTone } {
  if (!iso) return { text: '', tone: 'none' };
  const at = new Date(iso);
  const diff = at.getTime() - now.getTime();
  // The unit is chosen after rounding, so 59.6 minutes reads "in 1 hour", not "in 60 minutes".
  const minutes = Math.round(diff / minute);
  const hours = Math.round(diff / hour);
  const text =
    Math.abs(minutes) < 60
      ? relative.format(minutes, 'minute')
      : Math.abs(hours) < 24
        ? relative.format(hours, 'hour')
        : relative.format(Math.round(diff / day), 'day');
  const tone: ShipByTone = diff < 0 ? 'late' : at.toDateString() === now.toDateString() ? 'today' : 'later';
  return { text, tone };
}

export function formatWeight(grams: number): string {
  return grams >= 1000
    ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilogram', maximumFractionDigits: 2 }).format(
        grams / 1000,
      )
    : new Intl.NumberFormat(locale, { style: 'unit', unit: 'gram' }).format(grams);
}
