import {
  formatDate,
  formatDateTime,
  formatDay,
  formatDayInWeek,
  formatMonth,
  formatNarrowDay,
  formatShortDay,
  formatTime,
} from './date';
import type { Locale } from './locale';
import { formatCents, formatCount, formatNumber, formatPercent } from './money';

/**
 * Every formatter of amounts, numbers, dates and times, bound to one language. Pages take them from
 * `useI18n()`, so what they show follows the language the user chose, in Amsterdam time.
 */
export type Formatters = {
  formatCents: (cents: number) => string;
  formatPercent: (ratio: number) => string;
  formatCount: (n: number) => string;
  formatNumber: (n: number) => string;
  formatDate: (iso: string) => string;
  formatTime: (iso: string) => string;
  formatDateTime: (iso: string) => string;
  formatDay: (day: string) => string;
  formatDayInWeek: (day: string) => string;
  formatShortDay: (day: string) => string;
  formatNarrowDay: (day: string) => string;
  formatMonth: (month: string) => string;
};

const made = new Map<Locale, Formatters>();

export function formattersFor(locale: Locale): Formatters {
  let formatters = made.get(locale);
  if (!formatters) {
    formatters = {
      formatCents: (cents) => formatCents(cents, locale),
      formatPercent: (ratio) => formatPercent(ratio, locale),
      formatCount: (n) => formatCount(n, locale),
      formatNumber: (n) => formatNumber(n, locale),
      formatDate: (iso) => formatDate(iso, locale),
      formatTime: (iso) => formatTime(iso, locale),
      formatDateTime: (iso) => formatDateTime(iso, locale),
      formatDay: (day) => formatDay(day, locale),
      formatDayInWeek: (day) => formatDayInWeek(day, locale),
      formatShortDay: (day) => formatShortDay(day, locale),
      formatNarrowDay: (day) => formatNarrowDay(day, locale),
      formatMonth: (month) => formatMonth(month, locale),
    };
    made.set(locale, formatters);
  }
  return formatters;
}
