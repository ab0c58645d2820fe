import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * The VAT category of a line, and the rate that follows from it. Reverse charge ("btw verlegd") is 0%
 * like zero-rated, but it is another thing in law and on the invoice (UBL category AE, not Z): the
 * buyer accounts for the VAT, so the invoice must say so and name the buyer's VAT number.
 */
export const VAT_CATEGORIES = ['standard', 'reduced', 'zero', 'reverse_charge'] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];

export const VAT_RATE_OF: Readonly<Record<VatCategory, number>> = {
  standard: 21,
  reduced: 9,
  zero: 0,
  reverse_charge: 0,
};

/** The text Dutch law asks for on a reverse-charge invoice, next to the buyer's VAT number. */
export const REVERSE_CHARGE_NOTE = 'Btw verlegd';

/** The category a plain rate stands for; a rate alone never means reverse charge. Null for a rate that does not exist. */
export function vatCategoryForRate(rate: number): VatCategory | null {
  return rate === 21 ? 'standard' : rate === 9 ? 'reduced' : rate === 0 ? 'zero' : null;
}

/** Database check that a line's rate is the one its category gives (used by every table with VAT lines). */
export function vatCategoryMatchesRate(category: AnyColumn, rate: AnyColumn): SQL {
  return sql`(${category} = 'standard' and ${rate} = 21) or (${category} = 'reduced' and ${rate} = 9) or (${category} in ('zero', 'reverse_charge') and ${rate} = 0)`;
}

/** How a printed document (quote, invoice) shows a line's VAT: its rate, or "verlegd" for reverse charge. */
export const printedVat = (line: { vatCategory?: VatCategory | undefined; vatRate: number }) =>
  line.vatCategory === 'reverse_charge' ? 'verlegd' : `${line.vatRate}%`;
