import { perLocale, type Locale } from './locale';

const euro = perLocale((l) => new Intl.NumberFormat(l, { style: 'currency', currency: 'EUR' }));
const percent = perLocale((l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 1 }));
const integer = perLocale((l) => new Intl.NumberFormat(l));
const quantity = perLocale((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 3 }));

// Intl puts a no-break space after the sign; a plain space keeps copy/paste and tests predictable.
const plainSpaces = (s: string) => s.replace(/\u00a0/g, ' ');

/**
 * Integer euro cents as money in the reader's notation.
 *
 * @example formatCents(123456, 'nl-NL') // "€ 1.234,56"
 * @example formatCents(123456, 'en')    // "€1,234.56"
 */
export function formatCents(cents: number, locale: Locale): string {
  return plainSpaces(euro(locale).format(cents / 100));
}

/** A ratio 0..1 as "42,5%" / "42.5%". */
export function formatPercent(ratio: number, locale: Locale): string {
  return plainSpaces(percent(locale).format(ratio));
}

/** A count with thousands separators: 6959 -> "6.959" / "6,959". */
export function formatCount(n: number, locale: Locale): string {
  return integer(locale).format(n);
}

/** A quantity or measure with up to three decimals: 2.5 -> "2,5" / "2.5". */
export function formatNumber(n: number, locale: Locale): string {
  return quantity(locale).format(n);
}
