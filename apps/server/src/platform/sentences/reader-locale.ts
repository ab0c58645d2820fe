/** The two languages the platform writes in; Dutch unless the reader chose English. */
export type Language = 'nl' | 'en';

/** The locale a language's dates and numbers are written in (British English: day before month). */
export const LOCALE: Readonly<Record<Language, string>> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * A local day (YYYY-MM-DD, as the business counts days) as its reader writes it in a sentence.
 * @example formatDay('2026-12-03', 'en') // "3 December 2026"
 */
export function formatDay(date: string, language: Language): string {
  // Noon UTC, read in UTC: no time zone can move it to another day.
  return new Intl.DateTimeFormat(LOCALE[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** A moment as its reader reads the clock in the Netherlands: "3 december 2026 om 14:05" / "3 December 2026 at 14:05". */
export function formatMoment(at: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(at);
}

/** A quantity with the reader's decimal separator: "2,5" / "2.5". */
export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 3 }).format(n);
}

/** A month YYYY-MM in words: "november 2026" / "November 2026". */
export function formatMonth(month: string, language: Language): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(LOCALE[language], { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, 15)),
  );
}
