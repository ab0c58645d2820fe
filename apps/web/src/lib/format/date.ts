// The business runs on Amsterdam time whatever the browser's zone is (a planner abroad,
// a CI machine in UTC), so every formatter pins the zone.
export const BUSINESS_TIME_ZONE = 'Europe/Amsterdam';

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: BUSINESS_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: BUSINESS_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
});
const isoDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An ISO timestamp as the Dutch date in Amsterdam: "2026-03-01T23:30:00Z" -> "02-03-2026". */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** An ISO timestamp as "02-03-2026 00:30" in Amsterdam time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return `${dateFormat.format(d)} ${timeFormat.format(d)}`;
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
 * A local `YYYY-MM-DD` with its weekday, in the UI language.
 *
 * @example formatDay('2026-11-23') // "maandag 23 november 2026"
 */
export function formatDay(day: string, locale: string = 'nl-NL'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Noon UTC of that date, formatted in UTC: the calendar date never shifts.
  const noon = new Date(Date.UTC(y, m - 1, d, 12));
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(noon);
}

/**
 * A month `YYYY-MM` as people say it, in the UI language.
 *
 * @example formatMonth('2026-11') // "november 2026"
 */
export function formatMonth(month: string, locale: string = 'nl-NL'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, 15)),
  );
}
