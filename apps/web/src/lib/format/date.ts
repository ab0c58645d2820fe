import { perLocale, type Locale } from './locale';

// The business runs on Amsterdam time whatever the browser's zone is (a planner abroad,
// a CI machine in UTC), so every formatter pins the zone.
export const BUSINESS_TIME_ZONE = 'Europe/Amsterdam';

// Dutch readers know "02-03-2026"; in English the month is written out ("2 Mar 2026"), since
// "02/03/2026" reads as the 3rd of February to half of them.
const dateFormat = perLocale(
  (l) =>
    new Intl.DateTimeFormat(l, {
      timeZone: BUSINESS_TIME_ZONE,
      day: l === 'nl-NL' ? '2-digit' : 'numeric',
      month: l === 'nl-NL' ? '2-digit' : 'short',
      year: 'numeric',
    }),
);
const timeFormat = perLocale(
  (l) => new Intl.DateTimeFormat(l, { timeZone: BUSINESS_TIME_ZONE, hour: '2-digit', minute: '2-digit' }),
);
// Calendar days (YYYY-MM-DD) are formatted at noon UTC, in UTC: the date never shifts.
const dayFormat = perLocale(
  (l) =>
    new Intl.DateTimeFormat(l, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
);
const dayInWeekFormat = perLocale(
  (l) => new Intl.DateTimeFormat(l, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }),
);
const shortDayFormat = perLocale(
  (l) => new Intl.DateTimeFormat(l, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }),
);
const narrowDayFormat = perLocale(
  (l) => new Intl.DateTimeFormat(l, { timeZone: 'UTC', weekday: 'short', day: 'numeric' }),
);
const monthFormat = perLocale((l) => new Intl.DateTimeFormat(l, { timeZone: 'UTC', month: 'long', year: 'numeric' }));
const isoDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const noonOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
};

/** An ISO timestamp as its date in Amsterdam: "2026-03-01T23:30:00Z" -> "02-03-2026" / "2 Mar 2026". */
export function formatDate(iso: string, locale: Locale): string {
  return dateFormat(locale).format(new Date(iso));
}

/** An ISO timestamp as the clock in Amsterdam reads it: "00:30". */
export function formatTime(iso: string, locale: Locale): string {
  return timeFormat(locale).format(new Date(iso));
}

/** An ISO timestamp as "02-03-2026 00:30" / "2 Mar 2026 00:30" in Amsterdam time. */
export function formatDateTime(iso: string, locale: Locale): string {
  return `${formatDate(iso, locale)} ${formatTime(iso, locale)}`;
}

/** The local calendar date in Amsterdam as `YYYY-MM-DD` (the format of visit dates). */
export function amsterdamDay(at: Date = new Date()): string {
  return isoDayFormat.format(at);
}

/** Shifts a local `YYYY-MM-DD` by whole days; calendar arithmetic, so DST cannot skip a day. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d + days));
  return utc.toISOString().slice(0, 10);
}

/**
 * A local `YYYY-MM-DD` with its weekday.
 *
 * @example formatDay('2026-11-23', 'nl-NL') // "maandag 23 november 2026"
 */
export function formatDay(day: string, locale: Locale): string {
  return dayFormat(locale).format(noonOf(day));
}

/** A day of the coming week without its year: "maandag 23 november" / "Monday 23 November". */
export function formatDayInWeek(day: string, locale: Locale): string {
  return dayInWeekFormat(locale).format(noonOf(day));
}

/** A day in a list or a column: "ma 23 nov" / "Mon 23 Nov". */
export function formatShortDay(day: string, locale: Locale): string {
  return shortDayFormat(locale).format(noonOf(day));
}

/** A day in a narrow column of a month: "ma 23" / "Mon 23". */
export function formatNarrowDay(day: string, locale: Locale): string {
  return narrowDayFormat(locale).format(noonOf(day));
}

/**
 * A month `YYYY-MM` as people say it.
 *
 * @example formatMonth('2026-11', 'nl-NL') // "november 2026"
 */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return monthFormat(locale).format(new Date(Date.UTC(y, m - 1, 15)));
}
