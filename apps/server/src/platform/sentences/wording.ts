import { formatDay, formatNumber, type Language } from './reader-locale.ts';

/** How a sentence writes the days and numbers among its parameters, in its reader's locale. */
export type Formats = { day: (date: string) => string; number: (n: number) => string };

/** What a sentence may be told: stored as jsonb, so plain JSON values only. */
export type SentenceParams = Record<string, string | number | null | string[]>;

/** One sentence in both languages, worded from the same parameters. */
export type Wording<P> = { nl: (p: P, f: Formats) => string; en: (p: P, f: Formats) => string };

/** Declares a sentence: its parameters come from the Dutch wording, and the English one must take the same. */
export const wording = <P extends SentenceParams | Record<string, never>>(w: {
  nl: (p: P, f: Formats) => string;
  en: (p: NoInfer<P>, f: Formats) => string;
}): Wording<P> => w;

export const formatsFor = (language: Language): Formats => ({
  day: (date) => formatDay(date, language),
  number: (n) => formatNumber(n, language),
});
