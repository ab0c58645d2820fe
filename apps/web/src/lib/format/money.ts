// One formatter instance: constructing Intl formatters is slow and tables format hundreds of cells.
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/**
 * Integer euro cents as Dutch money.
 *
 * @example formatCents(123456) // "€ 1.234,56"
 */
export function formatCents(cents: number): string {
  // Intl puts a no-break space after the sign; a plain space keeps copy/paste and tests predictable.
  return euro.format(cents / 100).replace(/\u00a0/g, ' ');
}

const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

/** A ratio 0..1 as "42,5%". */
export function formatPercent(ratio: number): string {
  return percent.format(ratio).replace(/\u00a0/g, ' ');
}

const integer = new Intl.NumberFormat('nl-NL');

/** A count with Dutch thousands separators: 6959 -> "6.959". */
export function formatCount(n: number): string {
  return integer.format(n);
}
